import { useEffect, type RefObject } from 'react'

/**
 * After a failed submit the focus goes to the first field marked invalid inside `container`, whose
 * description is its error: a screen reader hears what to fix, the keyboard is where to fix it.
 * Runs whenever `errors` is a new value (each submit sets new errors), not while typing.
 */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>, errors: unknown) {
  useEffect(() => {
    if (!errors) return
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [container, errors])
}
