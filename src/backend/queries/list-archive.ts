import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /archive (public): the published issues in the archive, newest first. */
export const archiveListQueryOptions = (backend: Backend) =>
  queryOptions({ queryKey: ['archive'], queryFn: () => backend.listArchive() })

export function useArchiveList() {
  return useQuery(archiveListQueryOptions(useBackend()))
}
