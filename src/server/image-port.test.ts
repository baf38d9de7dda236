import { describe, expect, it } from 'vitest'
import { emailVariantMaxBytes } from '../domain/media'
import { encodeWithinBudget, fittedSize } from './image-port'

/** A fake encoder whose bytes grow with the area and the quality; it records each try. */
function fakeEncoder(bytesPerPixelAtFull: number) {
  const tries: { box: number; quality: number }[] = []
  const encode = async (box: number, quality: number) => {
    tries.push({ box, quality })
    const { width, height } = fittedSize(4000, 3000, box)
    const size = Math.round(width * height * bytesPerPixelAtFull * (quality / 100))
    return { mimeType: 'image/jpeg' as const, width, height, bytes: new Uint8Array(size) }
  }
  return { tries, encode }
}

describe('encodeWithinBudget', () => {
  it('nimmt für Web und Druck die erste Qualität, ohne Budget', async () => {
    const { tries, encode } = fakeEncoder(2)
    const made = await encodeWithinBudget('print', encode)
    expect(tries).toEqual([{ box: 3000, quality: 82 }])
    expect(made).toMatchObject({ name: 'print', width: 3000, height: 2250 })
  })

  it('senkt für die E-Mail erst die Qualität, dann die Größe, bis 150 KB erreicht sind', async () => {
    const near = fakeEncoder(0.2)
    const byQuality = await encodeWithinBudget('email2x', near.encode)
    expect(near.tries.map((step) => step.box)).toEqual([1200, 1200])
    expect(byQuality.bytes.byteLength).toBeLessThanOrEqual(emailVariantMaxBytes)

    const far = fakeEncoder(3)
    const bySize = await encodeWithinBudget('email2x', far.encode)
    expect(far.tries[0]).toEqual({ box: 1200, quality: 82 })
    expect(far.tries.slice(1).every((step) => step.quality === 46 && step.box < 1200)).toBe(true)
    expect(far.tries.length).toBeLessThanOrEqual(4)
    expect(bySize.bytes.byteLength).toBeLessThanOrEqual(emailVariantMaxBytes)
  })

  it('passt in das Quadrat ein und vergrößert nie', () => {
    expect(fittedSize(2400, 3200, 600)).toEqual({ width: 450, height: 600 })
    expect(fittedSize(300, 120, 1600)).toEqual({ width: 300, height: 120 })
  })
})
