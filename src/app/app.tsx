import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError, ResponseFormatError } from '../backend/api-error'
import type { Backend } from '../backend/backend'
import { BackendProvider } from '../backend/backend-provider'
import type { TokenStorage } from '../backend/token-storage'
import { ErrorBoundary } from './error-boundary'
import { SessionProvider } from '../lib/session'
import { AppRoutes } from './app-routes'
import { DemoProvider, type DemoControls } from './demo-controls'

/** A QueryClient with the app's defaults: no retries for answers that will not change. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (error instanceof ResponseFormatError) return false
          if (error instanceof ApiError && error.status < 500) return false
          return failureCount < 2
        },
      },
      // Writes fail at once when offline (the autosaver and the board report and retry
      // themselves) instead of waiting, paused, behind a "Speichert …" that never ends.
      mutations: { networkMode: 'always' },
    },
  })
}

export interface AppProps {
  backend: Backend
  tokens: TokenStorage
  demo?: DemoControls | null
  queryClient?: QueryClient
}

/** The whole app below the router: providers and routes. */
export function App({ backend, tokens, demo = null, queryClient }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <ErrorBoundary>
      <QueryClientProvider client={client}>
        <BackendProvider backend={backend}>
          <SessionProvider tokens={tokens}>
            <DemoProvider demo={demo}>
              <AppRoutes />
            </DemoProvider>
          </SessionProvider>
        </BackendProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  )
}
