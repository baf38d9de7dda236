import { useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { ApiError, errorMessage } from '../../../backend/api-error'
import { useArchivePage } from '../../../backend/queries/get-archive-page'
import { usePublicationName } from '../../../backend/queries/get-publication-name'
import { PublicPage } from '../../../components/public-page'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { archiveFeedPaths, archiveOverviewPath } from '../../../domain/archive'
import { withLinkTarget } from '../../../lib/link-target'
import styles from './archive.module.css'

const feedNames = Object.values(archiveFeedPaths).map((path) => path.split('/').at(-1))

/** The `<title>` of the stored page, read without running anything of it. */
function documentTitle(html: string): string {
  const title = new DOMParser().parseFromString(html, 'text/html').title.trim()
  return title || 'Ausgabe im Archiv'
}

/** A German page for an address of the archive that shows no issue. */
function Missing({ title, text }: { title: string; text: string }) {
  const newsletter = usePublicationName()
  return (
    <PublicPage newsletter={newsletter.data} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to={archiveOverviewPath}>Zur Übersicht des Archivs</Link>
      </p>
    </PublicPage>
  )
}

/**
 * "/archiv/:slug": the stored archive page of a sent issue, as the server keeps it, in a frame
 * that fills the window. The frame is sandboxed without scripts: nothing of the page runs; its
 * links open in the window itself. (On the real server the Node server answers this address;
 * this page is the demo's.)
 */
export function ArchiveIssuePage() {
  const { slug = '' } = useParams()
  if (feedNames.includes(slug))
    return (
      <Missing
        title="Feed des Archivs"
        text={`Diese Adresse ist für Feedreader: Tragen Sie ${window.location.href} dort ein, dann meldet er jede neue Ausgabe.`}
      />
    )
  return <ArchivedIssue key={slug} slug={slug} />
}

function ArchivedIssue({ slug }: { slug: string }) {
  const newsletter = usePublicationName()
  const page = useArchivePage(slug)
  const document = useMemo(() => {
    if (!page.data) return null
    // links leave the frame: the page is the whole window
    return { html: withLinkTarget(page.data, '_top'), title: documentTitle(page.data) }
  }, [page.data])

  if (page.isError) {
    const status = page.error instanceof ApiError ? page.error.status : null
    if (status === 410)
      return (
        <Missing
          title="Diese Ausgabe ist nicht mehr im Archiv"
          text="Die Ausgabe wurde aus dem öffentlichen Archiv genommen."
        />
      )
    if (status === 404)
      return (
        <Missing
          title="Diese Ausgabe gibt es im Archiv nicht"
          text="Unter dieser Adresse steht keine versendete Ausgabe. Vielleicht ist die Adresse falsch geschrieben."
        />
      )
    return (
      <PublicPage newsletter={newsletter.data} title="Archiv">
        <ErrorState message={errorMessage(page.error)} onRetry={() => page.refetch()} />
      </PublicPage>
    )
  }
  if (!document) return <Loading />
  return (
    <>
      <title>{document.title}</title>
      <main id="inhalt" className={styles.framePage}>
        <h1 className="visually-hidden">{document.title}</h1>
        <iframe
          title={document.title}
          className={styles.frame}
          // same origin (no scripts): in the demo its photos load through the demo backend
          sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
          srcDoc={document.html}
        />
      </main>
    </>
  )
}
