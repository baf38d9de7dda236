/** One array holding the given pieces one after another. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0]
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    all.set(chunk, offset)
    offset += chunk.length
  }
  return all
}

/** The bytes regrouped into pieces of at most `size` (the last may be shorter). */
export function rechunk(chunks: readonly Uint8Array[], size: number): Uint8Array[] {
  const pieces: Uint8Array[] = []
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  for (const chunk of chunks) {
    let offset = 0
    while (offset < chunk.length) {
      const take = Math.min(size - pendingBytes, chunk.length - offset)
      pending.push(chunk.subarray(offset, offset + take))
      pendingBytes += take
      offset += take
      if (pendingBytes === size) {
        pieces.push(concatBytes(pending))
        pending = []
        pendingBytes = 0
      }
    }
  }
  if (pendingBytes > 0) pieces.push(concatBytes(pending))
  return pieces
}
