import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react'
import { ApiError } from '../backend/api-error'
import type { Backend, SessionInfo } from '../backend/backend'
import { useBackend } from '../backend/backend-provider'
import type { TokenStorage } from '../backend/token-storage'
import type { User } from '../domain/user'
import { forgetDraftsOf, keepDraftsOf } from './draft-storage'

interface SessionContextValue {
  token: string | null
  /** True after "Abmelden" (not after an expired session), until someone signs in. */
  signedOutOnPurpose: boolean
  /** Why the server ended the session (e.g. after a time without activity), for Anmelden. */
  endedBecause: string | null
  setToken: (token: string | null) => void
  signOut: () => void
}

const SessionContext = createContext<SessionContextValue | null>(null)

/** Query options of GET /session for the current token. */
export const sessionQueryOptions = (backend: Backend, token: string | null) =>
  queryOptions({
    queryKey: ['session', token],
    queryFn: () => backend.getSession(),
    enabled: token !== null,
    staleTime: 5 * 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 401) && count < 2,
  })

/** Holds the session token; any 401 answer ends the session so the app returns to Anmelden. */
export function SessionProvider({
  tokens,
  children,
}: {
  tokens: TokenStorage
  children: ReactNode
}) {
  const [token, setTokenState] = useState(() => tokens.get())
  const [signedOutOnPurpose, setSignedOutOnPurpose] = useState(false)
  const [endedBecause, setEndedBecause] = useState<string | null>(null)
  const queryClient = useQueryClient()
  const value = useMemo<SessionContextValue>(
    () => ({
      token,
      signedOutOnPurpose,
      endedBecause,
      setToken: (next) => {
        tokens.set(next)
        setTokenState(next)
        setSignedOutOnPurpose(false)
        setEndedBecause(null)
      },
      signOut: () => {
        tokens.set(null)
        setTokenState(null)
        setSignedOutOnPurpose(true)
        setEndedBecause(null)
      },
    }),
    [token, tokens, signedOutOnPurpose, endedBecause],
  )

  useEffect(() => {
    const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.status === 401
    const endSession = (error: unknown) => {
      // A reason beyond the generic 401 (the idle timeout) is worth telling at Anmelden.
      const reason = error instanceof ApiError ? error.problem.detail : undefined
      if (tokens.get() !== null && reason && reason !== 'Bitte melden Sie sich an.') {
        setEndedBecause(reason)
      }
      tokens.set(null)
      setTokenState(null)
    }
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (
        event.type === 'updated' &&
        event.action.type === 'error' &&
        isUnauthenticated(event.action.error)
      ) {
        endSession(event.action.error)
      }
    })
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (
        event.type === 'updated' &&
        event.action.type === 'error' &&
        isUnauthenticated(event.action.error)
      ) {
        endSession(event.action.error)
      }
    })
    return () => {
      unsubscribeQueries()
      unsubscribeMutations()
    }
  }, [queryClient, tokens])

  return <SessionContext value={value}>{children}</SessionContext>
}

function useSessionContext(): SessionContextValue {
  const context = use(SessionContext)
  if (!context) throw new Error('useSession braucht einen SessionProvider.')
  return context
}

/** The signed-in user: `user` is null while signed out or still loading. */
export function useSession() {
  const backend = useBackend()
  const { token, signedOutOnPurpose, endedBecause } = useSessionContext()
  const query = useQuery(sessionQueryOptions(backend, token))
  return {
    signedIn: token !== null,
    signedOutOnPurpose,
    endedBecause,
    user: token === null ? null : (query.data?.user ?? null),
    isLoading: token !== null && query.isPending,
    error: query.error,
  }
}

/** The signed-in user, for components that only render inside the signed-in area. */
export function useCurrentUser(): User {
  const { user } = useSession()
  if (!user) throw new Error('Keine Sitzung.')
  return user
}

function useSignIn<Input>(signIn: (backend: Backend, input: Input) => Promise<SessionInfo>) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const { setToken } = useSessionContext()
  return useMutation({
    mutationFn: (input: Input) => signIn(backend, input),
    onSuccess: ({ token, user }) => {
      keepDraftsOf(user.id)
      queryClient.setQueryData(sessionQueryOptions(backend, token).queryKey, { user })
      setToken(token)
    },
  })
}

/** Signs in as a user (demo login "Anmelden als …"). */
export function useLogin() {
  return useSignIn((backend, userId: string) => backend.login(userId))
}

/** Login name and password for the real server's sign-in. */
export interface PasswordCredentials {
  login: string
  password: string
}

/** Signs in with login name and password; the session starts exactly as with `useLogin`. */
export function usePasswordLogin() {
  return useSignIn((backend, { login, password }: PasswordCredentials) =>
    backend.loginWithPassword(login, password),
  )
}

/** Signs out on the server and forgets everything cached for the user. */
export function useLogout() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  const { signOut } = useSessionContext()
  const { user } = useSession()
  return useMutation({
    mutationFn: () => backend.logout().catch(() => undefined),
    onSettled: () => {
      // Another person at a shared PC must not find this person's unsaved text.
      if (user) forgetDraftsOf(user.id)
      signOut()
      queryClient.clear()
    },
  })
}
