import { formatBerlinDate } from '../domain/deadline'
import { issueTitle } from '../domain/issue'
import type { RenderModel } from './render-model'

/** The Impressum as paragraphs of lines, worded as in the newsletter. */
export function impressumParagraphs({
  publication,
  issue,
}: Pick<RenderModel, 'publication' | 'issue'>): string[][] {
  const impressum = publication.impressum
  return [
    [
      impressum.publisher,
      impressum.department,
      impressum.street,
      impressum.postalCodeCity,
      `Tel. ${impressum.phone} | E-Mail: ${impressum.email}`,
    ],
    [
      `Redaktion: ${impressum.editorialStaff}`,
      `Verantwortlich: ${impressum.responsibleName}, ${impressum.responsibleFunction}`,
      `Redaktionsschluss: ${formatBerlinDate(issue.deadline)}`,
    ],
  ]
}

/** The masthead's subtitle with the dashes of the printed newsletter. */
export const subtitleLine = (subtitle: string) => `- ${subtitle} -`

/** The masthead's issue line: "Ausgabe August 2018 · 15. August 2018" (with the Erscheinungsdatum if known). */
export function mastheadIssueLine(issue: RenderModel['issue']): string {
  const title = issueTitle(issue.label)
  return issue.plannedSendDate ? `${title} · ${formatBerlinDate(issue.plannedSendDate)}` : title
}
