import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /issues: all Ausgaben, newest Redaktionsschluss first. */
export const issuesQueryOptions = (backend: Backend) =>
  queryOptions({ queryKey: ['issues'], queryFn: () => backend.listIssues() })

export function useIssues() {
  return useQuery(issuesQueryOptions(useBackend()))
}
