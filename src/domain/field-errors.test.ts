import { describe, expect, it } from 'vitest'
import { fieldErrorList, fieldErrors } from './field-errors'
import { createIssueInputSchema, requestChangesInputSchema } from './issue'
import { linkAddressInputSchema } from './rich-text'

const issuesOf = (result: { error?: { issues: Parameters<typeof fieldErrors>[0] } }) =>
  result.error?.issues ?? []

describe('Feldfehler aus zod (fieldErrors)', () => {
  it('gibt je Feld die deutsche Meldung des Schemas', () => {
    const result = createIssueInputSchema.safeParse({
      label: '  ',
      deadline: '',
      plannedSendDate: '15.08.2018',
    })
    expect(fieldErrors(issuesOf(result))).toEqual({
      label: 'Bitte einen Titel der Ausgabe angeben.',
      deadline: 'Bitte Datum und Uhrzeit des Redaktionsschlusses angeben.',
      plannedSendDate: 'Bitte das Erscheinungsdatum angeben.',
    })
  })

  it('adressiert verschachtelte Felder und Listeneinträge mit Punkten', () => {
    expect(
      fieldErrors([
        { code: 'custom', path: ['impressum', 'email'], message: 'Bitte eine E-Mail angeben.' },
        { code: 'custom', path: ['articleIds', 0], message: 'Der Beitrag existiert nicht.' },
      ]),
    ).toEqual({
      'impressum.email': 'Bitte eine E-Mail angeben.',
      'articleIds.0': 'Der Beitrag existiert nicht.',
    })
  })

  it('behält je Feld die erste Meldung', () => {
    expect(
      fieldErrors([
        { code: 'custom', path: ['comment'], message: 'Erste' },
        { code: 'custom', path: ['comment'], message: 'Zweite' },
      ]),
    ).toEqual({ comment: 'Erste' })
  })

  it('nennt die jetzige Länge eines zu langen Textes, wenn das Formular die Eingabe meldet', () => {
    const comment = ` ${'K'.repeat(10_000)} `
    const reported = requestChangesInputSchema.safeParse(
      { version: 1, comment },
      { reportInput: true },
    )
    expect(fieldErrors(issuesOf(reported))).toEqual({
      comment: 'Der Kommentar darf höchstens 5000 Zeichen lang sein (jetzt 10.000).',
    })
    const unreported = requestChangesInputSchema.safeParse({ version: 1, comment })
    expect(fieldErrors(issuesOf(unreported))).toEqual({
      comment: 'Der Kommentar darf höchstens 5000 Zeichen lang sein.',
    })
  })

  it('meldet die Linkadresse unter ihrem Feld und ergänzt eine gültige Adresse', () => {
    expect(
      fieldErrors(issuesOf(linkAddressInputSchema.safeParse({ href: 'javascript:alert(1)' }))),
    ).toEqual({
      href: 'Bitte eine Adresse mit https://, http:// oder eine E-Mail-Adresse angeben.',
    })
    expect(linkAddressInputSchema.parse({ href: ' www.gera.de ' }).href).toBe('https://www.gera.de')
  })

  it('listet die Feldfehler für eine 422-Antwort', () => {
    expect(fieldErrorList({ label: 'Fehlt.', deadline: 'Auch.' })).toEqual([
      { path: 'label', message: 'Fehlt.' },
      { path: 'deadline', message: 'Auch.' },
    ])
  })
})
