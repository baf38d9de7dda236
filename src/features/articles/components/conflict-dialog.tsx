import { ModalDialog } from '../../../components/ui/modal-dialog'
import type { Article } from '../../../domain/article'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { blockTexts } from '../../../domain/rich-text'
import type { ArticleDraft } from '../autosave/draft-mirror'
import { creditLine } from '../../../domain/photo-credit'

function VersionColumn({ title, draft, id }: { title: string; draft: ArticleDraft; id: string }) {
  return (
    // Long versions scroll: the column takes focus so that the keyboard can scroll it too.
    <section className="conflict-version" aria-labelledby={id} tabIndex={0}>
      <h3 id={id}>{title}</h3>
      <p className="conflict-headline">{draft.headline || 'Ohne Überschrift'}</p>
      <div className="conflict-text">
        {blockTexts(draft.body)
          .filter((text) => text.trim() !== '')
          .map((text, index) => (
            <p key={index}>{text}</p>
          ))}
      </div>
      {draft.photos.length > 0 && (
        <ul className="conflict-photos">
          {draft.photos.map((photo, index) => (
            <li key={photo.mediaId}>
              Foto {index + 1}: {photo.caption || 'ohne Bildunterschrift'}
              {photo.credit && ` (${creditLine(photo.credit)})`}
            </li>
          ))}
        </ul>
      )}
    </section>
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
}

/** Shows both versions side by side; the author decides, nothing is overwritten silently. */
export function ConflictDialog({
  mine,
  theirs,
  theirsAuthor,
  busy,
  onKeepMine,
  onTakeTheirs,
  onKeepBoth,
}: ConflictDialogProps) {
  return (
    <ModalDialog
      title="Konflikt: Der Beitrag wurde inzwischen geändert"
      className="conflict-dialog"
    >
      <p>
        {theirsAuthor} hat diesen Beitrag am {formatBerlinDateTime(theirs.updatedAt)} gespeichert,
        während Sie ihn bearbeitet haben. Ihre Fassung ist auf diesem Gerät gesichert. Bitte
        entscheiden Sie, welche Fassung gelten soll.
      </p>
      <div className="conflict-columns">
        <VersionColumn id="conflict-mine" title="Ihre Fassung" draft={mine} />
        <VersionColumn
          id="conflict-theirs"
          title={`Neuere Fassung von ${theirsAuthor}`}
          draft={{ headline: theirs.headline, body: theirs.body, photos: theirs.photos }}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={onKeepMine}
        >
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
