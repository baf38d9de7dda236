import { describe, expect, it } from 'vitest'
import { clientAddressOf } from './client-address'

const socket = '10.0.0.5'

describe('Client-Adresse für die Anmeldebremse', () => {
  it('nimmt ohne vertrauenswürdigen Proxy die Socket-Adresse, X-Forwarded-For zählt nicht', () => {
    expect(clientAddressOf(socket, '203.0.113.7', 0)).toBe(socket)
    expect(clientAddressOf(socket, undefined, 0)).toBe(socket)
  })

  it('nimmt hinter einem Proxy den Eintrag, den er angehängt hat (rechts außen)', () => {
    expect(clientAddressOf(socket, '203.0.113.7', 1)).toBe('203.0.113.7')
  })

  it('lässt sich mit einem vorangestellten, gefälschten Eintrag nicht täuschen', () => {
    expect(clientAddressOf(socket, '1.2.3.4, 203.0.113.7', 1)).toBe('203.0.113.7')
    expect(clientAddressOf(socket, '1.2.3.4,5.6.7.8 ,  203.0.113.7', 1)).toBe('203.0.113.7')
  })

  it('nimmt bei N Proxys den N-ten Eintrag von rechts', () => {
    // Client → CDN (hängt die Client-Adresse an) → nginx (hängt die CDN-Adresse an) → Server
    expect(clientAddressOf(socket, '1.2.3.4, 203.0.113.7, 198.51.100.2', 2)).toBe('203.0.113.7')
    expect(clientAddressOf(socket, '203.0.113.7, 198.51.100.2', 2)).toBe('203.0.113.7')
    expect(clientAddressOf(socket, 'a, b, c, d', 3)).toBe('b')
  })

  it('nimmt die Socket-Adresse, wenn der Kopf fehlt, leer ist oder zu wenige Einträge hat', () => {
    expect(clientAddressOf(socket, undefined, 1)).toBe(socket)
    expect(clientAddressOf(socket, '', 1)).toBe(socket)
    expect(clientAddressOf(socket, ' ', 1)).toBe(socket)
    expect(clientAddressOf(socket, '198.51.100.2', 2)).toBe(socket)
    expect(clientAddressOf(socket, '1.2.3.4, , 198.51.100.2', 2)).toBe(socket)
  })

  it('versteht IPv6-Adressen', () => {
    expect(clientAddressOf('::1', '2001:db8::1, 2001:db8::2', 1)).toBe('2001:db8::2')
  })
})
