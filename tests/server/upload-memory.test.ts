import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { afterAll, expect, it } from 'vitest'
import { signInOn } from './server-api'
import { spawnServer, temporaryDataDir } from './spawn-server'

const data = temporaryDataDir()
afterAll(() => data.remove())

/** Resident memory of a process in MB (Linux). */
const residentMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

/**
 * A real JPEG (2000×1500, a gradient with grain, so that its variants are made) with bytes after
 * its end up to `bytes`, which decoders ignore: a 9 MB upload without 9 MB of pixels to encode.
 */
async function bigJpeg(bytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const width = 2000
  const height = 1500
  const pixels = new Uint8Array(width * height * 3)
  let seed = 3
  for (let index = 0; index < pixels.length; index++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
    pixels[index] = ((index / 3 / width) % 200) + (seed >>> 28)
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer()
  const file = new Uint8Array(bytes)
  file.set(jpeg)
  return file
}

it('nimmt zehn gleichzeitige 9-MB-Fotos an, ohne sie mehrfach im Speicher zu halten', async () => {
  const server = await spawnServer(
    { kind: 'pglite', dataDir: data.dataDir },
    { NODE_OPTIONS: '--expose-gc' },
  )
  try {
    await server.reset()
    const token = await signInOn(server)
    const photo = await bigJpeg(9 * 1024 * 1024)
    const pid = server.process.pid ?? 0
    const buffersMb = async () => {
      const usage = (await (await fetch(`${server.url}/testing/memory`)).json()) as {
        arrayBuffers: number
        collected: boolean
      }
      expect(usage.collected).toBe(true)
      return usage.arrayBuffers / 1024 / 1024
    }
    // what the seeding left behind settles first
    let baseBuffers = await buffersMb()
    for (let sample = 0; sample < 5; sample++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      baseBuffers = Math.min(baseBuffers, await buffersMb())
    }
    const baseResident = residentMb(pid)
    let peakBuffers = baseBuffers
    let peakResident = baseResident
    let uploading = true
    const sampling = (async () => {
      while (uploading) {
        const sample = await buffersMb()
        peakBuffers = Math.max(peakBuffers, sample)
        peakResident = Math.max(peakResident, residentMb(pid))
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })()
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        const form = new FormData()
        form.set('file', new Blob([photo], { type: 'image/jpeg' }), `foto-${index}.jpg`)
        const response = await fetch(`${server.apiBaseUrl}/media`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
          body: form,
        })
        return response.status
      }),
    )
    uploading = false
    await sampling
    console.info(
      `Zehn 9-MB-Uploads gleichzeitig (PGlite): gehaltene Puffer ${baseBuffers.toFixed(0)} → höchstens ${peakBuffers.toFixed(0)} MB, ` +
        `Prozess (resident) ${baseResident.toFixed(0)} → ${peakResident.toFixed(0)} MB`,
    )
    expect(statuses).toEqual(Array(10).fill(201))
    // Ten photos of 9 MB held once each are 90 MB; held twice (the pieces as they arrived and the
    // buffer for the decoder), 180 MB. The resident size is printed, not asserted: PGlite's
    // WebAssembly heap and the allocator's reserve moved it by 0 MB here and 340 MB on CI.
    expect(peakBuffers - baseBuffers).toBeLessThan(135)
  } finally {
    await server.stop()
  }
  // 90 MB into PGlite in chunks: well under 30 s on an idle machine, several times that on a busy one
}, 180_000)
