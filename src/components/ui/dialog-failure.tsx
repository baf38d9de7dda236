import { useEffect, useRef } from 'react'

/**
 * Why the step of a dialog failed. It takes focus when it appears: the button that ran the step
 * was disabled while busy and lost focus, which would otherwise fall to the page behind the dialog.
 */
export function DialogFailure({ message }: { message: string }) {
  const paragraph = useRef<HTMLParagraphElement>(null)
  useEffect(() => paragraph.current?.focus(), [message])
  return (
    <p ref={paragraph} className="field-error" role="alert" tabIndex={-1}>
      {message}
    </p>
  )
}
