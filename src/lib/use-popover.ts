import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useDisclosure } from './use-disclosure'

/**
 * A panel opened by a button beside it (the bell's list, the phone menu): Escape closes it and
 * puts focus back on the button; a click or tap anywhere else closes it and leaves focus where
 * it went. `container` goes on the element that holds both, `onKeyDown` with it.
 */
export function usePopover() {
  const disclosure = useDisclosure()
  const { open, close, dismiss } = disclosure
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !container.current?.contains(event.target)) dismiss()
    }
    document.addEventListener('pointerdown', closeOutside)
    return () => document.removeEventListener('pointerdown', closeOutside)
  }, [open, dismiss])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    event.stopPropagation()
    close()
  }
  return { ...disclosure, container, onKeyDown }
}
