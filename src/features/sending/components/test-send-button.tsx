import { useState } from 'react'
import { useIssue } from '../../../backend/queries/get-issue'
import { useDisclosure } from '../../../lib/use-disclosure'
import { TestSendDialog } from './test-send-dialog'

/** "Testversand …": opens the dialog; focus returns to the button when it closes. */
export function TestSendButton({ issueId }: { issueId: string }) {
  const issue = useIssue(issueId)
  const { open, opener, show, close } = useDisclosure()
  // a new dialog per opening: the last result is not shown as if it were new
  const [opening, setOpening] = useState(0)
  return (
    <>
      <button
        type="button"
        className="button"
        ref={opener}
        onClick={() => {
          setOpening((count) => count + 1)
          show()
        }}
      >
        Testversand …
      </button>
      {open && issue.data && (
        <TestSendDialog
          key={opening}
          issueId={issueId}
          issueLabel={issue.data.label}
          onClose={close}
        />
      )}
    </>
  )
}
