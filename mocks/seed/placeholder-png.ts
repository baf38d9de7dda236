import { concatBytes } from '../../src/server/bytes'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(new TextEncoder().encode(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

async function deflate(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(data)
      controller.close()
    },
  }).pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/**
 * A neutral placeholder photo (PNG): a soft grey gradient with a simple landscape pictogram,
 * tinted by `hue` so that different photos are told apart. No real photos are available.
 */
export async function placeholderPng(
  width: number,
  height: number,
  hue: number,
): Promise<Uint8Array> {
  const raw = new Uint8Array((width * 3 + 1) * height)
  const sunX = width * 0.68
  const sunY = height * 0.32
  const sunR = Math.min(width, height) * 0.09
  const tint = (base: number, amount: number, channel: number) =>
    Math.round(base + amount * Math.cos(((hue + channel * 120) * Math.PI) / 180))
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    raw[row] = 0
    const ridge = height * 0.62
    for (let x = 0; x < width; x++) {
      const mountain = height * 0.78 - Math.abs((((x / width) * 2.2) % 1) - 0.5) * height * 0.5
      const inSun = (x - sunX) ** 2 + (y - sunY) ** 2 < sunR ** 2
      const inGround = y > Math.max(mountain, ridge)
      const inMountain = y > mountain
      const base = inSun ? 236 : inGround ? 150 : inMountain ? 176 : 214 - (y / height) * 30
      const amount = inSun ? 8 : 14
      const offset = row + 1 + x * 3
      raw[offset] = tint(base, amount, 0)
      raw[offset + 1] = tint(base, amount, 1)
      raw[offset + 2] = tint(base, amount, 2)
    }
  }
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 2, 0, 0, 0], 8)
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', await deflate(raw)),
    chunk('IEND', new Uint8Array()),
  ]
  return concatBytes(parts)
}
