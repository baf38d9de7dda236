import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Backend } from '../backend'
import { useBackend } from '../backend-provider'

/** GET /archive/:slug (public): the archive page of an issue as an HTML document. */
export const archivePageQueryOptions = (backend: Backend, slug: string) =>
  queryOptions({ queryKey: ['archive', slug], queryFn: () => backend.getArchivePage(slug) })

export function useArchivePage(slug: string) {
  return useQuery(archivePageQueryOptions(useBackend(), slug))
}
