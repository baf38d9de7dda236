import { describe, expect, it } from 'vitest'
import { createSeedState } from '../../mocks/seed/august-2018'
import type { Article } from '../domain/article'
import { emailClipBytes } from '../domain/checks'
import { docFromParagraphs } from '../domain/rich-text'
import { issueChecks, renderedEmailBytes } from './issue-checks'
import { byteSize, renderEmail } from './render-email'
import { orderedArticles } from './render-model'

const seed = () => {
  const state = createSeedState()
  const issue = state.issues[0]!
  const articles: Article[] = state.articles.map((article) => ({ ...article, issueId: issue.id }))
  return { issue, articles, publication: state.publication }
}

describe('E-Mail-Größe in den Prüfungen', () => {
  it('misst die E-Mail, wie der Renderer sie schreibt', () => {
    const { issue, articles, publication } = seed()
    const rendered = renderEmail({
      publication,
      issue,
      articles: orderedArticles(issue, articles),
      photoUrl: (id) => `/api/media/${id}/file`,
    })
    expect(renderedEmailBytes(issue, articles, publication)).toBe(byteSize(rendered))
    expect(issueChecks(issue, articles, publication).map((result) => result.id)).not.toContain(
      'email-size',
    )
  })

  it('warnt bei vielen kurzen Absätzen, die eine Schätzung nach Textmenge übersah', () => {
    const { issue, articles, publication } = seed()
    // about 10 KB of text, but every paragraph carries its inline styles into the e-mail
    const chopped = articles.map((article, index) =>
      index === 0
        ? { ...article, body: docFromParagraphs(Array.from({ length: 1500 }, () => 'Ja.')) }
        : article,
    )
    const bytes = renderedEmailBytes(issue, chopped, publication)
    expect(bytes).toBeGreaterThan(emailClipBytes)
    const warning = issueChecks(issue, chopped, publication).find(
      (result) => result.id === 'email-size',
    )
    expect(warning).toMatchObject({ severity: 'warning' })
    expect(warning?.message).toContain(`etwa ${Math.round(bytes / 1024)} KB`)
  })
})
