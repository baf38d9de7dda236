import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { openFindingsSummary, type CheckResult } from '../../../domain/checks'
import { classNames } from '../../../lib/class-names'
import { severityLabel } from './approval-checks'
import checkStyles from './approval-checks.module.css'

interface SubmitConfirmDialogProps {
  issueLabel: string
  /** The checks as they stand; null when they could not run. */
  results: CheckResult[] | null
  /** Why the checks could not run. */
  checksFailed: boolean
  /** The one submitting approves too (the Dezernentin): the text speaks to her, not of her. */
  ownApproval: boolean
  busy: boolean
  /** Why the last attempt failed, shown in the dialog. */
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Asks before "Zur Freigabe einreichen" and lists what the checks still find, so that the
 * Redaktion (or the Dezernentin herself) submits knowingly; submitting is allowed with errors
 * and warnings.
 */
export function SubmitConfirmDialog({
  issueLabel,
  results,
  checksFailed,
  ownApproval,
  busy,
  error,
  onConfirm,
  onCancel,
}: SubmitConfirmDialogProps) {
  const summary = results && openFindingsSummary(results)
  return (
    <ConfirmDialog
      title={`„${issueLabel}“ zur Freigabe einreichen?`}
      confirmLabel={summary ? 'Trotzdem einreichen' : 'Einreichen'}
      confirmClassName="button-primary"
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {checksFailed ? (
        <p className="notice notice-warning">
          Die Prüfungen konnten nicht geladen werden;{' '}
          {ownApproval
            ? 'Sie sehen sie bei der Freigabe.'
            : 'die Dezernentin sieht sie bei der Freigabe.'}
        </p>
      ) : summary && results ? (
        <>
          <p>
            {summary} offen.{' '}
            {ownApproval
              ? 'Fehler müssen behoben sein, bevor Sie freigeben können; Warnungen nehmen Sie bei der Freigabe zur Kenntnis.'
              : 'Fehler muss die Redaktion beheben, bevor die Dezernentin freigeben kann; Warnungen nimmt sie bei der Freigabe zur Kenntnis.'}
          </p>
          <ul className={checkStyles.checks} aria-label="Offene Prüfungen">
            {results.map((result) => (
              <li
                key={result.id}
                className={classNames(checkStyles.check, checkStyles[result.severity])}
              >
                <span className={checkStyles.label}>{severityLabel(result)}</span> {result.message}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className={checkStyles.ok}>✓ Alle Prüfungen bestanden: keine Fehler, keine Warnungen.</p>
      )}
      <p>
        {ownApproval
          ? 'Danach ist die Ausgabe für die Redaktion gesperrt, bis Sie sie freigeben oder Änderungen anfordern.'
          : 'Danach ist die Ausgabe für die Redaktion gesperrt, bis die Dezernentin sie freigibt oder Änderungen anfordert.'}
      </p>
    </ConfirmDialog>
  )
}
