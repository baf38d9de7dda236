import { QueryClient, queryOptions } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { issueSchema, type Issue } from '../domain/issue'
import { ApiError, ConflictError } from './api-error'
import { adoptConflictCurrent, conflictCurrent } from './conflict'

const issue: Issue = {
  id: 'i1',
  label: 'August 2018',
  deadline: '2018-08-10T10:00:00.000Z',
  plannedSendDate: '2018-08-15',
  articleIds: ['a1', 'a2'],
  status: 'draft',
  approval: null,
  withdrawnApproval: null,
  changeRequest: null,
  lastChangeRequest: null,
  sentThroughRundbrief: false,
  version: 4,
  createdAt: '2018-08-01T08:00:00.000Z',
  updatedAt: '2018-08-02T08:00:00.000Z',
}

describe('conflictCurrent', () => {
  it('gibt den aktuellen Stand eines 409 typisiert zurück', () => {
    const error = new ConflictError({ status: 409 }, issue)
    expect(conflictCurrent(error, issueSchema)).toEqual(issue)
  })

  it('traut einem fehlerhaften aktuellen Stand nicht', () => {
    const malformed = new ConflictError({ status: 409 }, { ...issue, version: 'vier' })
    expect(conflictCurrent(malformed, issueSchema)).toBeNull()
    const partial = new ConflictError({ status: 409 }, { id: 'i1' })
    expect(conflictCurrent(partial, issueSchema)).toBeNull()
  })

  it('gibt null ohne aktuellen Stand und für andere Fehler', () => {
    expect(conflictCurrent(new ConflictError({ status: 409 }, null), issueSchema)).toBeNull()
    expect(conflictCurrent(new ApiError(422, { current: issue }), issueSchema)).toBeNull()
    expect(conflictCurrent(new Error('kaputt'), issueSchema)).toBeNull()
    expect(conflictCurrent(undefined, issueSchema)).toBeNull()
  })
})

describe('adoptConflictCurrent', () => {
  const key = queryOptions({ queryKey: ['issues', 'i1'], queryFn: () => issue }).queryKey

  it('übernimmt den aktuellen Stand des Servers als neue Grundlage', () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(key, { ...issue, version: 3, label: 'Alt' })
    const error = new ConflictError({ status: 409 }, issue)
    expect(adoptConflictCurrent(queryClient, key, error, issueSchema)).toEqual(issue)
    expect(queryClient.getQueryData(key)).toEqual(issue)
  })

  it('lässt den Cache bei fehlerhaftem oder fehlendem Stand unverändert', () => {
    const queryClient = new QueryClient()
    const cached = { ...issue, version: 3 }
    queryClient.setQueryData(key, cached)
    const malformed = new ConflictError({ status: 409 }, { ...issue, articleIds: 'a1' })
    expect(adoptConflictCurrent(queryClient, key, malformed, issueSchema)).toBeNull()
    expect(adoptConflictCurrent(queryClient, key, new Error('Netz'), issueSchema)).toBeNull()
    expect(queryClient.getQueryData(key)).toBe(cached)
  })
})
