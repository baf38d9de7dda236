import { useId, useState } from 'react'
import { ModalDialog } from '../../../components/ui/modal-dialog'
import { WordDiffView } from '../../../components/word-diff-view'
import type { Article, Photo } from '../../../domain/article'
import {
  articleDifferences,
  blocksText,
  mergeArticle,
  type ArticleContent,
  type MergeSide,
} from '../../../domain/article-merge'
import { wordDiff } from '../../../domain/content-diff'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { creditLine } from '../../../domain/photo-credit'
import type { ArticleDraft } from '../autosave/draft-mirror'
import styles from './conflict-dialog.module.css'

const removedLabel = 'nur auf dem Server:'
const addedLabel = 'nur in Ihrer Fassung:'

const photosText = (photos: readonly Photo[]) =>
  photos.length === 0
    ? 'Keine Fotos.'
    : photos
        .map(
          (photo, index) =>
            `Foto ${index + 1}: ${photo.caption || 'ohne Bildunterschrift'}${photo.credit ? ` (${creditLine(photo.credit)})` : ''}`,
        )
        .join('\n')

/** One place where the versions differ: the word diff and the choice of a side. */
function DifferingPart({
  id,
  title,
  theirsText,
  mineText,
  side,
  onChoose,
}: {
  id: string
  title: string
  theirsText: string
  mineText: string
  side: MergeSide
  onChoose: (side: MergeSide) => void
}) {
  const name = `${useId()}-${id}`
  return (
    <fieldset className={styles.part}>
      <legend>{title}</legend>
      <p className={styles.diff}>
        <WordDiffView
          changes={wordDiff(theirsText, mineText)}
          removedLabel={removedLabel}
          addedLabel={addedLabel}
        />
      </p>
      <div className={styles.choice}>
        {(
          [
            ['mine', 'Meine Fassung'],
            ['theirs', 'Fassung auf dem Server'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={name}
              value={value}
              checked={side === value}
              onChange={() => onChoose(value)}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

interface ConflictDialogProps {
  mine: ArticleDraft
  theirs: Article
  theirsAuthor: string
  busy: boolean
  onKeepMine: () => void
  onTakeTheirs: () => void
  onKeepBoth: () => void
  /** Saves the version put together from both, part by part, over the newer one. */
  onMerge: (merged: ArticleContent) => void
}

/**
 * Shows where the two versions differ, word by word, and lets the author take each differing
 * part from either side; nothing is overwritten silently.
 */
export function ConflictDialog({
  mine,
  theirs,
  theirsAuthor,
  busy,
  onKeepMine,
  onTakeTheirs,
  onKeepBoth,
  onMerge,
}: ConflictDialogProps) {
  const [choices, setChoices] = useState<Record<string, MergeSide>>({})
  const differences = articleDifferences(mine, theirs)
  const side = (id: string) => choices[id] ?? 'mine'
  const choose = (id: string) => (value: MergeSide) =>
    setChoices((current) => ({ ...current, [id]: value }))
  const textParts = differences.body.filter((part) => part.kind === 'differ').length
  let textPart = 0

  return (
    <ModalDialog title="Konflikt: Der Beitrag wurde inzwischen geändert">
      <p>
        {theirsAuthor} hat diesen Beitrag am {formatBerlinDateTime(theirs.updatedAt)} gespeichert,
        während Sie ihn bearbeitet haben. Ihre Fassung ist auf diesem Gerät gesichert. Bitte
        entscheiden Sie, welche Fassung gelten soll – im Ganzen oder Stelle für Stelle.
      </p>
      <p className={styles.key}>
        <del>Durchgestrichen</del>: nur in der Fassung auf dem Server (von {theirsAuthor}).{' '}
        <ins>Unterstrichen</ins>: nur in Ihrer Fassung.
      </p>
      <section
        className={styles.differences}
        aria-labelledby="conflict-differences-heading"
        // Long texts scroll: the area takes focus so that the keyboard can scroll it too.
        tabIndex={0}
      >
        <h3 id="conflict-differences-heading">Unterschiede</h3>
        {differences.headline ? (
          <DifferingPart
            id="headline"
            title="Überschrift"
            theirsText={theirs.headline}
            mineText={mine.headline}
            side={side('headline')}
            onChoose={choose('headline')}
          />
        ) : (
          <p className={styles.headline}>{mine.headline || 'Ohne Überschrift'}</p>
        )}
        {differences.body.map((part) => {
          if (part.kind === 'same') {
            const text = blocksText(part.blocks)
            return text === '' ? null : (
              <p key={`same-${textPart}`} className={styles.same}>
                {text}
              </p>
            )
          }
          textPart++
          return (
            <DifferingPart
              key={part.id}
              id={part.id}
              title={`Text: Stelle ${textPart} von ${textParts}`}
              theirsText={blocksText(part.theirs)}
              mineText={blocksText(part.mine)}
              side={side(part.id)}
              onChoose={choose(part.id)}
            />
          )
        })}
        {differences.photos && (
          <DifferingPart
            id="photos"
            title="Fotos"
            theirsText={photosText(theirs.photos)}
            mineText={photosText(mine.photos)}
            side={side('photos')}
            onChoose={choose('photos')}
          />
        )}
      </section>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => onMerge(mergeArticle(mine, theirs, choices))}
        >
          Auswahl speichern
        </button>
        <button type="button" className="button" disabled={busy} onClick={onKeepMine}>
          Meine Fassung speichern
        </button>
        <button type="button" className="button" disabled={busy} onClick={onTakeTheirs}>
          Neuere Fassung übernehmen
        </button>
        <button type="button" className="button" disabled={busy} onClick={onKeepBoth}>
          Beide behalten (meine als Kopie)
        </button>
      </div>
    </ModalDialog>
  )
}
