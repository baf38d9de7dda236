import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../../../backend/api-error'
import { conflictCurrent } from '../../../backend/conflict'
import { useFocusFirstInvalid } from '../../../components/ui/use-focus-first-invalid'
import { publicationSchema, type Publication } from '../../../domain/publication'
import { classNames } from '../../../lib/class-names'
import { useUpdatePublication } from '../api/update-publication'
import {
  parsePublicationForm,
  publicationFormValues,
  type PublicationFieldName,
  type PublicationFormValues,
} from '../publication-form'
import styles from './publication-settings.module.css'

interface FieldSpec {
  name: PublicationFieldName
  label: string
  hint?: string
  type?: 'email' | 'tel' | 'number'
  multiline?: boolean
  autoComplete?: string
}

const groups: { legend: string; hint: string; fields: FieldSpec[] }[] = [
  {
    legend: 'Kopf',
    hint: 'Steht oben in jeder Ausgabe; „Titel – Untertitel“ nennt den Newsletter auch auf der Anmeldeseite und den öffentlichen Seiten.',
    fields: [
      { name: 'title', label: 'Titel' },
      { name: 'subtitle', label: 'Untertitel' },
    ],
  },
  {
    legend: 'Impressum',
    hint: 'Steht am Ende jeder Ausgabe.',
    fields: [
      { name: 'impressum.publisher', label: 'Herausgeber', autoComplete: 'organization' },
      { name: 'impressum.department', label: 'Dezernat' },
      { name: 'impressum.street', label: 'Straße', autoComplete: 'street-address' },
      { name: 'impressum.postalCodeCity', label: 'PLZ und Ort' },
      { name: 'impressum.phone', label: 'Telefon', type: 'tel' },
      { name: 'impressum.email', label: 'E-Mail', type: 'email' },
      { name: 'impressum.editorialStaff', label: 'Redaktion', hint: 'z. B. „Dr. Frank Rühling“' },
      { name: 'impressum.responsibleName', label: 'Verantwortlich' },
      {
        name: 'impressum.responsibleFunction',
        label: 'Funktion',
        hint: 'der oder des Verantwortlichen, z. B. „Dezernentin für Soziales“',
      },
    ],
  },
  {
    legend: 'Abmeldung und Editor',
    hint: '',
    fields: [
      {
        name: 'unsubscribeText',
        label: 'Abmeldehinweis',
        hint: 'Steht unter jeder Ausgabe, vor dem Link zum Abmelden.',
        multiline: true,
      },
      {
        name: 'articleWordLimit',
        label: 'Wortgrenze je Beitrag',
        hint: 'Der Editor zeigt sie beim Schreiben als Richtwert (50 bis 5000 Wörter); er verhindert längere Beiträge nicht.',
        type: 'number',
      },
    ],
  },
]

const fieldSpecs = groups.flatMap((group) => group.fields)

const fieldId = (name: PublicationFieldName) => `publication-${name.replace('.', '-')}`

/** The fields whose stored value differs from what the user typed, with the stored value. */
function storedDifferences(current: Publication, typed: PublicationFormValues) {
  const stored = publicationFormValues(current)
  return fieldSpecs
    .filter((field) => stored[field.name] !== typed[field.name])
    .map((field) => ({ label: field.label, value: stored[field.name] }))
}

/**
 * Masthead, Impressum, unsubscribe note and word limit; saved with the version the form started
 * from. Without `editable` the fields are read-only and there is nothing to save.
 */
export function PublicationSettingsForm({
  publication,
  editable,
}: {
  publication: Publication
  editable: boolean
}) {
  const update = useUpdatePublication()
  const [values, setValues] = useState(() => publicationFormValues(publication))
  const [baseVersion, setBaseVersion] = useState(publication.version)
  const [errors, setErrors] = useState<Record<string, string> | null>(null)
  const [conflict, setConflict] = useState<Publication | null>(null)
  const fields = useRef<HTMLDivElement>(null)
  const saved = useRef<HTMLParagraphElement>(null)
  const conflictNotice = useRef<HTMLDivElement>(null)
  useFocusFirstInvalid(fields, errors)
  useEffect(() => {
    if (update.isSuccess) saved.current?.focus()
  }, [update.isSuccess])
  useEffect(() => {
    if (conflict) conflictNotice.current?.focus()
  }, [conflict])

  const change = (name: PublicationFieldName, value: string) => {
    if (update.isSuccess) update.reset()
    setValues({ ...values, [name]: value })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parsePublicationForm(values, baseVersion)
    if (!parsed.success) {
      setErrors(parsed.errors)
      return
    }
    setErrors(null)
    setConflict(null)
    update.mutate(parsed.data, {
      onSuccess: (publication) => {
        setBaseVersion(publication.version)
        setValues(publicationFormValues(publication))
      },
      onError: (error) => {
        const current = conflictCurrent(error, publicationSchema)
        if (current) {
          setConflict(current)
          setBaseVersion(current.version)
        } else if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
          setErrors(error.fieldErrors)
        }
      },
    })
  }

  const takeStored = (current: Publication) => {
    setValues(publicationFormValues(current))
    setErrors(null)
    setConflict(null)
    update.reset()
  }

  const differences = conflict ? storedDifferences(conflict, values) : []
  const fieldErrorsShown = errors ?? {}

  return (
    <form onSubmit={submit} noValidate aria-label="Kopf und Impressum">
      <div ref={fields}>
        {groups.map((group) => (
          <fieldset key={group.legend} className={`panel ${styles.group}`}>
            <legend>{group.legend}</legend>
            {group.hint && <p className="hint">{group.hint}</p>}
            <div className={styles.fields}>
              {group.fields.map((field) => {
                const id = fieldId(field.name)
                const error = fieldErrorsShown[field.name]
                const props = {
                  id,
                  value: values[field.name],
                  readOnly: !editable,
                  'aria-invalid': error ? true : undefined,
                  'aria-describedby':
                    [error && `${id}-error`, field.hint && `${id}-hint`]
                      .filter(Boolean)
                      .join(' ') || undefined,
                }
                return (
                  <div
                    key={field.name}
                    className={classNames(
                      'field',
                      field.multiline && styles.wide,
                      field.type === 'number' && styles.short,
                    )}
                  >
                    <label htmlFor={id}>{field.label}</label>
                    {field.multiline ? (
                      <textarea
                        {...props}
                        rows={4}
                        onChange={(event) => change(field.name, event.target.value)}
                      />
                    ) : (
                      <input
                        {...props}
                        type={field.type ?? 'text'}
                        autoComplete={field.autoComplete ?? 'off'}
                        {...(field.type === 'number' && { min: 50, max: 5000, step: 1 })}
                        onChange={(event) => change(field.name, event.target.value)}
                      />
                    )}
                    {field.hint && (
                      <p id={`${id}-hint`} className="hint">
                        {field.hint}
                      </p>
                    )}
                    {error && (
                      <p id={`${id}-error`} className="field-error">
                        {error}
                      </p>
                    )}
                  </div>
                )
              })}
            </div>
          </fieldset>
        ))}
      </div>
      {conflict && (
        <div
          ref={conflictNotice}
          tabIndex={-1}
          className="notice notice-warning"
          role="alert"
          aria-labelledby="publication-conflict-heading"
        >
          <h2 id="publication-conflict-heading">Inzwischen von jemand anderem gespeichert</h2>
          {differences.length > 0 ? (
            <>
              <p>Gespeichert ist jetzt, abweichend von Ihren Eingaben:</p>
              <dl className={styles.differences}>
                {differences.map((difference) => (
                  <div key={difference.label}>
                    <dt>{difference.label}</dt>
                    <dd>„{difference.value}“</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : (
            <p>
              In diesen Feldern ist gespeichert, was Sie eingegeben haben; geändert wurde etwas
              anderes, etwa das Layout.
            </p>
          )}
          <p>Ihre Eingaben stehen noch im Formular. Speichern Sie erneut, um sie zu übernehmen.</p>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => takeStored(conflict)}
          >
            Gespeicherten Stand übernehmen
          </button>
        </div>
      )}
      {errors && (
        <p role="alert" className="field-error">
          Nicht gespeichert. Bitte die markierten Felder prüfen.
        </p>
      )}
      {update.isError && !conflict && !errors && (
        <p role="alert" className="field-error">
          Nicht gespeichert. {errorMessage(update.error)} Ihre Eingaben stehen noch im Formular.
        </p>
      )}
      {update.isSuccess && (
        <p ref={saved} tabIndex={-1} className="notice" role="status">
          Gespeichert. Die Einstellungen gelten ab jetzt für jede Ausgabe, die noch nicht
          freigegeben ist.
        </p>
      )}
      {editable && (
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? 'Wird gespeichert …' : 'Speichern'}
          </button>
        </div>
      )}
    </form>
  )
}
