import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { adoptConflictCurrent } from '../../../backend/conflict'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { issuesQueryOptions } from '../../../backend/queries/list-issues'
import { issueSchema, type UpdateIssueInput } from '../../../domain/issue'

/** PATCH /issues/:id; on 409 the current issue goes into the cache. */
export function useUpdateIssue(issueId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const key = issueQueryOptions(backend, issueId).queryKey
  return useMutation({
    mutationFn: (input: UpdateIssueInput) => backend.updateIssue(issueId, input),
    onSuccess: (issue) => {
      queryClient.setQueryData(key, issue)
      void queryClient.invalidateQueries({
        queryKey: issuesQueryOptions(backend).queryKey,
        exact: true,
      })
    },
    onError: (error) => adoptConflictCurrent(queryClient, key, error, issueSchema),
  })
}
