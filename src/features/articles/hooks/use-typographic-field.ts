import { useLayoutEffect, useRef, type ChangeEvent } from 'react'
import { typographyAfterTyping } from '../../../domain/german-typography'

/**
 * German typography while typing in a plain field (headline, caption, credit), with the same
 * rules as the body: `typed` turns the change event into the value to store, and the caret
 * stays right after the replaced character.
 */
export function useTypographicField<Field extends HTMLInputElement | HTMLTextAreaElement>(
  value: string,
) {
  const ref = useRef<Field>(null)
  const caretAfterRender = useRef<number | null>(null)
  useLayoutEffect(() => {
    const caret = caretAfterRender.current
    if (caret === null || !ref.current) return
    caretAfterRender.current = null
    ref.current.setSelectionRange(caret, caret)
  })
  const typed = (event: ChangeEvent<Field>): string => {
    const next = event.target.value
    const corrected = typographyAfterTyping(value, next, event.target.selectionStart ?? next.length)
    if (!corrected) return next
    caretAfterRender.current = corrected.caret
    return corrected.value
  }
  return { ref, typed }
}
