import { readFileSync } from 'node:fs'
import { afterAll, expect, it } from 'vitest'
import { signInOn } from './server-api'
import { spawnServer, temporaryDataDir } from './spawn-server'

const data = temporaryDataDir()
afterAll(() => data.remove())

/** Resident memory of a process in MB (Linux). */
const residentMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

/** A JPEG whose frame header says 256×256, filled up to `bytes`. */
function bigJpeg(bytes: number): Uint8Array<ArrayBuffer> {
  const file = new Uint8Array(bytes).fill(0x55)
  file.set([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x00, 0x01, 0x00, 0x03])
  return file
}

it('nimmt zehn gleichzeitige 9-MB-Fotos an, ohne sie mehrfach im Speicher zu halten', async () => {
  const server = await spawnServer({ kind: 'pglite', dataDir: data.dataDir })
  try {
    await server.reset()
    const token = await signInOn(server)
    const pid = server.process.pid ?? 0
    const base = residentMb(pid)
    let peak = base
    const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 10)
    const photo = bigJpeg(9 * 1024 * 1024)
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
    clearInterval(sampler)
    peak = Math.max(peak, residentMb(pid))
    console.info(
      `Zehn 9-MB-Uploads gleichzeitig (PGlite): Grundlast ${base.toFixed(0)} MB, Spitze ${peak.toFixed(0)} MB, Zuwachs ${(peak - base).toFixed(0)} MB`,
    )
    expect(statuses).toEqual(Array(10).fill(201))
    // Read into one buffer and copied for the driver, the same uploads grew it by 475 MB.
    expect(peak - base).toBeLessThan(250)
  } finally {
    await server.stop()
  }
  // 90 MB into PGlite in chunks: well under 30 s on an idle machine, several times that on a busy one
}, 180_000)
