import { z } from 'zod'
import { cleanString, idSchema, requiredText, versionSchema } from './clean-text'
import { contrastOnWhite, minimumAccentContrast } from './color-contrast'

const requiredEntry = (label: string, maxLength = 300) =>
  requiredText({ maxLength, missing: `${label} darf nicht leer sein.`, noun: label })

export const impressumSchema = z.object({
  publisher: requiredEntry('Herausgeber'),
  department: requiredEntry('Dezernat'),
  street: requiredEntry('Straße'),
  postalCodeCity: requiredEntry('PLZ und Ort'),
  phone: requiredEntry('Telefon'),
  email: z.email({ message: 'Bitte eine gültige E-Mail-Adresse angeben.' }),
  editorialStaff: requiredEntry('Redaktion'),
  responsibleName: requiredEntry('Verantwortlich'),
  responsibleFunction: requiredEntry('Funktion'),
})
export type Impressum = z.infer<typeof impressumSchema>

export const layoutSchema = z.object({
  accentColor: cleanString().regex(/^#[0-9a-f]{6}$/i, {
    message: 'Bitte eine Farbe im Format #RRGGBB angeben.',
  }),
  headingFont: z.enum(['sans', 'serif']),
  bodyFont: z.enum(['sans', 'serif']),
  photoPlacement: z.enum(['full', 'left', 'right']),
  /** A logo photo shown in the masthead, or none. */
  logoMediaId: idSchema().nullable(),
  /**
   * Whether the masthead names the issue and its Erscheinungsdatum ("Ausgabe August 2018 ·
   * 15. August 2018"). Layouts stored before this choice existed read as off, so no export
   * changes unasked; the printed newsletter of the Dezernat has no such line either.
   */
  mastheadIssueLine: z.boolean().default(false),
})
/** Layout of the newsletter, set by Gestaltung: accent colour, fonts, photo placement, logo, masthead. */
export type Layout = z.infer<typeof layoutSchema>
/** A layout as it may be stored or passed in: choices added later may be missing (their default applies). */
export type StoredLayout = z.input<typeof layoutSchema>

export const defaultLayout: Layout = {
  accentColor: '#0b4f8a',
  headingFont: 'sans',
  bodyFont: 'sans',
  photoPlacement: 'full',
  logoMediaId: null,
  mastheadIssueLine: false,
}

const articleWordLimitMessage = 'Die Wortgrenze muss eine ganze Zahl sein.'

export const publicationContentSchema = z.object({
  title: requiredEntry('Titel'),
  subtitle: requiredEntry('Untertitel'),
  impressum: impressumSchema,
  unsubscribeText: requiredEntry('Abmeldehinweis', 1000),
  /** Soft limit of words per article: shown in the editor, never enforced. */
  articleWordLimit: z
    .number({ message: articleWordLimitMessage })
    .int({ message: articleWordLimitMessage })
    .min(50, { message: 'Die Wortgrenze muss mindestens 50 betragen.' })
    .max(5000, { message: 'Die Wortgrenze darf höchstens 5000 betragen.' }),
  layout: layoutSchema,
})
export type PublicationContent = z.infer<typeof publicationContentSchema>

/** The newsletter's name, public: its title and subtitle as the masthead shows them. */
export const publicationNameSchema = publicationContentSchema.pick({ title: true, subtitle: true })
export type PublicationName = z.infer<typeof publicationNameSchema>

/**
 * The newsletter's full name in running text, as a reader knows it from the masthead:
 * "Kommunale Sozialplanung und Integrationsmanagement – Nachrichten aus dem Dezernat Soziales".
 */
export const newsletterName = ({ title, subtitle }: PublicationName) => `${title} – ${subtitle}`

/**
 * What an approval covers of the newsletter's settings: all an issue shows besides its articles
 * (masthead, Impressum, unsubscribe note, layout). The word limit is only the editor's guide.
 */
export const approvedPublicationSchema = publicationContentSchema.pick({
  title: true,
  subtitle: true,
  impressum: true,
  unsubscribeText: true,
  layout: true,
})
export type ApprovedPublication = z.infer<typeof approvedPublicationSchema>

/**
 * The approved part of the settings, as the client reads them (a choice added to the layout later
 * gets its default), so that client and server compute the same fingerprint from stored data.
 */
export function approvedPublication(
  publication: z.input<typeof approvedPublicationSchema>,
): ApprovedPublication {
  const { title, subtitle, impressum, unsubscribeText, layout } = publication
  return approvedPublicationSchema.parse({ title, subtitle, impressum, unsubscribeText, layout })
}

export const publicationSchema = publicationContentSchema.extend({
  version: versionSchema(),
  updatedAt: z.iso.datetime(),
})
/** Settings of the newsletter as a whole: masthead, Impressum, unsubscribe note. */
export type Publication = z.infer<typeof publicationSchema>

/**
 * Masthead, Impressum, unsubscribe note and word limit as the Redaktion saves them. The layout is
 * Gestaltung's (`updateLayoutInputSchema`): the server keeps the stored one, and a layout sent here
 * anyway is dropped like any other unknown field.
 */
export const updatePublicationInputSchema = publicationContentSchema
  .omit({ layout: true })
  .extend({ version: versionSchema() })
export type UpdatePublicationInput = z.infer<typeof updatePublicationInputSchema>

/**
 * A layout as Gestaltung saves it: the accent colour must be readable on white. Only a new layout
 * is held to it; one stored before the rule still reads (and saving the Impressum keeps it).
 */
export const updateLayoutInputSchema = z.object({
  version: versionSchema(),
  layout: layoutSchema.refine(
    (layout) => contrastOnWhite(layout.accentColor) >= minimumAccentContrast,
    {
      path: ['accentColor'],
      message:
        'Die Akzentfarbe hat zu wenig Kontrast zu Weiß (mindestens 4,5:1): Überschriften und Links wären schwer zu lesen. Bitte eine dunklere Farbe wählen.',
    },
  ),
})
export type UpdateLayoutInput = z.infer<typeof updateLayoutInputSchema>
