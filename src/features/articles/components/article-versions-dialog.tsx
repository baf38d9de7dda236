import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { useArticleVersion } from '../../../backend/queries/get-article-version'
import { useArticleVersions } from '../../../backend/queries/list-article-versions'
import { useCommentThreads } from '../../../backend/queries/list-comment-threads'
import { useUsers } from '../../../backend/queries/list-users'
import { ModalDialog } from '../../../components/ui/modal-dialog'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { WordDiffView } from '../../../components/word-diff-view'
import {
  articleVersionReasonLabels,
  sameVersionContent,
  type ArticleVersion,
  type ArticleVersionSummary,
  type VersionContent,
} from '../../../domain/article-versions'
import { wordDiff } from '../../../domain/content-diff'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { plainText } from '../../../domain/rich-text'
import styles from './article-versions-dialog.module.css'
import { losingPassagesWarning, openThreadsLosingPassage } from './lost-passages'

interface ArticleVersionsDialogProps {
  articleId: string
  /** The text as it is now (in the editor), to compare each version with. */
  current: VersionContent
  onClose: () => void
  /**
   * Restores a version; resolves to why it was not restored (null: done). Omitted where the
   * article cannot be changed (read only).
   */
  onRestore?: RestoreHandler
}

type RestoreHandler = (number: number) => Promise<string | null>

const reasonText = (version: ArticleVersionSummary) =>
  version.reason === 'restored' && version.restoredFrom !== null
    ? `${articleVersionReasonLabels.restored} aus Version ${version.restoredFrom}`
    : articleVersionReasonLabels[version.reason]

/**
 * "Versionen": the kept versions of an article (who, when, why), one chosen version as a word
 * diff against the current text, and "Diese Version wiederherstellen" with a question first.
 */
export function ArticleVersionsDialog({
  articleId,
  current,
  onClose,
  onRestore,
}: ArticleVersionsDialogProps) {
  const versions = useArticleVersions(articleId)
  const users = useUsers()
  const [selected, setSelected] = useState<number | null>(null)
  const firstEntry = useRef<HTMLButtonElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)
  const listShown = versions.data !== undefined && versions.data.length > 0
  useEffect(() => {
    // the dialog opens with "Schließen" focused while the list loads; then the newest version
    const active = document.activeElement
    if (listShown && (active === closeButton.current || active?.getAttribute('role') === 'dialog'))
      firstEntry.current?.focus()
  }, [listShown])
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name ?? 'Unbekannt'

  return (
    <ModalDialog title="Versionen" onClose={onClose}>
      <p className="hint">
        Eine Version wird festgehalten, wenn nach 10 Minuten Pause oder von einer anderen Person
        weitergeschrieben wird, beim Ändern des Status, beim Einreichen und bei der Freigabe.
      </p>
      {versions.isPending ? (
        <Loading />
      ) : !versions.data ? (
        <ErrorState message={errorMessage(versions.error)} onRetry={() => versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <p>Von diesem Beitrag gibt es noch keine früheren Versionen.</p>
      ) : (
        <div className={styles.layout}>
          <ol className={styles.list} aria-label="Frühere Versionen">
            {versions.data.map((version, index) => (
              <li key={version.number}>
                <button
                  ref={index === 0 ? firstEntry : undefined}
                  type="button"
                  className={styles.entry}
                  aria-pressed={selected === version.number}
                  onClick={() => setSelected(version.number)}
                >
                  <span className={styles.entryTitle}>
                    Version {version.number}: {reasonText(version)}
                  </span>{' '}
                  <span className={styles.entryMeta}>
                    {userName(version.createdBy)} · {formatBerlinDateTime(version.createdAt)} ·{' '}
                    {version.wordCount} Wörter
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <div className={styles.detail}>
            {selected === null ? (
              <p className="hint">
                Wählen Sie eine Version, um sie mit dem aktuellen Text zu vergleichen.
              </p>
            ) : (
              <VersionComparison
                key={selected}
                articleId={articleId}
                number={selected}
                current={current}
                onRestore={onRestore}
              />
            )}
          </div>
        </div>
      )}
      <div className="actions">
        <button
          ref={closeButton}
          type="button"
          className="button button-secondary"
          onClick={onClose}
        >
          Schließen
        </button>
      </div>
    </ModalDialog>
  )
}

function VersionComparison({
  articleId,
  number,
  current,
  onRestore,
}: {
  articleId: string
  number: number
  current: VersionContent
  onRestore?: RestoreHandler
}) {
  const version = useArticleVersion(articleId, number)
  const threads = useCommentThreads(articleId)
  const headingId = useId()
  if (version.isPending) return <Loading />
  if (!version.data)
    return <ErrorState message={errorMessage(version.error)} onRetry={() => version.refetch()} />
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.detailHeading}>
        Version {number} im Vergleich zum aktuellen Text
      </h3>
      <VersionDiff version={version.data} current={current} />
      {onRestore && (
        <RestoreVersion
          number={number}
          onRestore={onRestore}
          warning={losingPassagesWarning(
            openThreadsLosingPassage(threads.data, current.body, version.data.body),
          )}
        />
      )}
    </section>
  )
}

function VersionDiff({ version, current }: { version: ArticleVersion; current: VersionContent }) {
  if (sameVersionContent(version, current)) {
    return <p>Diese Version stimmt mit dem aktuellen Text überein.</p>
  }
  const labels = {
    removedLabel: `nur in Version ${version.number}:`,
    addedLabel: 'nur im aktuellen Text:',
  }
  const photoIds = (content: VersionContent) => content.photos.map((photo) => photo.mediaId)
  const photosDiffer = JSON.stringify(version.photos) !== JSON.stringify(current.photos)
  return (
    <>
      <p className="hint">
        <span className={styles.legendRemoved}>Durchgestrichen</span>: nur in Version{' '}
        {version.number}. <span className={styles.legendAdded}>Unterstrichen</span>: nur im
        aktuellen Text.
      </p>
      <p className={styles.headline}>
        <span className="visually-hidden">Überschrift: </span>
        <WordDiffView changes={wordDiff(version.headline, current.headline)} {...labels} />
      </p>
      <div className={styles.diff}>
        <WordDiffView
          changes={wordDiff(plainText(version.body), plainText(current.body))}
          {...labels}
        />
      </div>
      {photosDiffer && (
        <p className="hint">
          Die Fotos unterscheiden sich: Version {version.number} hat {version.photos.length}{' '}
          {version.photos.length === 1 ? 'Foto' : 'Fotos'}
          {JSON.stringify(photoIds(version)) === JSON.stringify(photoIds(current))
            ? ' mit anderen Angaben (Bildunterschrift, Fotonachweis oder Alternativtext)'
            : ''}
          , der aktuelle Text {current.photos.length}.
        </p>
      )}
    </>
  )
}

function RestoreVersion({
  number,
  onRestore,
  warning,
}: {
  number: number
  onRestore: RestoreHandler
  /** What the restore does to open comments, if anything. */
  warning: string | null
}) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const questionId = useId()
  const warningId = useId()
  const confirmButton = useRef<HTMLButtonElement>(null)
  const askButton = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)
  useLayoutEffect(() => {
    if (asking) confirmButton.current?.focus()
    else if (returnFocus.current) askButton.current?.focus()
  }, [asking])

  const restore = async () => {
    setBusy(true)
    setError(null)
    let refused: string | null
    try {
      refused = await onRestore(number)
    } catch (failure) {
      refused = errorMessage(failure)
    }
    if (refused === null) return
    setError(refused)
    setBusy(false)
  }

  if (!asking) {
    return (
      <div className={`actions ${styles.restore}`}>
        <button
          ref={askButton}
          type="button"
          className="button button-primary"
          onClick={() => setAsking(true)}
        >
          Diese Version wiederherstellen
        </button>
      </div>
    )
  }
  return (
    <div role="group" aria-labelledby={questionId} className={styles.question}>
      <p id={questionId}>
        <strong>Version {number} wiederherstellen?</strong> Der aktuelle Text wird durch diese
        Version ersetzt. Er geht nicht verloren: Er bleibt als Version erhalten.
      </p>
      {warning && (
        <p id={warningId} className="notice notice-warning">
          {warning}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          ref={confirmButton}
          type="button"
          className="button button-primary"
          aria-describedby={warning ? warningId : undefined}
          disabled={busy}
          onClick={() => void restore()}
        >
          Wiederherstellen
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            returnFocus.current = true
            setError(null)
            setAsking(false)
          }}
        >
          Abbrechen
        </button>
      </div>
    </div>
  )
}
