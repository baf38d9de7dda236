/** Layout settings of the newsletter (set by Gestaltung); renderers fall back to these defaults. */
export interface LayoutSettings {
  accentColor: string
  headingFont: 'sans' | 'serif'
  bodyFont: 'sans' | 'serif'
  photoPlacement: 'full' | 'left' | 'right'
}

export const defaultLayout: LayoutSettings = {
  accentColor: '#0b4f8a',
  headingFont: 'sans',
  bodyFont: 'sans',
  photoPlacement: 'full',
}

const fontStacks = {
  sans: 'Arial, Helvetica, sans-serif',
  serif: 'Georgia, "Times New Roman", serif',
} as const

/** A CSS font stack for a font choice. */
export const fontStack = (font: LayoutSettings['headingFont']) => fontStacks[font]

/** The accent colour if it is a plain hex colour, else the default: nothing else reaches CSS. */
export function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : defaultLayout.accentColor
}
