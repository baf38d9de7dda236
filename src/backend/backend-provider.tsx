import { createContext, use, type ReactNode } from 'react'
import type { Backend } from './backend'

const BackendContext = createContext<Backend | null>(null)

/** Makes a Backend available to the hooks below it; tests pass a fresh one per render. */
export function BackendProvider({ backend, children }: { backend: Backend; children: ReactNode }) {
  return <BackendContext value={backend}>{children}</BackendContext>
}

/** The Backend injected by the nearest BackendProvider. */
export function useBackend(): Backend {
  const backend = use(BackendContext)
  if (!backend) throw new Error('useBackend braucht einen BackendProvider.')
  return backend
}
