import { useEffect, useRef, useState } from 'react'
import { ConflictError, errorMessage } from '../../../backend/api-error'
import { useBackend } from '../../../backend/backend-provider'
import { contrastOnWhite, minimumAccentContrast } from '../../../domain/color-contrast'
import { fieldErrors } from '../../../domain/field-errors'
import { updateLayoutInputSchema, type Layout, type Publication } from '../../../domain/publication'
import { useUpdateLayout } from '../api/update-layout'
import { classNames } from '../../../lib/class-names'
import styles from './layout-settings-form.module.css'

interface Props {
  publication: Publication
  /** Said under the heading: for whom a saved layout applies (an approved issue keeps its own). */
  scope?: string
  draft: Layout
  /** `null`: back to what the preview showed before any choice. */
  onDraftChange: (layout: Layout | null) => void
}

/** Layout settings of the newsletter for Gestaltung; the preview follows every change at once. */
export function LayoutSettingsForm({ publication, scope, draft, onDraftChange }: Props) {
  const backend = useBackend()
  const update = useUpdateLayout()
  const [message, setMessage] = useState<string | null>(null)
  const [uploadError, setUploadError] = useState<string | null>(null)
  const logoInput = useRef<HTMLInputElement>(null)
  const status = useRef<HTMLParagraphElement>(null)
  // "Layout speichern" is disabled while saving and after it: the outcome takes the focus
  const settled = update.isSuccess || update.isError
  useEffect(() => {
    if (settled) status.current?.focus()
  }, [settled])
  /** A new choice: an earlier outcome ("gespeichert", "verworfen") no longer holds. */
  const choose = (layout: Layout) => {
    setMessage(null)
    onDraftChange(layout)
  }
  const contrast = contrastOnWhite(draft.accentColor)
  const changed = JSON.stringify(draft) !== JSON.stringify(publication.layout)

  const uploadLogo = async (file: File | undefined) => {
    if (!file) return
    setUploadError(null)
    try {
      const media = await backend.uploadMedia(file, file.name)
      choose({ ...draft, logoMediaId: media.id })
    } catch (error) {
      setUploadError(errorMessage(error))
    }
  }

  return (
    <form
      className="panel"
      aria-labelledby="layout-heading"
      onSubmit={(event) => {
        event.preventDefault()
        const parsed = updateLayoutInputSchema.safeParse({
          version: publication.version,
          layout: draft,
        })
        if (!parsed.success) {
          setMessage(Object.values(fieldErrors(parsed.error.issues)).join(' '))
          return
        }
        setMessage(null)
        update.mutate(parsed.data, {
          onSuccess: () => {
            setMessage('Das Layout ist gespeichert.')
            // the preview shows what the issue goes out with again
            onDraftChange(null)
          },
          onError: (error) =>
            setMessage(
              error instanceof ConflictError
                ? 'Das Layout wurde inzwischen geändert. Ihre Auswahl ist noch da; speichern Sie erneut, um sie zu übernehmen.'
                : errorMessage(error),
            ),
        })
      }}
    >
      <h2 id="layout-heading">Layout</h2>
      {scope && <p className="hint">{scope}</p>}
      <div className={styles.fields}>
        <div className={classNames('field', styles.accentField)}>
          <label htmlFor="layout-accent">Akzentfarbe</label>
          <input
            id="layout-accent"
            type="color"
            value={draft.accentColor}
            aria-describedby="layout-accent-hint"
            onChange={(event) => choose({ ...draft, accentColor: event.target.value })}
          />
          <p
            id="layout-accent-hint"
            className={contrast < minimumAccentContrast ? 'hint hint-warning' : 'hint'}
          >
            Kontrast zu Weiß {contrast.toLocaleString('de-DE', { maximumFractionDigits: 1 })}:1
            {contrast < minimumAccentContrast
              ? ' – zu gering für Überschriften (mindestens 4,5:1)'
              : ''}
          </p>
        </div>
        <div className="field">
          <label htmlFor="layout-heading-font">Schrift der Überschriften</label>
          <select
            id="layout-heading-font"
            value={draft.headingFont}
            onChange={(event) =>
              choose({ ...draft, headingFont: event.target.value as Layout['headingFont'] })
            }
          >
            <option value="sans">Serifenlos (Arial)</option>
            <option value="serif">Mit Serifen (Georgia)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="layout-body-font">Schrift des Textes</label>
          <select
            id="layout-body-font"
            value={draft.bodyFont}
            onChange={(event) =>
              choose({ ...draft, bodyFont: event.target.value as Layout['bodyFont'] })
            }
          >
            <option value="sans">Serifenlos (Arial)</option>
            <option value="serif">Mit Serifen (Georgia)</option>
          </select>
        </div>
        <fieldset className="field">
          <legend>Fotos</legend>
          {(
            [
              ['full', 'Volle Breite'],
              ['left', 'Links neben dem Text'],
              ['right', 'Rechts neben dem Text'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="photo-placement"
                checked={draft.photoPlacement === value}
                onChange={() => choose({ ...draft, photoPlacement: value })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Kopf</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.mastheadIssueLine}
              onChange={(event) => choose({ ...draft, mastheadIssueLine: event.target.checked })}
            />
            Ausgabe und Erscheinungsdatum zeigen
          </label>
        </fieldset>
        <div className="field">
          <span className="field-label">Logo</span>
          <input
            ref={logoInput}
            type="file"
            hidden
            accept="image/jpeg,image/png,image/webp"
            data-testid="logo-file-input"
            onChange={(event) => {
              void uploadLogo(event.target.files?.[0])
              event.target.value = ''
            }}
          />
          <div className="actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => logoInput.current?.click()}
            >
              {draft.logoMediaId ? 'Anderes Logo hochladen' : 'Logo hochladen'}
            </button>
            {draft.logoMediaId && (
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => choose({ ...draft, logoMediaId: null })}
              >
                Logo entfernen
              </button>
            )}
          </div>
          {uploadError && (
            <p className="field-error" role="alert">
              {uploadError}
            </p>
          )}
        </div>
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={!changed || update.isPending}
        >
          Layout speichern
        </button>
        {changed && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              onDraftChange(null)
              setMessage('Ihre Auswahl ist verworfen.')
              // the button goes with the choice: the message takes the focus
              status.current?.focus()
            }}
          >
            Änderungen verwerfen
          </button>
        )}
      </div>
      <p ref={status} tabIndex={-1} role="status" className={classNames('hint', styles.status)}>
        {message ??
          (changed
            ? 'Die Vorschau und die Downloads zeigen Ihre noch nicht gespeicherte Auswahl, Testversand und E-Mail für Outlook nicht.'
            : '')}
      </p>
    </form>
  )
}
