import { describe, expect, it } from 'vitest'
import { tinyJpeg, tinyPng, tinyWebp } from '../../tests/fixtures/images'
import { sniffImage } from './image-sniff'

describe('Bilderkennung am Inhalt', () => {
  it('erkennt PNG, JPEG und WebP mit Maßen', () => {
    expect(sniffImage(tinyPng())).toEqual({ mimeType: 'image/png', width: 3, height: 2 })
    expect(sniffImage(tinyJpeg())).toEqual({ mimeType: 'image/jpeg', width: 3, height: 2 })
    expect(sniffImage(tinyWebp())).toEqual({ mimeType: 'image/webp', width: 3, height: 2 })
  })

  it('lehnt alles andere und abgeschnittene Dateien ab', () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    expect(sniffImage(encode('GIF89a....'))).toBeNull()
    expect(sniffImage(encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffImage(tinyPng().slice(0, 12))).toBeNull()
    expect(sniffImage(tinyJpeg().slice(0, 20))).toBeNull()
    expect(sniffImage(new Uint8Array())).toBeNull()
  })
})
