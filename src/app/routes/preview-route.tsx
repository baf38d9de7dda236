import { useParams } from 'react-router'
import { PreviewPage } from '../../features/preview/components/preview-page'
import { TestSendButton } from '../../features/sending/components/test-send-button'

/** Loaded lazily: the preview will carry the renderers. The Testversand sits beside its exports. */
export default function PreviewRoute() {
  const { issueId = '' } = useParams()
  return (
    <PreviewPage key={issueId} issueId={issueId} actions={<TestSendButton issueId={issueId} />} />
  )
}
