import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { useArchiveList } from '../../../backend/queries/list-archive'
import { usePublicationName } from '../../../backend/queries/get-publication-name'
import { PublicPage } from '../../../components/public-page'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { archiveFeedPaths, archivePagePath } from '../../../domain/archive'
import { formatBerlinDate } from '../../../domain/deadline'
import { issueTitle } from '../../../domain/issue'
import styles from './archive.module.css'

/**
 * "/archiv", the Übersicht: every sent issue that is in the archive, newest first, with its
 * headlines, and the addresses of the feeds. (On the real server the Node server answers this
 * address itself; the app's page is the demo's.)
 */
export function ArchiveOverviewPage() {
  const newsletter = usePublicationName()
  const archive = useArchiveList()
  const origin = window.location.origin
  return (
    <PublicPage newsletter={newsletter.data} title="Archiv">
      <h1>Archiv des Newsletters</h1>
      <p>Alle versendeten Ausgaben, die neueste zuerst.</p>
      {archive.isPending ? (
        <Loading />
      ) : archive.isError ? (
        <ErrorState message={errorMessage(archive.error)} onRetry={() => archive.refetch()} />
      ) : archive.data.items.length === 0 ? (
        <p className="empty">Noch ist keine Ausgabe im Archiv.</p>
      ) : (
        <ol className={styles.issues}>
          {archive.data.items.map((item) => (
            <li key={item.slug}>
              <h2>
                <Link to={archivePagePath(item.slug)}>{issueTitle(item.label)}</Link>
              </h2>
              <p className="muted">
                Versendet am{' '}
                <time dateTime={item.publishedAt}>{formatBerlinDate(item.publishedAt)}</time>
              </p>
              {item.headlines.length > 0 && (
                <ul
                  className={styles.headlines}
                  aria-label={`Beiträge der ${issueTitle(item.label)}`}
                >
                  {item.headlines.map((headline, index) => (
                    <li key={index}>{headline}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <section className={styles.feeds} aria-labelledby="archive-feeds-heading">
        <h2 id="archive-feeds-heading">Feeds</h2>
        <p>Neue Ausgaben im Feedreader abonnieren:</p>
        <ul>
          <li>
            RSS 2.0:{' '}
            <a className={styles.feedAddress} href={`${origin}${archiveFeedPaths.rss}`}>
              {`${origin}${archiveFeedPaths.rss}`}
            </a>
          </li>
          <li>
            Atom:{' '}
            <a className={styles.feedAddress} href={`${origin}${archiveFeedPaths.atom}`}>
              {`${origin}${archiveFeedPaths.atom}`}
            </a>
          </li>
        </ul>
      </section>
    </PublicPage>
  )
}
