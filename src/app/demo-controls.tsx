import { createContext, use, type ReactNode } from 'react'

/** What the demo backend lets the app do; null when the app talks to a real backend. */
export interface DemoControls {
  resetData(): Promise<void>
}

const DemoContext = createContext<DemoControls | null>(null)

export function DemoProvider({
  demo,
  children,
}: {
  demo: DemoControls | null
  children: ReactNode
}) {
  return <DemoContext value={demo}>{children}</DemoContext>
}

/** The demo controls, or null outside the demo. */
export function useDemoControls(): DemoControls | null {
  return use(DemoContext)
}
