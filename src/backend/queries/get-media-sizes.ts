import { useQueries } from '@tanstack/react-query'
import type { Media } from '../../domain/media'
import { useBackend } from '../backend-provider'

type Size = Pick<Media, 'width' | 'height'>

/** Module-level, so that the map stays the same object while no query changes. */
const sizesById = (results: { data?: Media }[]): ReadonlyMap<string, Size> =>
  new Map(
    results.flatMap(({ data }) =>
      data ? [[data.id, { width: data.width, height: data.height }]] : [],
    ),
  )

/**
 * GET /media/:id for each photo: the upright pixel size, for the width and height attributes of
 * renderings. A photo never changes under its id, so each is fetched once; photos not loaded (yet)
 * are missing from the map, and renderings fall back to 3:2 for them.
 */
export function useMediaSizes(ids: readonly string[]): ReadonlyMap<string, Size> {
  const backend = useBackend()
  return useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: ['media', id],
      queryFn: () => backend.getMedia(id),
      staleTime: Infinity,
    })),
    combine: sizesById,
  })
}
