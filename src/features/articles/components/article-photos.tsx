import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { useBackend } from '../../../backend/backend-provider'
import type { Photo } from '../../../domain/article'
import { creditLine, creditWithoutPrefix } from '../../../domain/photo-credit'
import { useTypographicField } from '../hooks/use-typographic-field'
import styles from './article-photos.module.css'

interface ArticlePhotosProps {
  photos: Photo[]
  onChange: (photos: Photo[]) => void
  onAddFiles: (files: File[]) => void
  uploading: boolean
  problems: string[]
}

function PhotoFields({
  photo,
  index,
  total,
  onChange,
  onMove,
  onRemove,
}: {
  photo: Photo
  index: number
  total: number
  onChange: (photo: Photo) => void
  onMove: (delta: number) => void
  onRemove: () => void
}) {
  const backend = useBackend()
  const id = useId()
  const [confirming, setConfirming] = useState(false)
  const [creditPrefixRemoved, setCreditPrefixRemoved] = useState(false)
  const altMissing = !photo.decorative && photo.alt.trim() === ''
  const { ref: captionRef, typed: typedCaption } = useTypographicField<HTMLTextAreaElement>(
    photo.caption,
  )
  const { ref: creditRef, typed: typedCredit } = useTypographicField<HTMLInputElement>(photo.credit)
  const number = index + 1
  return (
    <fieldset className={styles.item} data-media-id={photo.mediaId}>
      <legend>Foto {number}</legend>
      <img
        className={styles.thumb}
        src={backend.mediaFileUrl(photo.mediaId)}
        alt=""
        width={160}
        height={107}
      />
      <div className={styles.fields}>
        <div className="field">
          <label htmlFor={`${id}-caption`}>Bildunterschrift</label>
          <textarea
            id={`${id}-caption`}
            ref={captionRef}
            rows={2}
            value={photo.caption}
            onChange={(event) => onChange({ ...photo, caption: typedCaption(event) })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-credit`}>Fotonachweis</label>
          <input
            id={`${id}-credit`}
            ref={creditRef}
            type="text"
            value={photo.credit}
            aria-describedby={`${id}-credit-hint`}
            onChange={(event) => {
              setCreditPrefixRemoved(false)
              onChange({ ...photo, credit: typedCredit(event) })
            }}
            onBlur={() => {
              const credit = creditWithoutPrefix(photo.credit)
              if (credit === photo.credit.trim()) return
              setCreditPrefixRemoved(true)
              onChange({ ...photo, credit })
            }}
          />
          <p id={`${id}-credit-hint`} className="hint" aria-live="polite">
            {creditPrefixRemoved
              ? `„Foto:“ setzt Rundbrief selbst davor; es wurde aus dem Feld entfernt. Erscheint als „${creditLine(photo.credit)}“`
              : `Erscheint als „${creditWithoutPrefix(photo.credit) ? creditLine(photo.credit) : 'Foto: …'}“`}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-alt`}>Alternativtext</label>
          <textarea
            id={`${id}-alt`}
            rows={2}
            value={photo.alt}
            disabled={photo.decorative}
            aria-invalid={altMissing || undefined}
            aria-describedby={`${id}-alt-hint`}
            onChange={(event) => onChange({ ...photo, alt: event.target.value })}
          />
          <p id={`${id}-alt-hint`} className={altMissing ? 'hint hint-warning' : 'hint'}>
            {altMissing
              ? 'Fehlt noch: Beschreiben Sie, was auf dem Foto zu sehen ist. Ohne Alternativtext kann der Beitrag nicht als fertig markiert werden.'
              : 'Beschreibt das Foto für Menschen, die es nicht sehen können.'}
          </p>
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={photo.decorative}
            onChange={(event) => onChange({ ...photo, decorative: event.target.checked })}
          />
          Rein dekoratives Foto (kein Alternativtext nötig)
        </label>
        <div className="actions">
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={index === 0}
            aria-label={`Nach oben (Foto ${number})`}
            onClick={() => onMove(-1)}
          >
            Nach oben
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={index === total - 1}
            aria-label={`Nach unten (Foto ${number})`}
            onClick={() => onMove(1)}
          >
            Nach unten
          </button>
          {confirming ? (
            <span
              role="group"
              aria-label={`Foto ${number} entfernen?`}
              className={styles.confirmInline}
            >
              <span>Foto {number} wirklich entfernen?</span>
              <button
                type="button"
                className="button button-small button-danger"
                autoFocus
                onClick={onRemove}
              >
                Entfernen
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => setConfirming(false)}
              >
                Abbrechen
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button-small button-secondary"
              aria-label={`Foto entfernen (Foto ${number})`}
              onClick={() => setConfirming(true)}
            >
              Foto entfernen
            </button>
          )}
        </div>
      </div>
    </fieldset>
  )
}

/**
 * After an upload, focus goes to the first field of the photo that arrived, so that caption,
 * credit and alt text are filled in next (photos added by others or by undo are left alone).
 */
function useFocusOnUploadedPhoto(
  section: RefObject<HTMLElement | null>,
  photos: Photo[],
  uploading: boolean,
) {
  const known = useRef(new Set(photos.map((photo) => photo.mediaId)))
  const expecting = useRef(false)
  useEffect(() => {
    if (uploading) expecting.current = true
  }, [uploading])
  useEffect(() => {
    const arrived = photos.find((photo) => !known.current.has(photo.mediaId))
    known.current = new Set(photos.map((photo) => photo.mediaId))
    if (!arrived || !expecting.current) return
    if (!uploading) expecting.current = false
    const fieldsets = section.current?.querySelectorAll<HTMLElement>('[data-media-id]') ?? []
    Array.from(fieldsets)
      .find((fieldset) => fieldset.dataset.mediaId === arrived.mediaId)
      ?.querySelector<HTMLElement>('textarea, input')
      ?.focus()
  }, [photos, uploading, section])
}

/** The photos of an article: upload ("Foto hinzufügen" or drop), fields, order, removal. */
export function ArticlePhotos({
  photos,
  onChange,
  onAddFiles,
  uploading,
  problems,
}: ArticlePhotosProps) {
  const input = useRef<HTMLInputElement>(null)
  const section = useRef<HTMLElement>(null)
  useFocusOnUploadedPhoto(section, photos, uploading)
  const update = (index: number, photo: Photo) =>
    onChange(photos.map((item, i) => (i === index ? photo : item)))
  const move = (index: number, delta: number) => {
    const next = [...photos]
    const [moved] = next.splice(index, 1)
    if (moved) next.splice(index + delta, 0, moved)
    onChange(next)
  }

  return (
    <section className={styles.photos} aria-labelledby="photos-heading" ref={section}>
      <h2 id="photos-heading">Fotos</h2>
      {photos.length === 0 && (
        <p className="empty">Noch keine Fotos. Sie können Fotos auch auf den Beitrag ziehen.</p>
      )}
      {photos.map((photo, index) => (
        <PhotoFields
          key={photo.mediaId}
          photo={photo}
          index={index}
          total={photos.length}
          onChange={(next) => update(index, next)}
          onMove={(delta) => move(index, delta)}
          onRemove={() => onChange(photos.filter((_, i) => i !== index))}
        />
      ))}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        hidden
        data-testid="photo-file-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          event.target.value = ''
          onAddFiles(files)
        }}
      />
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Foto hinzufügen
      </button>
      <span className="hint"> JPEG, PNG oder WebP, höchstens 10 MB</span>
      <div role="status" aria-live="polite">
        {uploading && <p>Foto wird hochgeladen …</p>}
      </div>
      {problems.length > 0 && (
        <div role="alert" className="error-state">
          {problems.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </section>
  )
}
