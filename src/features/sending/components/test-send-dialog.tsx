import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { ModalDialog } from '../../../components/ui/modal-dialog'
import { maxTestAddresses, testSendInputSchema } from '../../../domain/sending'
import { useCurrentUser } from '../../../lib/session'
import { useTestSendIssue } from '../api/test-send-issue'
import { lastTestAddresses, rememberTestAddresses } from './test-addresses'
import styles from './sending.module.css'

/** The addresses as typed: one per line, or separated by commas, semicolons or spaces. */
const splitAddresses = (text: string) => text.split(/[\s,;]+/).filter((part) => part.length > 0)

/** German messages for what is wrong with the typed addresses, or an empty list. */
function addressErrors(typed: string[]): string[] {
  const result = testSendInputSchema.safeParse({ addresses: typed })
  if (result.success) return []
  return result.error.issues.map((issue) => {
    const index = issue.path[1]
    return typeof index === 'number' ? `„${typed[index]}“: ${issue.message}` : issue.message
  })
}

interface TestSendDialogProps {
  issueId: string
  issueLabel: string
  onClose: () => void
}

/**
 * Testversand: the issue as it is now (also before approval) to oneself or up to five addresses;
 * the server puts "[Test]" before the subject. Shows where it went and what failed, and why.
 */
export function TestSendDialog({ issueId, issueLabel, onClose }: TestSendDialogProps) {
  const user = useCurrentUser()
  const fieldId = useId()
  const [text, setText] = useState(() => lastTestAddresses(user.id).join('\n'))
  const [errors, setErrors] = useState<string[]>([])
  const testSend = useTestSendIssue(issueId)
  const result = testSend.data
  const outcome = useRef<HTMLDivElement>(null)
  const failure = useRef<HTMLParagraphElement>(null)
  // "Test senden" is disabled while sending: the result (or the error) takes the focus
  useEffect(() => {
    if (testSend.isSuccess) outcome.current?.focus()
    if (testSend.isError) failure.current?.focus()
  }, [testSend.isSuccess, testSend.isError])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const typed = splitAddresses(text)
    const found = addressErrors(typed)
    setErrors(found)
    if (found.length > 0) {
      document.getElementById(fieldId)?.focus()
      return
    }
    rememberTestAddresses(user.id, typed)
    testSend.mutate({ addresses: typed })
  }

  return (
    <ModalDialog title={`Testversand von „${issueLabel}“`} onClose={onClose} narrow>
      <form onSubmit={submit} noValidate>
        <p>
          Der Test zeigt die Ausgabe so, wie sie jetzt ist – auch vor der Freigabe. Der Betreff
          beginnt mit „[Test]“; die Empfängerliste bekommt nichts.
        </p>
        <div className="field">
          <label htmlFor={fieldId}>E-Mail-Adressen</label>
          <textarea
            id={fieldId}
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${fieldId}-hint${errors.length > 0 ? ` ${fieldId}-error` : ''}`}
            aria-invalid={errors.length > 0 || undefined}
            autoComplete="email"
          />
          <p id={`${fieldId}-hint`} className="hint">
            Ihre eigene Adresse oder bis zu {maxTestAddresses} Adressen, eine pro Zeile oder durch
            Komma getrennt.
          </p>
          {errors.length > 0 && (
            <ul id={`${fieldId}-error`} className={`field-error ${styles.errorList}`}>
              {errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
        <div ref={outcome} tabIndex={-1} role="status" className={styles.result}>
          {testSend.isPending && <p>Der Test wird gesendet …</p>}
          {result && (
            <>
              <p>
                <strong>Betreff:</strong> {result.subject}
              </p>
              {result.sentTo.length > 0 && <p>✓ Gesendet an {result.sentTo.join(', ')}.</p>}
              {result.failed.length > 0 && (
                <>
                  <p className="field-error">Nicht gesendet:</p>
                  <ul className={styles.failures}>
                    {result.failed.map((failure) => (
                      <li key={failure.email}>
                        <strong>{failure.email}</strong>: {failure.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
        {testSend.isError && (
          <p ref={failure} tabIndex={-1} className="field-error" role="alert">
            {errorMessage(testSend.error)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={testSend.isPending}>
            Test senden
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Schließen
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
