import { useQueryClient } from '@tanstack/react-query'
import { createContext, use, useEffect, type ReactNode } from 'react'

/** What the demo backend lets the app do; null when the app talks to a real backend. */
export interface DemoControls {
  resetData(): Promise<void>
  /** Calls `listener` when another tab changed the demo data; returns the unsubscribe function. */
  onChangeInOtherTab(listener: () => void): () => void
}

const otherTabSettleMs = 200

const DemoContext = createContext<DemoControls | null>(null)

/**
 * Provides the demo controls and, when another tab of the demo changes its data, marks every
 * query stale so that this tab shows the change (the versions on the server still decide).
 */
export function DemoProvider({
  demo,
  children,
}: {
  demo: DemoControls | null
  children: ReactNode
}) {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!demo) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // Changes come in bursts (autosaves); a refetch during this tab's own writes could show
    // their optimistic state going back and forth, so it waits until they are done.
    const refresh = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        if (queryClient.isMutating() > 0) refresh()
        else void queryClient.invalidateQueries()
      }, otherTabSettleMs)
    }
    const unsubscribe = demo.onChangeInOtherTab(refresh)
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [demo, queryClient])
  return <DemoContext value={demo}>{children}</DemoContext>
}

/** The demo controls, or null outside the demo. */
export function useDemoControls(): DemoControls | null {
  return use(DemoContext)
}
