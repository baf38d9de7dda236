import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ConflictError } from '../../../backend/api-error'
import type { Backend } from '../../../backend/backend'
import { useBackend } from '../../../backend/backend-provider'
import { adoptConflictCurrent } from '../../../backend/conflict'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { publicationQueryOptions } from '../../../backend/queries/get-publication'
import { articlesQueryOptions } from '../../../backend/queries/list-articles'
import { issueSchema, type ApproveInput, type Issue } from '../../../domain/issue'
import { transitions, type WorkflowAction } from '../../../domain/workflow'

/** Extra input of a workflow verb besides the version. */
export type WorkflowInput =
  | { action: 'submit' | 'reopen' | 'publish' }
  | { action: 'approve'; acknowledgedWarnings: string[]; fingerprint: string }
  | { action: 'requestChanges'; comment: string }
  | { action: 'unpublish'; reason: string }

/** The editorial verbs, defined once: label (from the domain) and the backend call. */
export const workflowActions: Record<
  WorkflowAction,
  { label: string; run: (backend: Backend, issue: Issue, input: WorkflowInput) => Promise<Issue> }
> = {
  submit: {
    label: transitions.submit.label,
    run: (backend, issue) => backend.submitIssue(issue.id, { version: issue.version }),
  },
  approve: {
    label: transitions.approve.label,
    run: (backend, issue, input) => {
      const extra: Partial<ApproveInput> =
        input.action === 'approve'
          ? { acknowledgedWarnings: input.acknowledgedWarnings, fingerprint: input.fingerprint }
          : {}
      return backend.approveIssue(issue.id, { version: issue.version, ...extra })
    },
  },
  requestChanges: {
    label: transitions.requestChanges.label,
    run: (backend, issue, input) =>
      backend.requestChanges(issue.id, {
        version: issue.version,
        comment: input.action === 'requestChanges' ? input.comment : '',
      }),
  },
  reopen: {
    label: transitions.reopen.label,
    run: (backend, issue) => backend.reopenIssue(issue.id, { version: issue.version }),
  },
  publish: {
    label: transitions.publish.label,
    run: (backend, issue) => backend.publishIssue(issue.id, { version: issue.version }),
  },
  unpublish: {
    label: transitions.unpublish.label,
    run: (backend, issue, input) =>
      backend.unpublishIssue(issue.id, {
        version: issue.version,
        reason: input.action === 'unpublish' ? input.reason : '',
      }),
  },
}

/** Runs a workflow verb; the answer (or the current issue of a 409) goes into the cache. */
export function useWorkflowAction(issueId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const key = issueQueryOptions(backend, issueId).queryKey
  return useMutation({
    mutationFn: async (input: WorkflowInput) => {
      const issue = queryClient.getQueryData(key) ?? (await backend.getIssue(issueId))
      return workflowActions[input.action].run(backend, issue, input)
    },
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
    onError: (error) => {
      if (!(error instanceof ConflictError)) return
      adoptConflictCurrent(queryClient, key, error, issueSchema)
      // the content or the settings may have changed without the issue (an approval's
      // fingerprint): show them anew
      void queryClient.invalidateQueries({
        queryKey: articlesQueryOptions(backend, { issueId }).queryKey,
      })
      void queryClient.invalidateQueries({ queryKey: publicationQueryOptions(backend).queryKey })
    },
    // not awaited: the caller's onSuccess closes its form at once, not after the reload (a form
    // opened meanwhile would close with it, and what was typed into it would be lost)
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key })
    },
  })
}
