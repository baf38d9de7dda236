import { bench, describe } from 'vitest'
import { createSeedState } from '../../mocks/seed/august-2018'
import { byteSize, renderEmail } from './render-email'
import { orderedArticles, type RenderModel } from './render-model'
import { renderPrint } from './render-print'
import { renderText } from './render-text'
import { renderWeb } from './render-web'

function model(articleCount: number): RenderModel {
  const state = createSeedState()
  const issue = state.issues[0]!
  const seedArticles = state.articles.map((article) => ({ ...article, issueId: issue.id }))
  const articles = Array.from({ length: articleCount }, (_, index) => {
    const source = seedArticles[index % seedArticles.length]!
    return { ...source, id: `${source.id}-${index}` }
  })
  return {
    publication: state.publication,
    issue: { ...issue, articleIds: articles.map((article) => article.id) },
    articles: orderedArticles({ articleIds: articles.map((article) => article.id) }, articles),
    photoUrl: (id) => `https://rundbrief.example/api/media/${id}/file`,
  }
}

const thirty = model(30)
const seed = model(10)
console.log(
  `E-Mail-HTML der Ausgabe August 2018: ${(byteSize(renderEmail(seed)) / 1024).toFixed(1)} KB; mit 30 Beiträgen: ${(byteSize(renderEmail(thirty)) / 1024).toFixed(1)} KB`,
)

describe('Renderer, 30 Beiträge', () => {
  bench('E-Mail', () => void renderEmail(thirty))
  bench('Druck', () => void renderPrint(thirty))
  bench('Web', () => void renderWeb(thirty))
  bench('Text', () => void renderText(thirty))
})
