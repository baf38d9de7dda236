import { normaliseEmail } from '../../domain/subscriber'

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('')

/** SHA-256 (hex) of a text: how tokens and erased addresses are kept. */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

/** The hash by which an erased address stays on the suppression list. */
export const emailHash = (email: string) => sha256Hex(`adresse:${normaliseEmail(email)}`)
