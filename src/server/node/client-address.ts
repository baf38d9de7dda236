/**
 * The client's address for the sign-in brake. Each trusted proxy appends the address it was
 * connected from to X-Forwarded-For, so with `trustedProxies` = N the N-th entry from the right
 * is the last one no trusted proxy wrote itself; everything left of it may be forged. Without
 * trusted proxies, or when the header has fewer entries than that, it is the socket's address.
 */
export function clientAddressOf(
  socketAddress: string,
  forwardedFor: string | undefined,
  trustedProxies: number,
): string {
  if (trustedProxies < 1 || !forwardedFor) return socketAddress
  const entries = forwardedFor.split(',').map((entry) => entry.trim())
  return entries[entries.length - trustedProxies] || socketAddress
}
