import type { Article } from '../../../domain/article'
import { docFromParagraphs } from '../../../domain/rich-text'

/** An article as the server returns it, for the saver's unit tests. */
export const testArticle = (version: number, headline = 'Server'): Article => ({
  id: 'a',
  headline,
  body: docFromParagraphs(['Text']),
  photos: [],
  authorId: 'u',
  status: 'draft',
  issueId: null,
  version,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  updatedBy: 'u',
})
