import { Fragment } from 'react'

/** An address that may wrap before "@" and "." only, not in the middle of a word. */
export function WrappableEmail({ email }: { email: string }) {
  const parts = email.split(/(?=[@.])/)
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ))
}
