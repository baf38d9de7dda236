import { useSearchParams } from 'react-router'

/**
 * The filters of a list page, kept in the address (so that a reload or a shared link shows the
 * same list): the current values, and a setter that removes a filter set to '' and replaces the
 * history entry instead of adding one per keystroke.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams()
  const setFilter = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  return [params, setFilter] as const
}
