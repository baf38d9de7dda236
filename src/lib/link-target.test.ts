import { describe, expect, it } from 'vitest'
import { withLinkTarget } from './link-target'

describe('withLinkTarget', () => {
  it('setzt das Ziel an den Anfang des Kopfes, auch mit Attributen', () => {
    expect(withLinkTarget('<html><head lang="de"><title>x</title></head></html>', '_top')).toBe(
      '<html><head lang="de"><base target="_top"><title>x</title></head></html>',
    )
  })

  it('nimmt <header> nicht für den Kopf und stellt das Ziel ohne Kopf voran', () => {
    expect(withLinkTarget('<header>x</header>', '_blank')).toBe(
      '<base target="_blank"><header>x</header>',
    )
  })
})
