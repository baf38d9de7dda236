import { describe, expect, it } from 'vitest'
import { contrastOnWhite } from './color-contrast'

describe('contrastOnWhite', () => {
  it('misst den WCAG-Kontrast einer Farbe zu Weiß', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5)
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1, 5)
    expect(contrastOnWhite('#0b4f8a')).toBeGreaterThan(4.5)
    expect(contrastOnWhite('#FFD700')).toBeLessThan(4.5)
  })
})
