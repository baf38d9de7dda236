import type { Issue } from './issue'
import type { Publication } from './publication'

/** The subject of an issue's e-mail: the newsletter's title and the issue, e.g. "… – August 2018". */
export const issueSubject = (
  publication: Pick<Publication, 'title'>,
  issue: Pick<Issue, 'label'>,
) => `${publication.title} – ${issue.label}`
