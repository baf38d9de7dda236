import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from './embedded-image'

describe('bytesToBase64', () => {
  it('encodes bytes above 0x7F as they are (Windows-1252 umlauts)', () => {
    expect(bytesToBase64(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe(
      Buffer.from('M\xfcller', 'latin1').toString('base64'),
    )
  })

  it('encodes a file larger than one slice without losing a byte', () => {
    const bytes = new Uint8Array(100_003).map((_, index) => (index * 7) % 256)
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})
