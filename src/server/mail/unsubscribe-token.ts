const encoder = new TextEncoder()

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    return Uint8Array.from(binary, (char) => char.charCodeAt(0))
  } catch {
    return null
  }
}

const key = (secret: string) =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ])

const signed = (subscriberId: string) => encoder.encode(`abmelden:${subscriberId}`)

/**
 * The token of a recipient's unsubscribe link: their id and an HMAC of it under the server's
 * secret. Nothing is stored per link, and a link cannot be made for another address. Web Crypto,
 * so the same code runs in Node and in the demo's service worker.
 */
export async function createUnsubscribeToken(secret: string, subscriberId: string) {
  const signature = new Uint8Array(
    await crypto.subtle.sign('HMAC', await key(secret), signed(subscriberId)),
  )
  return `${base64url(encoder.encode(subscriberId))}.${base64url(signature)}`
}

/** The recipient's id when the token is one of ours (checked in constant time), else null. */
export async function readUnsubscribeToken(secret: string, token: string): Promise<string | null> {
  const [idPart, signaturePart, ...rest] = token.split('.')
  if (idPart === undefined || signaturePart === undefined || rest.length > 0) return null
  const id = fromBase64url(idPart)
  const signature = fromBase64url(signaturePart)
  if (!id || !signature) return null
  const subscriberId = new TextDecoder().decode(id)
  const valid = await crypto.subtle.verify(
    'HMAC',
    await key(secret),
    signature,
    signed(subscriberId),
  )
  return valid ? subscriberId : null
}
