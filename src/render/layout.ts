import { defaultLayout, type Layout } from '../domain/publication'

/** Layout settings of the newsletter (set by Gestaltung); see the domain's `layoutSchema`. */
export type LayoutSettings = Layout
export { defaultLayout }

const fontStacks = {
  sans: 'Arial, Helvetica, sans-serif',
  serif: 'Georgia, "Times New Roman", serif',
} as const

/** A CSS font stack for a font choice. */
export const fontStack = (font: Layout['headingFont']) => fontStacks[font] ?? fontStacks.sans

/** The accent colour if it is a plain hex colour, else the default: nothing else reaches CSS. */
export function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : defaultLayout.accentColor
}
