import { describe, expect, it } from 'vitest'
import { createArticleInputSchema, photoSchema, updateArticleInputSchema } from './article'
import {
  cleanString,
  findUncleanText,
  idSchema,
  isCleanText,
  maxIdLength,
  uncleanTextMessage,
} from './clean-text'
import { createIssueInputSchema, requestChangesInputSchema } from './issue'
import { fileNameSchema, maxFileNameLength } from './media'
import { updateLayoutInputSchema } from './publication'
import { docFromParagraphs, richTextDocSchema } from './rich-text'
import { passwordSignInInputSchema } from './sign-in'

const nul = 'Sozial\u0000plan'
const loneHigh = 'Sozial\uD800plan'
const loneLow = '\uDC00Sozialplan'
const highAtEnd = 'Sozialplan\uDBFF'

describe('Zulässige Zeichen in Texten', () => {
  it('nimmt Umlaute, Anführungszeichen, Emoji und Steuerzeichen wie Tab und Zeilenumbruch an', () => {
    for (const text of [
      '',
      'Straße „Gera“ – 2018 …',
      'Gruß 👋🏽',
      'Zeile\neins\tzwei',
      '\uD83D\uDE00',
    ]) {
      expect(isCleanText(text), JSON.stringify(text)).toBe(true)
    }
  })

  it('lehnt NUL und einzelne Surrogat-Hälften ab', () => {
    for (const text of [nul, loneHigh, loneLow, highAtEnd, '\uDE00\uD83D', '\u0000']) {
      expect(isCleanText(text), JSON.stringify(text)).toBe(false)
    }
  })

  it('meldet die Ablehnung auf Deutsch', () => {
    const result = cleanString().safeParse(nul)
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([uncleanTextMessage])
    expect(uncleanTextMessage).toBe('Der Text enthält unzulässige Zeichen.')
  })

  it('begrenzt Kennungen auf 200 Zeichen', () => {
    expect(idSchema().safeParse('a'.repeat(maxIdLength)).success).toBe(true)
    expect(idSchema().safeParse('a'.repeat(maxIdLength + 1)).success).toBe(false)
    expect(idSchema().safeParse('').success).toBe(false)
    expect(idSchema().safeParse(nul).success).toBe(false)
  })

  it('findet unzulässige Zeichen in Werten und Schlüsseln beliebig tief, ohne Rekursion', () => {
    expect(findUncleanText({ a: [{ b: 'ok' }, 'fein'] })).toBeNull()
    expect(findUncleanText({ a: [{ b: 'ok' }, { c: nul }] })).toBe('a.1.c')
    expect(findUncleanText({ [loneHigh]: 1 })).toBe('?')
    let deep: unknown = loneLow
    for (let level = 0; level < 100_000; level++) deep = [deep]
    expect(findUncleanText(deep)).toBe(Array.from({ length: 100_000 }, () => '0').join('.'))
  })
})

describe('Jedes Eingabefeld lehnt unzulässige Zeichen ab (die Datenbank erreicht nichts davon)', () => {
  const photo = { mediaId: 'foto-1', caption: 'c', credit: 'c', alt: 'a', decorative: false }
  const doc = (text: string) => docFromParagraphs([text])

  it.each([
    ['Überschrift', () => createArticleInputSchema.safeParse({ headline: nul })],
    [
      'Überschrift (PATCH)',
      () => updateArticleInputSchema.safeParse({ version: 1, headline: loneHigh }),
    ],
    [
      'Text im Beitrag',
      () => createArticleInputSchema.safeParse({ headline: 'x', body: doc(nul) }),
    ],
    ['Bildunterschrift', () => photoSchema.safeParse({ ...photo, caption: nul })],
    ['Fotonachweis', () => photoSchema.safeParse({ ...photo, credit: loneLow })],
    ['Alternativtext', () => photoSchema.safeParse({ ...photo, alt: highAtEnd })],
    ['Foto-Kennung', () => photoSchema.safeParse({ ...photo, mediaId: nul })],
    [
      'Titel der Ausgabe',
      () =>
        createIssueInputSchema.safeParse({
          label: nul,
          deadline: '2030-01-01T10:00:00Z',
          plannedSendDate: '2030-01-02',
        }),
    ],
    ['Kommentar', () => requestChangesInputSchema.safeParse({ version: 1, comment: loneHigh })],
    ['Benutzername', () => passwordSignInInputSchema.safeParse({ login: nul, password: 'x' })],
    [
      'Logo-Kennung',
      () =>
        updateLayoutInputSchema.safeParse({
          version: 1,
          layout: {
            accentColor: '#0b4f8a',
            headingFont: 'sans',
            bodyFont: 'sans',
            photoPlacement: 'full',
            logoMediaId: nul,
          },
        }),
    ],
  ])('%s', (_field, parse) => {
    const result = parse()
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toContain(uncleanTextMessage)
  })

  it('nimmt eine NUL-freie Überschrift an', () => {
    expect(createArticleInputSchema.safeParse({ headline: 'Sozialplan' }).success).toBe(true)
  })

  it('begrenzt Dateinamen', () => {
    expect(fileNameSchema.safeParse('a'.repeat(maxFileNameLength)).success).toBe(true)
    const tooLong = fileNameSchema.safeParse(`${'a'.repeat(maxFileNameLength)}.jpg`)
    expect(tooLong.error?.issues[0]?.message).toBe(
      `Der Dateiname darf höchstens ${maxFileNameLength} Zeichen lang sein.`,
    )
    expect(fileNameSchema.safeParse('foto\u0000.jpg').success).toBe(false)
  })

  it('Link-Ziele und Attribute ebenso', () => {
    const linked = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Link',
              marks: [{ type: 'link', attrs: { href: 'https://gera.de/\u0000' } }],
            },
          ],
        },
      ],
    }
    expect(richTextDocSchema.safeParse(linked).success).toBe(false)
  })
})
