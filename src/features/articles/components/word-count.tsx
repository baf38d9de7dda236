import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { countText, type TextCount } from '../../../domain/word-count'
import { classNames } from '../../../lib/class-names'
import styles from './word-count.module.css'

const countOf = (editor: Editor): TextCount =>
  countText(editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n', ' '))

/** Words and characters of the body, against the soft limit; counted after a pause, not per key. */
export function WordCount({ editor, limit }: { editor: Editor; limit: number }) {
  const [count, setCount] = useState(() => countOf(editor))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const update = () => {
      clearTimeout(timer)
      timer = setTimeout(() => setCount(countOf(editor)), 300)
    }
    editor.on('update', update)
    return () => {
      clearTimeout(timer)
      editor.off('update', update)
    }
  }, [editor])
  const over = count.words > limit
  return (
    <p className={classNames(styles.wordCount, over && styles.over)}>
      {count.words.toLocaleString('de-DE')} {count.words === 1 ? 'Wort' : 'Wörter'} ·{' '}
      {count.characters.toLocaleString('de-DE')} Zeichen · Richtwert {limit.toLocaleString('de-DE')}{' '}
      Wörter
      {over && (
        <strong>
          {' '}
          – {(count.words - limit).toLocaleString('de-DE')} Wörter über dem Richtwert
        </strong>
      )}
    </p>
  )
}
