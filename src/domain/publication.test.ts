import { describe, expect, it } from 'vitest'
import { defaultLayout, layoutSchema, updateLayoutInputSchema } from './publication'

const olderLayout = {
  accentColor: '#0b4f8a',
  headingFont: 'sans',
  bodyFont: 'serif',
  photoPlacement: 'left',
  logoMediaId: null,
}

describe('Layout der Publikation', () => {
  it('liest ein gespeichertes Layout ohne die spätere Wahl „Ausgabe im Kopf“ (dann aus)', () => {
    expect(layoutSchema.parse(olderLayout)).toEqual({ ...olderLayout, mastheadIssueLine: false })
    expect(updateLayoutInputSchema.parse({ version: 3, layout: olderLayout }).layout).toEqual({
      ...olderLayout,
      mastheadIssueLine: false,
    })
  })

  it('übernimmt die Wahl „Ausgabe im Kopf“ und lehnt andere Werte ab', () => {
    expect(
      layoutSchema.parse({ ...defaultLayout, mastheadIssueLine: true }).mastheadIssueLine,
    ).toBe(true)
    expect(layoutSchema.safeParse({ ...defaultLayout, mastheadIssueLine: 'ja' }).success).toBe(
      false,
    )
  })
})
