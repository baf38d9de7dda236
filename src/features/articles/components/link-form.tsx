import type { Editor } from '@tiptap/react'
import { useId, useState, type FormEvent } from 'react'
import { fieldErrors } from '../../../domain/field-errors'
import { linkAddressInputSchema } from '../../../domain/rich-text'
import styles from './link-form.module.css'

/** Small form to set or remove the link on the selection. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const inputId = useId()
  const errorId = useId()
  const [href, setHref] = useState(
    () => (editor.getAttributes('link').href as string | undefined) ?? '',
  )
  const [error, setError] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = linkAddressInputSchema.safeParse({ href })
    if (!parsed.success) {
      setError(fieldErrors(parsed.error.issues).href ?? null)
      return
    }
    const normalised = parsed.data.href
    if (editor.state.selection.empty && !editor.isActive('link')) {
      editor
        .chain()
        .focus()
        .insertContent({
          type: 'text',
          text: normalised,
          marks: [{ type: 'link', attrs: { href: normalised } }],
        })
        .run()
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href: normalised }).run()
    }
    onClose()
  }

  return (
    <form
      className={styles.linkForm}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onClose()
          editor.commands.focus()
        }
      }}
    >
      <label htmlFor={inputId}>Linkadresse</label>
      <input
        id={inputId}
        type="text"
        inputMode="url"
        autoFocus
        value={href}
        placeholder="https://www.gera.de"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setHref(event.target.value)
          setError(null)
        }}
      />
      <button type="submit" className="button button-small button-primary">
        Übernehmen
      </button>
      {editor.isActive('link') && (
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run()
            onClose()
          }}
        >
          Link entfernen
        </button>
      )}
      <button type="button" className="button button-small button-secondary" onClick={onClose}>
        Abbrechen
      </button>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
