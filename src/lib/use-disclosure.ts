import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * An inline form opened by a button that is hidden while the form is open: closing the form
 * puts focus back on that button (once it is rendered again) instead of dropping it to the page.
 */
export function useDisclosure<Opener extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false)
  const opener = useRef<Opener>(null)
  const returnFocus = useRef(false)

  useEffect(() => {
    if (open || !returnFocus.current) return
    returnFocus.current = false
    opener.current?.focus()
  }, [open])

  const show = useCallback(() => setOpen(true), [])
  const close = useCallback(() => {
    returnFocus.current = true
    setOpen(false)
  }, [])
  /** Closes without moving focus, for when the page moves it somewhere else. */
  const dismiss = useCallback(() => setOpen(false), [])
  return { open, opener, show, close, dismiss }
}
