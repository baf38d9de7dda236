import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** What a recipient's server answers for one address: accept, or a reply code and text. */
export type RecipientAnswer = 'accept' | { code: number; message: string }

/**
 * An SMTP server in the test process that keeps every message it accepts, parsed by mailparser,
 * with the envelope recipients. `answer` decides per recipient (default: accept all).
 */
export async function startSmtpSink(
  answer: (address: string, attempt: number) => RecipientAnswer = () => 'accept',
) {
  const received: { to: string[]; mail: ParsedMail; raw: Buffer }[] = []
  const attempts = new Map<string, number>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const attempt = (attempts.get(address.address) ?? 0) + 1
      attempts.set(address.address, attempt)
      const reply = answer(address.address, attempt)
      if (reply === 'accept') return callback()
      callback(Object.assign(new Error(reply.message), { responseCode: reply.code }))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail, raw })
            callback()
          },
          (error: Error) => callback(error),
        )
      })
    },
  })
  // a sending server killed in the middle of a message resets its connections
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
