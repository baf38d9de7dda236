import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { ConflictError, NetworkError } from '../../../backend/api-error'
import type { Backend } from '../../../backend/backend'
import { BackendProvider } from '../../../backend/backend-provider'
import { issueQueryOptions } from '../../../backend/queries/get-issue'
import type { ArrangeIssueInput, Issue } from '../../../domain/issue'
import { useArrangeIssue } from './use-arrange-issue'

const stored: Issue = {
  id: 'i1',
  label: 'August 2018',
  deadline: '2018-08-10T10:00:00.000Z',
  plannedSendDate: '2018-08-15',
  articleIds: ['a', 'b', 'c'],
  status: 'draft',
  approval: null,
  withdrawnApproval: null,
  changeRequest: null,
  lastChangeRequest: null,
  sentThroughRundbrief: false,
  version: 1,
  createdAt: '2018-08-01T08:00:00.000Z',
  updatedAt: '2018-08-02T08:00:00.000Z',
}

interface Request {
  input: ArrangeIssueInput
  answer: () => void
  refuse: (error: unknown) => void
}

/** A backend whose PUT /issues/:id/articles answers only when the test says so. */
function setup() {
  const requests: Request[] = []
  const fake: Pick<Backend, 'getIssue' | 'listArticles' | 'arrangeIssue'> = {
    getIssue: () => Promise.resolve(stored),
    listArticles: () => Promise.resolve([]),
    arrangeIssue: (_id: string, input: ArrangeIssueInput) =>
      new Promise<Issue>((resolve, reject) => {
        requests.push({
          input,
          answer: () =>
            resolve({ ...stored, articleIds: input.articleIds, version: input.version + 1 }),
          refuse: reject,
        })
      }),
  }
  const backend = fake as Backend
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { networkMode: 'always' } },
  })
  const key = issueQueryOptions(backend, stored.id).queryKey
  queryClient.setQueryData(key, stored)
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <BackendProvider backend={backend}>{children}</BackendProvider>
    </QueryClientProvider>
  )
  const { result } = renderHook(() => useArrangeIssue(stored.id), { wrapper })
  return {
    result,
    requests,
    shown: () => queryClient.getQueryData(key),
    invalidated: () => queryClient.getQueryState(key)?.isInvalidated,
    /** Settles request `index` once it has been sent. */
    settle: async (index: number, how: (request: Request) => void) => {
      await waitFor(() => expect(requests).toHaveLength(index + 1))
      await act(async () => how(requests[index]!))
    },
  }
}

describe('useArrangeIssue', () => {
  it('zeigt eine Verschiebung sofort und übernimmt danach den Stand des Servers', async () => {
    const { result, requests, shown, settle, invalidated } = setup()
    act(() => result.current.move(['b', 'a', 'c']))
    // at once, so the board renders the move together with the click that made it
    expect(shown()?.articleIds).toEqual(['b', 'a', 'c'])
    await waitFor(() => expect(result.current.pending).toBe(true))
    expect(result.current.saved).toBe(false)
    await waitFor(() => expect(requests).toHaveLength(1))
    expect(shown()?.articleIds).toEqual(['b', 'a', 'c'])

    await settle(0, (request) => request.answer())
    await waitFor(() => expect(result.current.saved).toBe(true))
    expect(result.current.pending).toBe(false)
    expect(result.current.error).toBeNull()
    expect(shown()).toMatchObject({ articleIds: ['b', 'a', 'c'], version: 2 })
    expect(invalidated()).toBe(true)
  })

  it('sendet zwei schnelle Verschiebungen nacheinander, jede mit der Version der vorigen Antwort', async () => {
    const { result, requests, shown, settle } = setup()
    act(() => {
      result.current.move(['b', 'a', 'c'])
      result.current.move(['b', 'c', 'a'])
    })
    await waitFor(() => expect(shown()?.articleIds).toEqual(['b', 'c', 'a']))
    await waitFor(() => expect(requests).toHaveLength(1))
    expect(requests[0]?.input).toEqual({ articleIds: ['b', 'a', 'c'], version: 1 })

    await settle(0, (request) => request.answer())
    expect(shown()?.articleIds).toEqual(['b', 'c', 'a'])
    expect(result.current.pending).toBe(true)
    await waitFor(() => expect(requests).toHaveLength(2))
    expect(requests[1]?.input).toEqual({ articleIds: ['b', 'c', 'a'], version: 2 })

    await settle(1, (request) => request.answer())
    await waitFor(() => expect(result.current.saved).toBe(true))
    expect(shown()).toMatchObject({ articleIds: ['b', 'c', 'a'], version: 3 })
  })

  it('nimmt eine abgelehnte Verschiebung zurück und verwirft, was dahinter wartete', async () => {
    const { result, requests, shown, settle } = setup()
    act(() => {
      result.current.move(['b', 'a', 'c'])
      result.current.move(['b', 'c', 'a'])
    })
    await settle(0, (request) => request.refuse(new NetworkError()))
    await waitFor(() => expect(result.current.pending).toBe(false))
    expect(result.current.error).toBe(
      'Keine Verbindung zum Server – die Verschiebung wurde zurückgenommen. Bitte versuchen Sie es erneut.',
    )
    expect(shown()).toEqual(stored)
    expect(requests).toHaveLength(1)
    expect(result.current.saved).toBe(false)

    act(() => result.current.dismissError())
    await waitFor(() => expect(result.current.error).toBeNull())
    act(() => result.current.move(['c', 'a', 'b']))
    await settle(1, (request) => request.answer())
    expect(requests[1]?.input).toEqual({ articleIds: ['c', 'a', 'b'], version: 1 })
    await waitFor(() => expect(result.current.saved).toBe(true))
  })

  it('nimmt bei einem Konflikt nach einer bestätigten Verschiebung den Stand des Servers', async () => {
    const { result, requests, shown, settle } = setup()
    act(() => {
      result.current.move(['b', 'a', 'c'])
      result.current.move(['b', 'c', 'a'])
    })
    await settle(0, (request) => request.answer())
    const current: Issue = { ...stored, articleIds: ['c', 'b', 'a'], version: 7 }
    await settle(1, (request) => request.refuse(new ConflictError({ status: 409 }, current)))
    await waitFor(() => expect(result.current.pending).toBe(false))
    expect(result.current.error).toBe(
      'Die Ausgabe wurde inzwischen von jemand anderem geändert. Ihre Verschiebung wurde nicht übernommen; die aktuelle Reihenfolge wird angezeigt.',
    )
    expect(shown()).toEqual(current)

    act(() => result.current.move(['a', 'b', 'c']))
    await waitFor(() => expect(requests).toHaveLength(3))
    expect(requests[2]?.input).toEqual({ articleIds: ['a', 'b', 'c'], version: 7 })
  })

  it('rollt nach einer bestätigten Verschiebung nur die abgelehnte zurück', async () => {
    const { result, shown, settle } = setup()
    act(() => {
      result.current.move(['b', 'a', 'c'])
      result.current.move(['b', 'c', 'a'])
    })
    await settle(0, (request) => request.answer())
    await settle(1, (request) => request.refuse(new NetworkError()))
    await waitFor(() => expect(result.current.error).not.toBeNull())
    expect(shown()).toMatchObject({ articleIds: ['b', 'a', 'c'], version: 2 })
  })
})
