import { fieldErrors } from './field-errors'
import { subscriberInputSchema, type SubscriberInput } from './subscriber'

/** Most rows one import may hold; a larger list is split by the Redaktion. */
export const maxImportRows = 20_000

export type CsvEncoding = 'UTF-8' | 'Windows-1252'
export type CsvDelimiter = ';' | ','

/** A row of the file that cannot be imported, by its line number in the file (1-based). */
export interface ImportRowError {
  line: number
  message: string
}

export interface RecipientImport {
  /** The valid recipients, one per address (later rows of the same address are merged in). */
  recipients: SubscriberInput[]
  errors: ImportRowError[]
  /** Rows whose address appeared before in the file. */
  mergedDuplicates: number
  encoding: CsvEncoding
  delimiter: CsvDelimiter
}

/**
 * The file's text: UTF-8 (with or without byte order mark) when the bytes are valid UTF-8,
 * otherwise Windows-1252, which Excel on German Windows writes for "CSV (Trennzeichen-getrennt)".
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text, encoding: 'UTF-8' }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' }
  }
}

/** Windows-1252 characters of the bytes 0x80–0x9F (undefined bytes stay their C1 code). */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/**
 * Decoded by hand: Node's `TextDecoder('windows-1252')` drops the bytes 0x80–0x9F (in Node 20),
 * which are „“–€ in a German Excel file.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes)
    text += byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80] : String.fromCharCode(byte)
  return text
}

interface CsvRecord {
  line: number
  cells: string[]
}

/**
 * RFC 4180 records: quoted cells may hold the delimiter, line breaks and doubled quotes. A quote
 * that is never closed makes the rest of the file one broken record, reported at its line.
 */
function parseRecords(
  text: string,
  delimiter: CsvDelimiter,
): { records: CsvRecord[]; unclosedQuoteAt: number | null } {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let cellStarted = false
  const endRecord = () => {
    cells.push(cell)
    if (cells.some((value) => value.trim() !== '')) records.push({ line: recordLine, cells })
    cells = []
    cell = ''
    cellStarted = false
  }
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"'
          index++
        } else quoted = false
      } else {
        if (char === '\n') line++
        cell += char
      }
      continue
    }
    if (char === '"' && !cellStarted) {
      quoted = true
      cellStarted = true
    } else if (char === delimiter) {
      cells.push(cell)
      cell = ''
      cellStarted = false
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      endRecord()
      line++
      recordLine = line
    } else {
      cell += char
      if (char !== ' ' && char !== '\t') cellStarted = true
    }
  }
  if (quoted) return { records, unclosedQuoteAt: recordLine }
  endRecord()
  return { records, unclosedQuoteAt: null }
}

/** Semicolon (German Excel) unless the first line has more commas outside quotes. */
function detectDelimiter(firstLine: string): CsvDelimiter {
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '')
  const count = (char: string) => outsideQuotes.split(char).length - 1
  return count(',') > count(';') ? ',' : ';'
}

type Column = 'email' | 'name' | 'organisation'

function columnOf(heading: string): Column | null {
  const name = heading
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]/g, '')
  if (/^(e?mail|emailadresse|mailadresse|adresse|address|emailaddress)$/.test(name)) return 'email'
  if (/^(organisation|organization|einrichtung|institution|firma|träger|traeger)$/.test(name))
    return 'organisation'
  if (/^(name|vollername|fullname|ansprechpartner|ansprechpartnerin)$/.test(name)) return 'name'
  return null
}

/**
 * Reads a recipient list as Excel or a mail program writes it: e-mail address, optional name and
 * organisation, separated by semicolons or commas, UTF-8 or Windows-1252. A first row with
 * headings ("E-Mail;Name;Organisation", in any order) names the columns; without it they are
 * taken in that order. Every row that cannot be imported is reported with its line in German.
 */
export function readRecipientCsv(bytes: Uint8Array): RecipientImport {
  const { text, encoding } = decodeCsv(bytes)
  const withoutBom = text.replace(/^\uFEFF/, '')
  const sepLine = /^sep=([;,])\r?\n/i.exec(withoutBom)
  const body = sepLine ? withoutBom.slice(sepLine[0].length) : withoutBom
  const lineOffset = sepLine ? 1 : 0
  const delimiter =
    (sepLine?.[1] as CsvDelimiter | undefined) ?? detectDelimiter(body.split(/\r?\n/, 1)[0] ?? '')
  const { records, unclosedQuoteAt } = parseRecords(body, delimiter)
  const errors: ImportRowError[] = []
  if (unclosedQuoteAt !== null)
    errors.push({
      line: unclosedQuoteAt + lineOffset,
      message: 'Ein Anführungszeichen wird nicht geschlossen; ab hier ist die Datei nicht lesbar.',
    })

  const headings = records[0]?.cells.map(columnOf) ?? []
  const hasHeader = headings.includes('email')
  const columns: (Column | null)[] = hasHeader ? headings : ['email', 'name', 'organisation']
  const rows = hasHeader ? records.slice(1) : records
  if (rows.length > maxImportRows)
    return {
      recipients: [],
      errors: [
        {
          line: (rows[maxImportRows]?.line ?? 0) + lineOffset,
          message: `Eine Liste darf höchstens ${maxImportRows.toLocaleString('de-DE')} Empfänger enthalten; bitte teilen Sie die Datei.`,
        },
      ],
      mergedDuplicates: 0,
      encoding,
      delimiter,
    }

  const byAddress = new Map<string, SubscriberInput>()
  let mergedDuplicates = 0
  for (const record of rows) {
    const line = record.line + lineOffset
    const value = (column: Column) => {
      const index = columns.indexOf(column)
      return index === -1 ? '' : (record.cells[index] ?? '')
    }
    const parsed = subscriberInputSchema.safeParse(
      { email: value('email'), name: value('name'), organisation: value('organisation') },
      { reportInput: true },
    )
    if (!parsed.success) {
      const messages = fieldErrors(parsed.error.issues)
      const shown = value('email').trim()
      errors.push({
        line,
        message:
          Object.values(messages).join(' ') + (shown && messages.email ? ` („${shown}“)` : ''),
      })
      continue
    }
    const earlier = byAddress.get(parsed.data.email)
    if (earlier) {
      mergedDuplicates++
      earlier.name ||= parsed.data.name
      earlier.organisation ||= parsed.data.organisation
    } else byAddress.set(parsed.data.email, { ...parsed.data })
  }
  return { recipients: [...byAddress.values()], errors, mergedDuplicates, encoding, delimiter }
}
