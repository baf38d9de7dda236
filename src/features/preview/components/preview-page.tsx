import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { Link } from 'react-router'
import { useBackend } from '../../../backend/backend-provider'
import { useIssue } from '../../../backend/queries/get-issue'
import { usePublication } from '../../../backend/queries/get-publication'
import { useArticles } from '../../../backend/queries/list-articles'
import { useMediaSizes } from '../../../backend/queries/get-media-sizes'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { emailClipBytes } from '../../../domain/checks'
import { can } from '../../../domain/permissions'
import { canonicalJson } from '../../../domain/canonical-json'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { publicationOfIssue } from '../../../domain/fingerprint'
import { type Layout, type Publication } from '../../../domain/publication'
import { settingsChanges } from '../../../domain/content-diff'
import { useCurrentUser } from '../../../lib/session'
import { LayoutSettingsForm } from './layout-settings-form'
import { sanitizeDocument } from '../../../lib/sanitize-html'
import { byteSize, renderEmail } from '../../../render/render-email'
import { orderedArticles, type RenderModel } from '../../../render/render-model'
import { renderPrint } from '../../../render/render-print'
import { renderText } from '../../../render/render-text'
import { renderWeb } from '../../../render/render-web'
import { issueTitle, type Issue } from '../../../domain/issue'
import { errorMessage } from '../../../backend/api-error'
import { buildExport, type ExportKind } from '../export/build-export'
import { scaleImageInCanvas } from '../export/scale-image-in-canvas'
import { classNames } from '../../../lib/class-names'
import { downloadFile } from '../../../lib/download-file'
import styles from './preview-page.module.css'

type Tab = 'print' | 'email' | 'web'
const tabs: { id: Tab; label: string }[] = [
  { id: 'print', label: 'Druck' },
  { id: 'email', label: 'E-Mail' },
  { id: 'web', label: 'Web' },
]

/** The browser's own exports, and the draft for Outlook that the server renders. */
type DownloadKind = ExportKind | 'eml'

const exportFiles: Record<DownloadKind, { suffix: string; label: string; hintId?: string }> = {
  email: { suffix: '.html', label: 'HTML herunterladen' },
  eml: {
    suffix: '.eml',
    label: 'E-Mail für Outlook herunterladen (.eml)',
    hintId: 'preview-eml-hint',
  },
  web: { suffix: '-web.html', label: 'Webseite herunterladen' },
  docx: { suffix: '.docx', label: 'Als Word-Dokument (.docx)' },
}

const kilobytes = (bytes: number) =>
  `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} KB`

/**
 * Why the preview of an approved issue may not show the current settings: it shows those its
 * approval covers, or the layout Gestaltung is trying out.
 */
function approvedSettingsNote(
  issue: Issue,
  current: Publication | undefined,
  draftLayout: Layout | null,
): string | null {
  const approval = issue.approval
  const approved = approval?.content.publication
  if (!approval || !approved || !current) return null
  const sent = issue.status === 'published'
  if (draftLayout && canonicalJson(draftLayout) !== canonicalJson(approved.layout))
    return sent
      ? 'Die Vorschau zeigt Ihre Layout-Auswahl. Diese Ausgabe ist versendet, mit dem Layout, das bei ihrer Freigabe galt.'
      : 'Die Vorschau zeigt Ihre Layout-Auswahl. Diese Ausgabe ist freigegeben und geht mit dem Layout hinaus, das bei ihrer Freigabe galt; Ihre Auswahl gilt für sie erst nach einer erneuten Freigabe.'
  if (settingsChanges(approved, current).length === 0) return null
  const approvedAt = formatBerlinDateTime(approval.approvedAt)
  return sent
    ? `Diese Ausgabe ist versendet. Die Vorschau zeigt Kopf, Impressum und Layout, wie sie bei ihrer Freigabe am ${approvedAt} galten; spätere Änderungen betreffen sie nicht.`
    : `Diese Ausgabe ist freigegeben und geht mit Kopf, Impressum und Layout hinaus, wie sie bei ihrer Freigabe am ${approvedAt} galten. Spätere Änderungen gelten für sie erst nach einer erneuten Freigabe.`
}

/**
 * Vorschau: print, e-mail and web renderings of an issue, with export and print. `actions` are
 * more buttons for the row of exports (e.g. the Testversand).
 */
export function PreviewPage({ issueId, actions }: { issueId: string; actions?: ReactNode }) {
  const backend = useBackend()
  const issue = useIssue(issueId)
  const articles = useArticles({ issueId })
  const publication = usePublication()
  const [tab, setTab] = useState<Tab>('email')
  const [emailWidth, setEmailWidth] = useState<600 | 375>(600)
  const frame = useRef<HTMLIFrameElement>(null)
  const user = useCurrentUser()
  const [draftLayout, setDraftLayout] = useState<Layout | null>(null)
  // what the issue goes out with (an approved one: the settings its approval covers), unless
  // Gestaltung is trying out a layout
  const issuePublication = useMemo(
    () =>
      issue.data && publication.data ? publicationOfIssue(issue.data, publication.data) : null,
    [issue.data, publication.data],
  )
  const layout = draftLayout ?? issuePublication?.layout ?? null
  const [exporting, setExporting] = useState<DownloadKind | null>(null)
  const [exportError, setExportError] = useState<string | null>(null)
  const [frameHeight, setFrameHeight] = useState<number | null>(null)
  // Chromium never matches :focus on an iframe whose document has the focus: tracked by hand
  const [frameFocused, setFrameFocused] = useState(false)
  const printWhenLoaded = useRef(false)

  const photoSizes = useMediaSizes(
    (articles.data ?? []).flatMap((article) => article.photos.map((photo) => photo.mediaId)),
  )

  const outputs = useMemo(() => {
    if (!issue.data || !articles.data || !issuePublication || !layout) return null
    const model: RenderModel = {
      publication: issuePublication,
      issue: issue.data,
      articles: orderedArticles(issue.data, articles.data),
      photoUrl: (id) => backend.mediaFileUrl(id),
      photoSize: (id) => photoSizes.get(id),
    }
    const email = sanitizeDocument(renderEmail(model, layout))
    return {
      model,
      layout,
      print: sanitizeDocument(renderPrint(model, layout)),
      email,
      web: sanitizeDocument(renderWeb(model, layout)),
      text: renderText(model, layout),
      emailBytes: byteSize(email),
      empty: model.articles.length === 0,
    }
  }, [issue.data, articles.data, issuePublication, backend, layout, photoSizes])

  /** The frame takes the height of its content, so the page scrolls and not a small box. */
  const fitFrame = useCallback(() => {
    // the root element's own height: scrollHeight would never be less than the frame itself
    const content = frame.current?.contentDocument?.documentElement
    if (content) setFrameHeight(Math.ceil(content.getBoundingClientRect().height) + 2)
  }, [])
  const onFrameLoad = () => {
    fitFrame()
    const content = frame.current?.contentWindow
    content?.addEventListener('resize', fitFrame)
    setFrameFocused(content?.document.hasFocus() ?? false)
    content?.addEventListener('focus', () => setFrameFocused(true))
    content?.addEventListener('blur', () => setFrameFocused(false))
    if (printWhenLoaded.current) {
      printWhenLoaded.current = false
      frame.current?.contentWindow?.print()
    }
  }

  const failed = [issue, articles, publication].find((query) => query.isError && !query.data)
  if (failed)
    return <ErrorState message={errorMessage(failed.error)} onRetry={() => failed.refetch()} />
  if (!outputs || !issue.data) return <Loading label="Vorschau wird erstellt …" />

  const fileBase = `rundbrief-${issue.data.label.toLocaleLowerCase('de-DE').replace(/[^a-z0-9äöüß]+/g, '-')}`
  const onTabKey = (event: KeyboardEvent) => {
    const focused = (event.target as HTMLElement).id.replace('preview-tab-', '')
    const index = tabs.findIndex((candidate) => candidate.id === focused)
    const next =
      event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null
    if (next === null) return
    event.preventDefault()
    const target = tabs[(next + tabs.length) % tabs.length]
    if (!target) return
    setTab(target.id)
    document.getElementById(`preview-tab-${target.id}`)?.focus()
  }
  const overLimit = outputs.emailBytes > emailClipBytes
  const settingsNote = approvedSettingsNote(issue.data, publication.data, draftLayout)
  const printIssue = () => {
    if (tab === 'print') {
      frame.current?.contentWindow?.print()
      return
    }
    printWhenLoaded.current = true
    setTab('print')
  }
  const exportFile = async (kind: DownloadKind) => {
    setExporting(kind)
    setExportError(null)
    try {
      const file =
        kind === 'eml'
          ? await backend.downloadIssueEmail(issueId)
          : await buildExport(kind, outputs.model, outputs.layout, {
              getFile: (id) => backend.getMediaFile(id),
              scale: scaleImageInCanvas,
            })
      downloadFile(file, `${fileBase}${exportFiles[kind].suffix}`)
    } catch (error) {
      setExportError(
        `Die Datei konnte nicht erstellt werden: ${errorMessage(error)} Bitte versuchen Sie es erneut.`,
      )
    } finally {
      setExporting(null)
    }
  }

  return (
    <>
      <title>{`Vorschau ${issue.data.label} – Rundbrief`}</title>
      <p className="breadcrumb">
        <Link to={`/ausgaben/${encodeURIComponent(issueId)}`}>{issueTitle(issue.data.label)}</Link>
      </p>
      <h1>Vorschau der {issueTitle(issue.data.label)}</h1>
      {settingsNote && (
        <p className="notice" role="note">
          {settingsNote}
        </p>
      )}
      {outputs.empty && (
        <p className="notice notice-warning" role="note">
          Diese Ausgabe enthält noch keine Beiträge. Die Vorschau zeigt nur Kopf, Impressum und
          Abmeldehinweis.
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={printIssue}
          aria-describedby="preview-print-hint"
        >
          Drucken / PDF
        </button>
        {(['email', 'eml', 'web', 'docx'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            disabled={exporting !== null}
            aria-describedby={exportFiles[kind].hintId}
            onClick={() => void exportFile(kind)}
          >
            {exportFiles[kind].label}
          </button>
        ))}
        <button
          type="button"
          className="button"
          onClick={() =>
            downloadFile(
              new Blob([outputs.text], { type: 'text/plain;charset=utf-8' }),
              `${fileBase}.txt`,
            )
          }
        >
          Text herunterladen
        </button>
        {actions}
      </div>
      <p id="preview-print-hint" className="hint">
        „Drucken / PDF“ druckt die Druckfassung (A4). Heruntergeladene HTML-, Web- und Word-Dateien
        enthalten ihre Fotos und funktionieren ohne Verbindung zur Redaktion.
      </p>
      <p id="preview-eml-hint" className="hint">
        Die E-Mail für Outlook öffnet sich in Outlook (Windows) als Entwurf: Verteiler eintragen und
        senden. In Thunderbird: Nachricht → „Als neu bearbeiten“. Sie ist dieselbe E-Mail wie beim
        Versand; ihre Fotos lädt sie von der öffentlichen Adresse des Servers.
      </p>
      <p role="status" className={classNames('hint', styles.exportStatus)}>
        {exporting === 'eml'
          ? 'Die E-Mail wird erstellt …'
          : exporting
            ? 'Die Datei wird erstellt, Fotos werden eingebettet …'
            : ''}
      </p>
      {exportError && (
        <p role="alert" className="notice notice-warning">
          {exportError}
        </p>
      )}
      <p className={overLimit ? 'notice notice-warning' : 'hint'}>
        E-Mail-HTML: {kilobytes(outputs.emailBytes)} von höchstens {kilobytes(emailClipBytes)} –{' '}
        {overLimit
          ? 'Gmail wird die E-Mail kürzen und dabei den Abmeldehinweis verstecken.'
          : 'Gmail zeigt die E-Mail vollständig.'}
      </p>
      {can(user.role, 'layout.edit') && publication.data && (
        <LayoutSettingsForm
          publication={publication.data}
          scope={
            issue.data.approval?.content.publication
              ? `Ein gespeichertes Layout gilt für jede Ausgabe, die danach freigegeben wird. ${issue.data.status === 'published' ? 'Diese Ausgabe ist schon versendet.' : 'Diese Ausgabe ist freigegeben und geht mit dem Layout ihrer Freigabe hinaus.'}`
              : undefined
          }
          draft={draftLayout ?? publication.data.layout}
          onDraftChange={setDraftLayout}
        />
      )}
      <div role="tablist" aria-label="Ausgabeformat" className={styles.tabs} onKeyDown={onTabKey}>
        {tabs.map((candidate) => (
          <button
            key={candidate.id}
            id={`preview-tab-${candidate.id}`}
            type="button"
            role="tab"
            aria-selected={tab === candidate.id}
            aria-controls="preview-panel"
            tabIndex={tab === candidate.id ? 0 : -1}
            className={styles.tab}
            onClick={() => setTab(candidate.id)}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <div
        id="preview-panel"
        role="tabpanel"
        aria-labelledby={`preview-tab-${tab}`}
        className={styles.panel}
      >
        {tab === 'email' && (
          <fieldset className={styles.widthSwitch}>
            <legend>Breite</legend>
            {([600, 375] as const).map((width) => (
              <label key={width} className="choice">
                <input
                  type="radio"
                  name="email-width"
                  checked={emailWidth === width}
                  onChange={() => setEmailWidth(width)}
                />
                {width === 600 ? 'Desktop (600 px)' : 'Mobil (375 px)'}
              </label>
            ))}
          </fieldset>
        )}
        <iframe
          ref={frame}
          key={tab}
          title={`Vorschau: ${tabs.find((candidate) => candidate.id === tab)?.label}`}
          className={classNames(styles.frame, frameFocused && styles.frameFocused)}
          sandbox="allow-same-origin allow-modals"
          srcDoc={outputs[tab]}
          onLoad={onFrameLoad}
          style={{
            width: tab === 'email' ? `${emailWidth + 32}px` : '100%',
            ...(frameHeight ? { height: `${frameHeight}px` } : {}),
          }}
        />
        {tab === 'email' && (
          <details className={styles.plainText}>
            <summary>Textfassung der E-Mail</summary>
            <pre>{outputs.text}</pre>
          </details>
        )}
      </div>
    </>
  )
}
