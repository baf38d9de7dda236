import { defaultLayout, type StoredLayout } from '../domain/publication'

/**
 * Layout settings of the newsletter (set by Gestaltung); see the domain's `layoutSchema`. Choices
 * added later may be missing from older layouts: renderers read them with their default.
 */
export type LayoutSettings = StoredLayout
export { defaultLayout }

const fontStacks = {
  sans: 'Arial, Helvetica, sans-serif',
  serif: 'Georgia, "Times New Roman", serif',
} as const

/** A CSS font stack for a font choice. */
export const fontStack = (font: LayoutSettings['headingFont']) =>
  fontStacks[font] ?? fontStacks.sans

/** The accent colour if it is a plain hex colour, else the default: nothing else reaches CSS. */
export function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : defaultLayout.accentColor
}

/** Whether photos stand beside the text ("left"/"right") rather than across the full width. */
export const photoSide = (layout: LayoutSettings): 'left' | 'right' | null =>
  layout.photoPlacement === 'full' ? null : layout.photoPlacement
