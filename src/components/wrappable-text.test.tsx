import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { WrappableText } from './wrappable-text'

const breaks = (text: string) => {
  const { container } = render(
    <p>
      <WrappableText text={text} />
    </p>,
  )
  return { html: container.innerHTML, text: container.textContent }
}

describe('WrappableText', () => {
  it('bricht eine Adresse nur vor „@“ und „.“', () => {
    expect(breaks('anna.muster@example.de').html).toBe(
      '<p>anna<wbr>.muster<wbr>@example<wbr>.de</p>',
    )
  })

  it('lässt gewöhnliche Wörter ganz, auch lange deutsche', () => {
    const { html } = breaks('Arbeiterwohlfahrt Kreisverband Integrationsmanagement')
    expect(html).not.toContain('<wbr>')
  })

  it('gibt einem langen Wort ohne Leerzeichen alle paar Zeichen eine Bruchstelle, der Text bleibt gleich', () => {
    const name = 'X'.repeat(30)
    const { html, text } = breaks(`Dr. ${name}`)
    expect(html).toBe(`<p>Dr. ${'X'.repeat(12)}<wbr>${'X'.repeat(12)}<wbr>XXXXXX</p>`)
    expect(text).toBe(`Dr. ${name}`)
  })
})
