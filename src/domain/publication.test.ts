import { describe, expect, it } from 'vitest'
import { initialPublication } from '../server/initial-publication'
import {
  defaultLayout,
  layoutSchema,
  publicationContentSchema,
  updateLayoutInputSchema,
} from './publication'

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

describe('Angaben der Publikation', () => {
  const {
    version: _version,
    updatedAt: _updatedAt,
    ...content
  } = initialPublication('2018-08-01T00:00:00.000Z')

  it('nimmt einen Abmeldehinweis bis 1000 Zeichen an, nicht länger, mit deutscher Meldung', () => {
    const accepted = publicationContentSchema.safeParse({
      ...content,
      unsubscribeText: 'x'.repeat(1000),
    })
    expect(accepted.success).toBe(true)
    const refused = publicationContentSchema.safeParse({
      ...content,
      unsubscribeText: 'x'.repeat(1001),
    })
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      'Abmeldehinweis darf höchstens 1000 Zeichen lang sein.',
    ])
  })

  it('meldet eine zu lange oder leere Impressumsangabe auf Deutsch', () => {
    const refused = publicationContentSchema.safeParse({
      ...content,
      impressum: { ...content.impressum, street: 'S'.repeat(301), phone: '  ' },
    })
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      'Straße darf höchstens 300 Zeichen lang sein.',
      'Telefon darf nicht leer sein.',
    ])
  })
})
