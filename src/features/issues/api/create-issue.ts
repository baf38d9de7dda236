import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import { issuesQueryOptions } from '../../../backend/queries/list-issues'
import type { CreateIssueInput } from '../../../domain/issue'

/** POST /issues. */
export function useCreateIssue() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateIssueInput) => backend.createIssue(input),
    onSuccess: (issue) => {
      queryClient.setQueryData(issueQueryOptions(backend, issue.id).queryKey, issue)
      void queryClient.invalidateQueries({ queryKey: issuesQueryOptions(backend).queryKey })
    },
  })
}
