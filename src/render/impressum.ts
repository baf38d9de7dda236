import { formatBerlinDate } from '../domain/deadline'
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
