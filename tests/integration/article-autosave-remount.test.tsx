import { screen, waitFor } from '@testing-library/react'
import { http } from 'msw'
import { describe, expect, it, onTestFinished } from 'vitest'
import { plainText } from '../../src/domain/rich-text'
import { draftStorageKey } from '../../src/lib/draft-storage'
import { bodyEditor, renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

const articleId = 'beitrag-02-sozialplan'
const headline = 'Beschlussvorlage zum Integrierten Sozialplan liegt vor'
/** Where the editor's (Frank Rühling's) unsaved draft of the article is mirrored. */
const draftKey = draftStorageKey('frank-ruehling', articleId)

const stored = () =>
  testServer.store.snapshot().articles.find((article) => article.id === articleId)!

/** Holds every PATCH of the article until the test lets it through, and records what was sent. */
function holdSaves() {
  const sent: { version: number; text: string }[] = []
  const statuses: number[] = []
  const waiting: (() => void)[] = []
  testServer.server.use(
    http.patch(`${testServer.apiBaseUrl}/articles/:id`, async ({ request }) => {
      const input = (await request.clone().json()) as { version: number; body?: never }
      sent.push({ version: input.version, text: input.body ? plainText(input.body) : '' })
      await new Promise<void>((release) => waiting.push(release))
      // nothing returned: the request goes on to the contract handler
    }),
  )
  const onResponse = ({ request, response }: { request: Request; response: Response }) => {
    if (request.method === 'PATCH') statuses.push(response.status)
  }
  testServer.server.events.on('response:mocked', onResponse)
  onTestFinished(() => testServer.server.events.removeListener('response:mocked', onResponse))
  return {
    sent,
    statuses,
    /** Lets the oldest held PATCH through. */
    releaseNext: () => waiting.shift()?.(),
    get held() {
      return waiting.length
    },
  }
}

describe('Automatisches Speichern beim Verlassen und Zurückkehren', () => {
  it('speichert mit einem einzigen Speicher weiter, wenn der Editor während des Speicherns neu geöffnet wird', async () => {
    const saves = holdSaves()
    const { user } = await renderApp({ route: `/beitraege/${articleId}`, as: 'editor' })
    const first = await bodyEditor()
    first.commands.setTextSelection(1)
    first.commands.insertContent('Vor dem Verlassen: ')
    await waitFor(() => expect(saves.held).toBe(1), { timeout: 10_000 })
    expect(localStorage.getItem(draftKey)).toContain('Vor dem Verlassen: ')

    // away and back while the first save is still on its way
    await user.click(screen.getAllByRole('link', { name: 'Beiträge' })[0]!)
    await user.click(await screen.findByRole('link', { name: headline }))
    const second = await bodyEditor()
    expect(second).not.toBe(first)
    expect(second.getText().startsWith('Vor dem Verlassen: ')).toBe(true)
    expect(
      screen.queryByText(
        'Nicht gespeicherte Änderungen von diesem Gerät wurden wiederhergestellt.',
      ),
    ).not.toBeInTheDocument()

    second.commands.setTextSelection(1)
    second.commands.insertContent('Nach der Rückkehr: ')
    await waitFor(() => expect(localStorage.getItem(draftKey)).toContain('Nach der Rückkehr: '))

    saves.releaseNext()
    await waitFor(() => expect(stored().version).toBe(2))
    // the first save is through, the text typed after coming back is not: it stays on this device
    expect(localStorage.getItem(draftKey)).toContain('Nach der Rückkehr: ')
    await waitFor(() => expect(saves.held).toBe(1), { timeout: 10_000 })
    saves.releaseNext()

    await waitFor(() => expect(stored().version).toBe(3), { timeout: 10_000 })
    expect(plainText(stored().body).startsWith('Nach der Rückkehr: Vor dem Verlassen: ')).toBe(true)
    await waitFor(() => expect(localStorage.getItem(draftKey)).toBeNull())
    expect(await screen.findByText(/^✓ Gespeichert/)).toBeInTheDocument()
    expect(saves.sent.map((save) => save.version)).toEqual([1, 2])
    expect(saves.statuses).toEqual([200, 200])
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('öffnet unter StrictMode nur einen Speicher, auch wenn der Editor gleich wieder neu geöffnet wird', async () => {
    const saves = holdSaves()
    const { user } = await renderApp({
      route: `/beitraege/${articleId}`,
      as: 'editor',
      strict: true,
    })
    const first = await bodyEditor()
    first.commands.setTextSelection(1)
    first.commands.insertContent('Streng: ')
    await waitFor(() => expect(saves.held).toBe(1), { timeout: 10_000 })
    await user.click(screen.getAllByRole('link', { name: 'Beiträge' })[0]!)
    await user.click(await screen.findByRole('link', { name: headline }))
    const second = await bodyEditor()
    expect(second.getText().startsWith('Streng: ')).toBe(true)
    second.commands.setTextSelection(1)
    second.commands.insertContent('Noch strenger: ')
    saves.releaseNext()
    await waitFor(() => expect(saves.held).toBe(1), { timeout: 10_000 })
    saves.releaseNext()
    await waitFor(() => expect(stored().version).toBe(3), { timeout: 10_000 })
    expect(plainText(stored().body).startsWith('Noch strenger: Streng: ')).toBe(true)
    await waitFor(() => expect(localStorage.getItem(draftKey)).toBeNull())
    expect(saves.sent.map((save) => save.version)).toEqual([1, 2])
    expect(saves.statuses).toEqual([200, 200])
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})
