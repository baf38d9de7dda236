import { bytesToBase64 } from './embedded-image'

const crlf = '\r\n'
const utf8 = new TextEncoder()

export interface DraftMessage {
  subject: string
  html: string
  text: string
  date?: Date
  /** Makes the MIME boundaries unique; random unless given (tests). */
  uniqueId?: string
}

/**
 * RFC 2045 6.7 quoted-printable over UTF-8 bytes: CRLF line breaks, soft breaks keep lines ≤ 76
 * and never fall inside a character's bytes.
 */
export function quotedPrintable(text: string): string {
  return text
    .replace(/\r\n|\r/g, '\n')
    .split('\n')
    .map((line) => {
      const characters = [...line]
      let encoded = ''
      let current = ''
      characters.forEach((character, index) => {
        const isLast = index === characters.length - 1
        const piece = [...utf8.encode(character)]
          .map((byte) =>
            (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !isLast)
              ? String.fromCharCode(byte)
              : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`,
          )
          .join('')
        // 75 characters and the "=" of the soft break
        if (current.length + piece.length > 75) {
          encoded += `${current}=${crlf}`
          current = ''
        }
        current += piece
      })
      return encoded + current
    })
    .join(crlf)
}

/**
 * A header value as RFC 2047 encoded words (UTF-8, base64), each word at most 42 bytes of text
 * so that a line with "Subject: " stays within 78 characters (RFC 5322 2.1.1), never splitting a
 * character; folded onto lines of their own.
 */
export function encodedWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text
  const words: string[] = []
  let chunk = ''
  for (const character of text) {
    if (utf8.encode(chunk + character).length > 42) {
      words.push(chunk)
      chunk = ''
    }
    chunk += character
  }
  words.push(chunk)
  return words.map((word) => `=?UTF-8?B?${bytesToBase64(utf8.encode(word))}?=`).join(`${crlf} `)
}

/** RFC 5322 date in UTC, e.g. "Wed, 15 Aug 2018 08:00:00 +0000". */
const mailDate = (date: Date) => date.toUTCString().replace('GMT', '+0000')

const textPart = (mimeType: 'text/plain' | 'text/html', content: string) => [
  `Content-Type: ${mimeType}; charset=utf-8`,
  'Content-Transfer-Encoding: quoted-printable',
  '',
  quotedPrintable(content),
]

const headerSafe = (value: string) => value.replace(/[^\x21-\x7e]|["\\<>]/g, '_')

/**
 * An unsent e-mail as an .eml file: `X-Unsent: 1` makes classic Outlook open it as a draft to
 * address and send; `To` stays empty and the account's sender is used. HTML and text part as
 * multipart/alternative; pictures are in the HTML by absolute address.
 */
export function renderEml(message: DraftMessage): string {
  const id = headerSafe(message.uniqueId ?? crypto.randomUUID())
  // "=_" can never occur in quoted-printable output
  const alternative = `----=_Rundbrief_alt_${id}`
  return [
    'To:',
    `Subject: ${encodedWords(message.subject)}`,
    `Date: ${mailDate(message.date ?? new Date())}`,
    'MIME-Version: 1.0',
    'X-Unsent: 1',
    `Content-Type: multipart/alternative;${crlf} boundary="${alternative}"`,
    '',
    `--${alternative}`,
    ...textPart('text/plain', message.text),
    `--${alternative}`,
    ...textPart('text/html', message.html),
    `--${alternative}--`,
    '',
  ].join(crlf)
}
