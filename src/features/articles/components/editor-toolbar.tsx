import type { Editor } from '@tiptap/react'
import { useEditorState } from '@tiptap/react'
import { useRef, useState, type KeyboardEvent } from 'react'
import { LinkForm } from './link-form'
import styles from './editor-toolbar.module.css'

interface ToolbarButton {
  label: string
  shortcut?: string
  run: (editor: Editor) => void
  isActive?: (editor: Editor) => boolean
  isDisabled?: (editor: Editor) => boolean
  icon: string
  /** Also corrects the fields outside the body (headline, captions, credits). */
  fixesTypography?: true
}

const buttons: ToolbarButton[] = [
  {
    label: 'Fett',
    shortcut: 'Strg+B',
    icon: 'F',
    run: (e) => e.chain().focus().toggleBold().run(),
    isActive: (e) => e.isActive('bold'),
  },
  {
    label: 'Kursiv',
    shortcut: 'Strg+I',
    icon: 'K',
    run: (e) => e.chain().focus().toggleItalic().run(),
    isActive: (e) => e.isActive('italic'),
  },
  {
    label: 'Zwischenüberschrift',
    shortcut: 'Strg+Alt+2',
    icon: 'Ü',
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    isActive: (e) => e.isActive('heading', { level: 2 }),
  },
  {
    label: 'Aufzählung',
    shortcut: 'Strg+Umschalt+8',
    icon: '•',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    isActive: (e) => e.isActive('bulletList'),
  },
  {
    label: 'Nummerierte Liste',
    shortcut: 'Strg+Umschalt+7',
    icon: '1.',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    isActive: (e) => e.isActive('orderedList'),
  },
  {
    label: 'Zitat',
    shortcut: 'Strg+Umschalt+B',
    icon: '„',
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    isActive: (e) => e.isActive('blockquote'),
  },
  {
    label: 'Anführungszeichen korrigieren',
    icon: '„“',
    fixesTypography: true,
    // no disabled state: checking the whole text on every keystroke would slow long articles
    run: (e) => e.chain().focus().fixStraightQuotes().run(),
  },
  {
    label: 'Rückgängig',
    shortcut: 'Strg+Z',
    icon: '↶',
    run: (e) => e.chain().focus().undo().run(),
    isDisabled: (e) => !e.can().undo(),
  },
  {
    label: 'Wiederholen',
    shortcut: 'Strg+Umschalt+Z',
    icon: '↷',
    run: (e) => e.chain().focus().redo().run(),
    isDisabled: (e) => !e.can().redo(),
  },
]

/** Formatting toolbar (one tab stop, arrow keys move between buttons, as ARIA recommends). */
export function EditorToolbar({
  editor,
  linkOpen,
  setLinkOpen,
  onFixTypography,
}: {
  editor: Editor
  linkOpen: boolean
  setLinkOpen: (open: boolean) => void
  /** Corrects quotes and dashes in the article's fields outside the body. */
  onFixTypography?: () => void
}) {
  const [focusIndex, setFocusIndex] = useState(0)
  const toolbar = useRef<HTMLDivElement>(null)
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      active: buttons.map((button) => button.isActive?.(current) ?? null),
      disabled: buttons.map((button) => button.isDisabled?.(current) ?? false),
      link: current.isActive('link'),
    }),
  })

  const count = buttons.length + 1
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: -focusIndex,
      End: count - 1 - focusIndex,
    }
    const move = moves[event.key]
    if (move === undefined) return
    event.preventDefault()
    const next = (focusIndex + move + count) % count
    setFocusIndex(next)
    toolbar.current?.querySelectorAll<HTMLButtonElement>('button[data-toolbar-item]')[next]?.focus()
  }

  /** `index` is the button's place in `buttons` (and in the editor state); `position` its tab position. */
  const renderButton = (button: ToolbarButton, index: number, position = index) => (
    <button
      key={button.label}
      type="button"
      data-toolbar-item
      className={styles.button}
      tabIndex={focusIndex === position ? 0 : -1}
      aria-pressed={state.active[index] ?? undefined}
      aria-disabled={state.disabled[index] || undefined}
      title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
      aria-keyshortcuts={button.shortcut?.replace('Strg', 'Control').replace('Umschalt', 'Shift')}
      onFocus={() => setFocusIndex(position)}
      onClick={() => {
        if (state.disabled[index]) return
        if (button.fixesTypography) onFixTypography?.()
        button.run(editor)
      }}
    >
      <span aria-hidden="true">{button.icon}</span>
      <span className="visually-hidden">{button.label}</span>
    </button>
  )

  const linkIndex = 2
  return (
    <div className={styles.wrap}>
      <div
        ref={toolbar}
        role="toolbar"
        aria-label="Formatierung"
        aria-controls="article-body"
        className={styles.toolbar}
        onKeyDown={onKeyDown}
      >
        {buttons.slice(0, linkIndex).map((button, index) => renderButton(button, index))}
        <button
          type="button"
          data-toolbar-item
          className={styles.button}
          tabIndex={focusIndex === linkIndex ? 0 : -1}
          aria-pressed={state.link}
          aria-expanded={linkOpen}
          title="Link (Strg+K)"
          aria-keyshortcuts="Control+K"
          onFocus={() => setFocusIndex(linkIndex)}
          onClick={() => setLinkOpen(!linkOpen)}
        >
          <span aria-hidden="true">Link</span>
          <span className="visually-hidden">Link</span>
        </button>
        {buttons
          .slice(linkIndex)
          .map((button, index) => renderButton(button, index + linkIndex, index + linkIndex + 1))}
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  )
}
