import { z } from 'zod'
import { cleanString, idSchema, requiredText } from './clean-text'

/**
 * The public address of an issue in the archive: the month it appeared (`2018-08`), and a
 * counter from the second issue of the same month on (`2018-08-2`).
 */
export const archiveSlugSchema = z.string().regex(/^\d{4}-\d{2}(?:-[2-9]|-[1-9]\d+)?$/, {
  message: 'Diese Ausgabe gibt es im Archiv nicht.',
})

/** The slug an issue appearing on `plannedSendDate` gets, given the slugs already taken. */
export function archiveSlug(plannedSendDate: string, taken: ReadonlySet<string>): string {
  const month = plannedSendDate.slice(0, 7)
  if (!taken.has(month)) return month
  let counter = 2
  while (taken.has(`${month}-${counter}`)) counter += 1
  return `${month}-${counter}`
}

/** Path of the public archive page of an issue, below the public address of the server. */
export const archivePagePath = (slug: string) => `/archiv/${slug}`

/** Path of the public Übersicht of the archive. */
export const archiveOverviewPath = '/archiv'

/** Paths of the feeds of the archive (RSS 2.0 and Atom). */
export const archiveFeedPaths = { rss: '/archiv/rss.xml', atom: '/archiv/atom.xml' } as const

/** One published issue as the public Übersicht and the feeds list it. */
export const archiveListItemSchema = z.object({
  slug: archiveSlugSchema,
  label: cleanString().min(1),
  plannedSendDate: z.iso.date(),
  publishedAt: z.iso.datetime(),
  /** The headlines of its articles, in the issue's order. */
  headlines: z.array(cleanString()),
  /** Absolute address of the archive page. */
  url: cleanString().min(1),
})
export type ArchiveListItem = z.infer<typeof archiveListItemSchema>

/** The public Übersicht: published issues that are not taken down, newest first. */
export const archiveListSchema = z.object({ items: z.array(archiveListItemSchema) })
export type ArchiveList = z.infer<typeof archiveListSchema>

/** Longest reason given when an issue is taken out of the archive. */
export const maxWithdrawReasonLength = 500

/** The archive state of one issue, for the signed-in team. */
export const issueArchiveSchema = z.object({
  issueId: idSchema(),
  slug: archiveSlugSchema,
  url: cleanString().min(1),
  /** null while the issue is not yet published (the address is kept from the start of a send). */
  publishedAt: z.iso.datetime().nullable(),
  /** When it was taken out of the archive; null while it is public. */
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnBy: idSchema().nullable(),
  withdrawReason: cleanString().nullable(),
})
export type IssueArchive = z.infer<typeof issueArchiveSchema>

export const withdrawFromArchiveInputSchema = z.object({
  reason: requiredText({
    maxLength: maxWithdrawReasonLength,
    missing: 'Bitte einen Grund angeben (er steht im Verlauf).',
    noun: 'Der Grund',
  }),
})
export type WithdrawFromArchiveInput = z.infer<typeof withdrawFromArchiveInputSchema>
