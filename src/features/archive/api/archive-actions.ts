import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { archiveListQueryOptions } from '../../../backend/queries/list-archive'
import { issueArchiveQueryOptions } from '../../../backend/queries/get-issue-archive'
import { issueHistoryQueryOptions } from '../../../backend/queries/get-issue-history'
import type { IssueArchive } from '../../../domain/archive'

/** After a takedown or its reversal: the new state, and the Verlauf and the Übersicht anew. */
function useArchiveMutation<Input>(issueId: string, run: (input: Input) => Promise<IssueArchive>) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: (archive) =>
      queryClient.setQueryData(issueArchiveQueryOptions(backend, issueId).queryKey, archive),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: issueArchiveQueryOptions(backend, issueId).queryKey,
        }),
        queryClient.invalidateQueries({
          queryKey: issueHistoryQueryOptions(backend, issueId).queryKey,
        }),
        queryClient.invalidateQueries({ queryKey: archiveListQueryOptions(backend).queryKey }),
      ]),
  })
}

/** POST /issues/:id/archive/withdraw: "Aus dem Archiv nehmen" with a reason (Dezernentin). */
export function useWithdrawFromArchive(issueId: string) {
  const backend = useBackend()
  return useArchiveMutation(issueId, (reason: string) =>
    backend.withdrawFromArchive(issueId, { reason }),
  )
}

/** POST /issues/:id/archive/restore: "Wieder ins Archiv stellen" (Dezernentin). */
export function useRestoreToArchive(issueId: string) {
  const backend = useBackend()
  return useArchiveMutation(issueId, () => backend.restoreToArchive(issueId))
}
