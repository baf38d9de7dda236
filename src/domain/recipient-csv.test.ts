import { describe, expect, it } from 'vitest'
import { maxImportRows, readRecipientCsv } from './recipient-csv'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** Windows-1252 bytes as Excel writes them (only the characters these tests use). */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93 }
  return Uint8Array.from([...text].map((char) => special[char] ?? char.charCodeAt(0)))
}

describe('Empfängerliste aus CSV', () => {
  it('liest eine Excel-Datei mit Semikolon, Windows-1252 und Überschriften in anderer Reihenfolge', () => {
    const read = readRecipientCsv(
      windows1252(
        'Name;E-Mail;Organisation\r\nJürgen Müller;Juergen.Mueller@Gera.de;Jobcenter Gera\r\nGrüße Straße;info@awo-gera.de;AWO „Ostthüringen“\r\n',
      ),
    )
    expect(read.encoding).toBe('Windows-1252')
    expect(read.delimiter).toBe(';')
    expect(read.errors).toEqual([])
    expect(read.recipients).toEqual([
      { email: 'juergen.mueller@gera.de', name: 'Jürgen Müller', organisation: 'Jobcenter Gera' },
      { email: 'info@awo-gera.de', name: 'Grüße Straße', organisation: 'AWO „Ostthüringen“' },
    ])
  })

  it('liest UTF-8 mit Byte-Order-Mark, Komma und Anführungszeichen um Zellen mit Komma', () => {
    const read = readRecipientCsv(
      utf8(
        '\uFEFFE-Mail,Name,Organisation\n"a@example.org","Wanzar, Sandra","Stadt Gera, Dezernat ""Soziales"""\nb@example.org,,\n',
      ),
    )
    expect(read.encoding).toBe('UTF-8')
    expect(read.delimiter).toBe(',')
    expect(read.recipients).toEqual([
      {
        email: 'a@example.org',
        name: 'Wanzar, Sandra',
        organisation: 'Stadt Gera, Dezernat "Soziales"',
      },
      { email: 'b@example.org', name: '', organisation: '' },
    ])
  })

  it('nimmt ohne Überschrift die Spalten E-Mail, Name, Organisation und beachtet „sep=“', () => {
    const read = readRecipientCsv(utf8('sep=,\na@example.org,Anna\n'))
    expect(read.delimiter).toBe(',')
    expect(read.recipients).toEqual([{ email: 'a@example.org', name: 'Anna', organisation: '' }])
  })

  it('führt Adressen zusammen, die sich nur in Groß- und Kleinschreibung unterscheiden', () => {
    const read = readRecipientCsv(
      utf8('E-Mail;Name;Organisation\nA@Example.org;;Jobcenter\na@example.org;Anna;\n'),
    )
    expect(read.mergedDuplicates).toBe(1)
    expect(read.recipients).toEqual([
      { email: 'a@example.org', name: 'Anna', organisation: 'Jobcenter' },
    ])
  })

  it('meldet jede Zeile, die nicht geht, mit ihrer Zeilennummer auf Deutsch', () => {
    const read = readRecipientCsv(
      utf8(
        'E-Mail;Name\nok@example.org;Gut\nkeine-adresse;Fehler\n\n;Ohne Adresse\nx@example.org;' +
          'N'.repeat(201) +
          '\n',
      ),
    )
    expect(read.recipients.map((recipient) => recipient.email)).toEqual(['ok@example.org'])
    expect(read.errors).toEqual([
      {
        line: 3,
        message:
          'Bitte eine gültige E-Mail-Adresse angeben (z. B. name@beispiel.de). („keine-adresse“)',
      },
      { line: 5, message: 'Bitte eine E-Mail-Adresse angeben.' },
      { line: 6, message: 'Der Name darf höchstens 200 Zeichen lang sein (jetzt 201).' },
    ])
  })

  it('zählt Zeilen mit Zeilenumbruch in Anführungszeichen richtig und meldet ein offenes Anführungszeichen', () => {
    const read = readRecipientCsv(
      utf8(
        'E-Mail;Organisation\na@example.org;"Zeile eins\nZeile zwei"\nkaputt;x\n"b@example.org;offen\n',
      ),
    )
    expect(read.recipients).toHaveLength(1)
    expect(read.errors.map((error) => error.line)).toEqual([5, 4])
    expect(read.errors[0]?.message).toMatch(/Anführungszeichen wird nicht geschlossen/)
  })

  it(`lehnt mehr als ${maxImportRows} Zeilen als Ganzes ab`, () => {
    const rows = Array.from({ length: maxImportRows + 1 }, (_, index) => `p${index}@example.org`)
    const read = readRecipientCsv(utf8(rows.join('\n')))
    expect(read.recipients).toEqual([])
    expect(read.errors).toEqual([
      {
        line: maxImportRows + 1,
        message:
          'Eine Liste darf höchstens 20.000 Empfänger enthalten; bitte teilen Sie die Datei.',
      },
    ])
  })
})
