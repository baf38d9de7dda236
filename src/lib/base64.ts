/** A file's bytes as base64, e.g. to send them in a JSON body. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  // in slices: String.fromCharCode takes its bytes as arguments, and a call has a limit on those
  const slice = 0x8000
  for (let start = 0; start < bytes.length; start += slice)
    binary += String.fromCharCode(...bytes.subarray(start, start + slice))
  return btoa(binary)
}
