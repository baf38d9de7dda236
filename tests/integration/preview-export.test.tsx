import { screen, waitFor } from '@testing-library/react'
import { simpleParser } from 'mailparser'
import mammoth from 'mammoth'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImageRequest } from '../../src/render/embedded-image'
import { captureDownloads } from '../fixtures/downloads'
import { tinyJpeg } from '../fixtures/images'
import { renderApp, setupTestServer, testServer } from '../render-app'

/** jsdom has no canvas: the scaling step is replaced, the rest of the pipeline is the real one. */
const scaling = vi.hoisted(() => ({
  calls: [] as { originalBytes: number; originalType: string; request: ImageRequest }[],
}))
vi.mock('../../src/features/preview/export/scale-image-in-canvas', () => ({
  scaleImageInCanvas: async (original: Blob, request: ImageRequest) => {
    scaling.calls.push({ originalBytes: original.size, originalType: original.type, request })
    return { mimeType: request.mimeType, bytes: tinyJpeg(), width: 3, height: 2 }
  },
}))

setupTestServer()

const route = '/ausgaben/ausgabe-2018-08/vorschau'
const downloads = captureDownloads()

beforeEach(() => {
  scaling.calls.length = 0
})

const decodedLength = (dataUri: string) => atob(dataUri.replace(/^data:[^,]+,/, '')).length

describe('Heruntergeladene Ausgaben sind eigenständig', () => {
  it.each([
    ['HTML herunterladen', 'rundbrief-august-2018.html', 536 * 2],
    ['Webseite herunterladen', 'rundbrief-august-2018-web.html', 672 * 2],
  ])(
    '„%s“ bettet jedes Foto verkleinert als data:-Adresse ein, ohne Adresse des Redaktionsservers',
    async (button, fileName, scaledWidth) => {
      const { user } = await renderApp({ route, as: 'designer' })
      await user.click(await screen.findByRole('button', { name: button }, { timeout: 10_000 }))
      await waitFor(() => expect(downloads).toHaveLength(1))
      expect(downloads[0]?.name).toBe(fileName)
      const html = await downloads[0]!.blob.text()

      expect(html).not.toContain('/api/media/')
      expect(html).not.toContain('http://127.0.0.1')
      expect(html).not.toContain(testServer.apiBaseUrl)
      const images = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('img')]
      expect(images.length).toBe(3)
      for (const image of images) {
        expect(image.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/)
      }

      // the originals went to the scaling step, asked for twice the width they are shown at
      expect(scaling.calls).toHaveLength(3)
      for (const call of scaling.calls) {
        expect(call.originalType).toBe('image/png')
        expect(call.request).toMatchObject({ maxWidth: scaledWidth, mimeType: 'image/jpeg' })
        expect(decodedLength(images[0]!.getAttribute('src')!)).toBeLessThan(call.originalBytes)
      }
    },
  )

  it('„E-Mail für Outlook herunterladen (.eml)“ lädt den Entwurf vom Server: Betreff, beide Fassungen, Fotos mit absoluter Adresse', async () => {
    const { user } = await renderApp({ route, as: 'designer' })
    const button = await screen.findByRole(
      'button',
      { name: 'E-Mail für Outlook herunterladen (.eml)' },
      { timeout: 10_000 },
    )
    expect(button).toHaveAccessibleDescription(/Outlook .* als Entwurf.*Als neu bearbeiten/)
    await user.click(button)
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]?.name).toBe('rundbrief-august-2018.eml')
    expect(downloads[0]?.blob.type).toBe('message/rfc822')
    const raw = await downloads[0]!.blob.text()
    expect(raw).not.toMatch(/[^\r]\n/)
    const mail = await simpleParser(raw)

    const { publication } = testServer.store.snapshot()
    expect(mail.subject).toBe(`${publication.title} – August 2018`)
    expect(mail.headers.get('x-unsent')).toBe('1')
    expect(mail.text).toContain('Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales')
    const html = mail.html || ''
    expect(html).toContain('Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales')
    expect(html).not.toContain('data:')
    const sources = [
      ...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('img'),
    ].map((image) => image.getAttribute('src'))
    expect(sources).toHaveLength(3)
    for (const source of sources) expect(source).toMatch(/^https?:\/\/[^/]+\/api\/media\/.+/)
    // the server renders it: nothing went through the browser's scaling, nothing is attached
    expect(scaling.calls).toHaveLength(0)
    expect(mail.attachments).toHaveLength(0)
  })

  it('Fotos neben dem Text werden für ihre schmalere Spalte verkleinert', async () => {
    const { user } = await renderApp({ route, as: 'designer' })
    await user.click(await screen.findByLabelText('Links neben dem Text', {}, { timeout: 10_000 }))
    await user.click(screen.getByRole('button', { name: 'HTML herunterladen' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(scaling.calls.map((call) => call.request.maxWidth)).toEqual([464, 464, 464])
  })

  it('sagt, wenn ein Foto nicht geladen werden kann, und lädt keine halbe Datei herunter', async () => {
    const { user } = await renderApp({
      route,
      as: 'designer',
      backend: (backend) => ({
        ...backend,
        getMediaFile: () => Promise.reject(new Error('Das Foto wurde nicht gefunden.')),
      }),
    })
    await user.click(
      await screen.findByRole('button', { name: 'Webseite herunterladen' }, { timeout: 10_000 }),
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Die Datei konnte nicht erstellt werden',
    )
    expect(downloads).toHaveLength(0)
  })

  it('„Als Word-Dokument (.docx)“ lädt ein Word-Dokument mit Text und Fotos herunter', async () => {
    const { user } = await renderApp({ route, as: 'editor' })
    await user.click(
      await screen.findByRole('button', { name: 'Als Word-Dokument (.docx)' }, { timeout: 10_000 }),
    )
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 })
    expect(downloads[0]?.name).toBe('rundbrief-august-2018.docx')
    const buffer = Buffer.from(await downloads[0]!.blob.arrayBuffer())
    const { value: html } = await mammoth.convertToHtml({ buffer })
    expect(html).toContain('Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales')
    expect(html).toContain('Foto: Stadtverwaltung Gera (Steffen Weiß)')
    expect(html.match(/<img /g)).toHaveLength(3)
  })
})

describe('Drucken, Kopf mit Ausgabe', () => {
  it('„Drucken / PDF“ geht auch vom E-Mail-Tab aus: es zeigt die Druckfassung und druckt sie', async () => {
    const { user } = await renderApp({ route, as: 'designer' })
    const print = await screen.findByRole('button', { name: 'Drucken / PDF' }, { timeout: 10_000 })
    expect(screen.getByRole('tab', { name: 'E-Mail' })).toHaveAttribute('aria-selected', 'true')
    expect(print).toBeEnabled()
    expect(print).toHaveAccessibleDescription(/druckt die Druckfassung/)
    await user.click(print)
    expect(screen.getByRole('tab', { name: 'Druck' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByTitle('Vorschau: Druck')).toBeInTheDocument()
  })

  it('die Gestaltung wählt „Ausgabe und Erscheinungsdatum zeigen“ und speichert es', async () => {
    const { user } = await renderApp({ route, as: 'designer' })
    const choice = await screen.findByLabelText(
      'Ausgabe und Erscheinungsdatum zeigen',
      {},
      { timeout: 10_000 },
    )
    expect(choice).not.toBeChecked()
    const emailHtml = () => screen.getByTitle('Vorschau: E-Mail').getAttribute('srcdoc') ?? ''
    expect(emailHtml()).not.toContain('Ausgabe August 2018 · 15. August 2018')
    await user.click(choice)
    await waitFor(() => expect(emailHtml()).toContain('Ausgabe August 2018 · 15. August 2018'))
    await user.click(screen.getByRole('button', { name: 'Layout speichern' }))
    expect(await screen.findByText('Das Layout ist gespeichert.')).toBeInTheDocument()
    expect(testServer.store.snapshot().publication.layout.mastheadIssueLine).toBe(true)
  })
})
