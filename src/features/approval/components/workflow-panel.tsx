import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { useIssue } from '../../../backend/queries/get-issue'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import { useUsers } from '../../../backend/queries/list-users'
import { ErrorState } from '../../../components/ui/query-state'
import { approvalBlockers } from '../../../domain/checks'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { requestChangesInputSchema, type Issue } from '../../../domain/issue'
import { contentFingerprint } from '../../../domain/fingerprint'
import { can } from '../../../domain/permissions'
import { availableActions, checkTransition } from '../../../domain/workflow'
import { useNow } from '../../../lib/use-now'
import { useCurrentUser } from '../../../lib/session'
import { useDisclosure } from '../../../lib/use-disclosure'
import { useWorkflowAction, workflowActions } from '../api/workflow-actions'
import { ApprovalChecks } from './approval-checks'
import { useIssueChecks } from '../../../backend/queries/use-issue-checks'
import { ApprovalContent } from './approval-content'
import { ChangesSinceApproval } from './changes-since-approval'
import { IssueHistory } from './issue-history'
import { PublishConfirmDialog, UnpublishDialog } from './publish-dialogs'
import { SubmissionChecks } from './submission-checks'
import { ReopenConfirmDialog } from './reopen-confirm-dialog'
import { SubmitConfirmDialog } from './submit-confirm-dialog'
import { ReasonField, useReasonField } from '../../../components/ui/reason-field'
import styles from './workflow-panel.module.css'
import { FormActions } from '../../../components/ui/form-actions'

function RequestChangesForm({
  onSubmit,
  onCancel,
  busy,
}: {
  onSubmit: (comment: string) => void
  onCancel: () => void
  busy: boolean
}) {
  const { handleSubmit, ...comment } = useReasonField(requestChangesInputSchema.shape.comment)
  return (
    <form
      className="panel"
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label="Änderungen anfordern"
    >
      <ReasonField label="Kommentar" rows={4} autoFocus {...comment} />
      <FormActions submitLabel="Änderungen anfordern" busy={busy} onCancel={onCancel} />
    </form>
  )
}

function ApprovalArea({
  checks,
  busy,
  onApprove,
}: {
  checks: ReturnType<typeof useIssueChecks>
  busy: boolean
  onApprove: (acknowledged: string[], fingerprint: string) => void
}) {
  const [acknowledged, setAcknowledged] = useState<string[]>([])
  const { results, issue, articles: shown, publication, failed } = checks
  if (failed)
    return <ErrorState message={errorMessage(failed.error)} onRetry={() => failed.refetch()} />
  if (!shown || !results || !publication) return <p role="status">Prüfungen laufen …</p>
  const blockers = approvalBlockers(results, acknowledged)
  return (
    <div className={styles.review}>
      <ApprovalContent issue={issue} articles={shown} publication={publication} />
      <section aria-labelledby="checks-heading" className={styles.checksArea}>
        <h3 id="checks-heading">Prüfungen</h3>
        <ApprovalChecks
          results={results}
          acknowledgement={{
            acknowledged,
            onAcknowledge: (id, value) =>
              setAcknowledged((current) =>
                value ? [...current, id] : current.filter((item) => item !== id),
              ),
          }}
        />
        <button
          type="button"
          className="button button-primary"
          aria-disabled={blockers.length > 0 || busy || undefined}
          aria-describedby="approve-hint"
          onClick={() => {
            // the fingerprint of exactly the content shown beside the button, with the settings
            // the Vorschau shows it in
            if (blockers.length === 0 && !busy)
              void contentFingerprint(issue, shown, publication).then((print) =>
                onApprove(acknowledged, print),
              )
          }}
        >
          Freigeben
        </button>
        <p id="approve-hint" className="hint">
          {blockers.length === 0
            ? 'Sie geben genau den angezeigten Stand frei, mit Kopf, Impressum und Layout, wie die Vorschau sie zeigt.'
            : `Freigabe erst möglich, wenn alle Fehler behoben und alle Warnungen zur Kenntnis genommen sind (${blockers.length} offen).`}
        </p>
      </section>
    </div>
  )
}

/** Freigabe: the workflow verbs for the current role, the checks, the changes since approval, the Verlauf. */
export function WorkflowPanel({ issueId }: { issueId: string }) {
  const issue = useIssue(issueId)
  if (!issue.data) return null
  return <IssueWorkflow issue={issue.data} />
}

function IssueWorkflow({ issue: data }: { issue: Issue }) {
  const issueId = data.id
  const backend = useBackend()
  const user = useCurrentUser()
  const users = useUsers()
  const now = useNow()
  const articles = useQuery(articlesQueryOptions(backend, { issueId }))
  const {
    open: requesting,
    opener: requestOpener,
    show: startRequest,
    close: cancelRequest,
    dismiss: endRequest,
  } = useDisclosure()
  const [confirming, setConfirming] = useState<
    'submit' | 'publish' | 'unpublish' | 'reopen' | null
  >(null)
  const [message, setMessage] = useState<string | null>(null)
  const action = useWorkflowAction(issueId)
  const heading = useRef<HTMLHeadingElement>(null)
  const userName = (id: string) =>
    users.data?.find((candidate) => candidate.id === id)?.name ?? 'Unbekannt'
  const actions = availableActions(data, user.role, now)
  // before submission everyone sees what the Dezernentin will see
  const beforeSubmission = data.status === 'draft' || data.status === 'changes_requested'
  const checks = useIssueChecks(data, beforeSubmission || actions.includes('approve'))
  const submitBlocked = can(user.role, 'issue.submit')
    ? checkTransition('submit', data, user.role, now)
    : null
  // She may still submit, but the Redaktion waits for her to extend the deadline.
  const deadlineToExtend =
    beforeSubmission &&
    can(user.role, 'issue.extendDeadline') &&
    new Date(data.deadline).getTime() <= now.getTime()
  const ownApproval = can(user.role, 'issue.approve')
  // sent through Rundbrief: the Dezernentin is told why there is no "Versand zurücknehmen"
  const unpublish = can(user.role, 'issue.unpublish')
    ? checkTransition('unpublish', data, user.role, now)
    : null
  const unpublishRefused =
    data.status === 'published' && unpublish && !unpublish.ok ? unpublish.message : null

  const run = (input: Parameters<typeof action.mutate>[0], done: string) => {
    setMessage(null)
    action.mutate(input, {
      onSuccess: () => {
        // the button, form or dialog that ran the step goes away with the new status
        flushSync(() => {
          setMessage(done)
          endRequest()
          setConfirming(null)
        })
        heading.current?.focus()
      },
    })
  }
  const approve = (acknowledged: string[], fingerprint: string) => {
    run(
      { action: 'approve', acknowledgedWarnings: acknowledged, fingerprint },
      'Die Ausgabe ist freigegeben.',
    )
  }

  return (
    <section className={styles.workflowPanel} aria-labelledby="workflow-heading">
      <h2 id="workflow-heading" ref={heading} tabIndex={-1}>
        Freigabe
      </h2>
      {data.approval && (
        <p className={styles.approvalRecord}>
          ✓ Freigegeben von {userName(data.approval.approvedBy)} am{' '}
          {formatBerlinDateTime(data.approval.approvedAt)}.
          {data.status === 'approved' && ' Jede Änderung am Inhalt nimmt die Freigabe zurück.'}
        </p>
      )}
      {user.role === 'head' && articles.data && (
        <ChangesSinceApproval issue={data} articles={articles.data} userName={userName} />
      )}
      {submitBlocked && !submitBlocked.ok && submitBlocked.reason === 'deadline' && (
        <p className="notice notice-warning" role="note">
          {submitBlocked.message}
        </p>
      )}
      {deadlineToExtend && (
        <p className="notice notice-warning" role="note">
          Der Redaktionsschluss ist vorbei. Die Redaktion kann erst wieder einreichen, wenn Sie ihn
          unter „Ausgabe bearbeiten“ verlängern. Sie selbst können die Ausgabe auch jetzt
          einreichen.
        </p>
      )}
      {beforeSubmission && <SubmissionChecks checks={checks} ownApproval={ownApproval} />}
      <div className="actions">
        {actions
          .filter((verb) => verb !== 'approve')
          .map((verb) =>
            verb === 'publish' || verb === 'unpublish' ? (
              <button
                key={verb}
                type="button"
                className="button button-secondary"
                disabled={action.isPending}
                aria-describedby={verb === 'publish' ? 'publish-hint' : undefined}
                onClick={() => {
                  action.reset()
                  setConfirming(verb)
                }}
              >
                {workflowActions[verb].label} …
              </button>
            ) : verb === 'requestChanges' ? (
              !requesting && (
                <button
                  key={verb}
                  type="button"
                  className="button"
                  ref={requestOpener}
                  onClick={startRequest}
                >
                  {workflowActions[verb].label} …
                </button>
              )
            ) : verb === 'submit' ? (
              <button
                key={verb}
                type="button"
                className="button button-primary"
                // the question lists what the checks find: it waits for them
                disabled={action.isPending || (checks.results === null && !checks.failed)}
                onClick={() => {
                  action.reset()
                  setConfirming('submit')
                }}
              >
                {workflowActions[verb].label} …
              </button>
            ) : (
              <button
                key={verb}
                type="button"
                className="button"
                disabled={action.isPending}
                onClick={() => {
                  action.reset()
                  setConfirming(verb)
                }}
              >
                {workflowActions[verb].label} …
              </button>
            ),
          )}
        {unpublishRefused && <p className="muted">{unpublishRefused}</p>}
        {actions.length === 0 &&
          !unpublishRefused &&
          !(submitBlocked && !submitBlocked.ok && submitBlocked.reason === 'deadline') && (
            <p className="muted">
              Für Sie ist bei dieser Ausgabe gerade kein Arbeitsschritt vorgesehen.
            </p>
          )}
      </div>
      {actions.includes('publish') && (
        <p id="publish-hint" className="hint">
          „{workflowActions.publish.label}“ nur für eine Ausgabe, die auf anderem Weg versendet
          wurde. Über Rundbrief versenden Sie sie unter „Versand“.
        </p>
      )}
      {requesting && (
        <RequestChangesForm
          busy={action.isPending}
          onCancel={cancelRequest}
          onSubmit={(comment) =>
            run(
              { action: 'requestChanges', comment },
              'Die Ausgabe ist mit Ihrem Kommentar an die Redaktion zurückgegangen.',
            )
          }
        />
      )}
      {confirming === 'submit' && (
        <SubmitConfirmDialog
          issueLabel={data.label}
          results={checks.results}
          checksFailed={checks.failed !== undefined}
          ownApproval={ownApproval}
          busy={action.isPending}
          error={action.isError ? errorMessage(action.error) : null}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            run(
              { action: 'submit' },
              ownApproval
                ? 'Die Ausgabe liegt jetzt zur Freigabe vor. Sie können sie hier prüfen und freigeben.'
                : 'Die Ausgabe liegt jetzt der Dezernentin zur Freigabe vor.',
            )
          }
        />
      )}
      {confirming === 'publish' && (
        <PublishConfirmDialog
          issueLabel={data.label}
          busy={action.isPending}
          error={action.isError ? errorMessage(action.error) : null}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            run({ action: 'publish' }, 'Die Ausgabe ist als versendet markiert und damit gesperrt.')
          }
        />
      )}
      {confirming === 'unpublish' && (
        <UnpublishDialog
          issueLabel={data.label}
          busy={action.isPending}
          error={action.isError ? errorMessage(action.error) : null}
          onCancel={() => setConfirming(null)}
          onConfirm={(reason) =>
            run(
              { action: 'unpublish', reason },
              'Der Versand ist zurückgenommen. Die Ausgabe ist wieder freigegeben.',
            )
          }
        />
      )}
      {confirming === 'reopen' && (
        <ReopenConfirmDialog
          issueLabel={data.label}
          status={data.status}
          busy={action.isPending}
          error={action.isError ? errorMessage(action.error) : null}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            run(
              { action: 'reopen' },
              data.status === 'approved'
                ? 'Die Freigabe ist zurückgenommen. Die Ausgabe ist wieder in Bearbeitung.'
                : 'Die Ausgabe ist wieder in Bearbeitung.',
            )
          }
        />
      )}
      {actions.includes('approve') && (
        <ApprovalArea checks={checks} busy={action.isPending} onApprove={approve} />
      )}
      <div role="status" className={styles.status}>
        {message}
      </div>
      {action.isError && !confirming && (
        <p className="field-error" role="alert">
          {errorMessage(action.error)}
        </p>
      )}
      <IssueHistory issueId={issueId} userName={userName} />
    </section>
  )
}
