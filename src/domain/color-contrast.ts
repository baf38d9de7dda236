/** WCAG contrast ratio of a hex colour against white. */
export function contrastOnWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  return 1.05 / (luminance + 0.05)
}

/**
 * Least contrast of the accent colour against white: headings and links of every output are set
 * in it on white, and WCAG 2.1 AA (BITV 2.0) asks 4.5:1 for text (1.4.3).
 */
export const minimumAccentContrast = 4.5
