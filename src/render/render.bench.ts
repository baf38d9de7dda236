import { bench, describe } from 'vitest'
import { renderBenchModel } from '../../tests/fixtures/render-model'
import { issueChecks } from './issue-checks'
import { byteSize, renderEmail } from './render-email'
import { renderPrint } from './render-print'
import { renderText } from './render-text'
import { renderWeb } from './render-web'

const thirty = renderBenchModel(30)
const seed = renderBenchModel(10)
console.log(
  `E-Mail-HTML der Ausgabe August 2018: ${(byteSize(renderEmail(seed)) / 1024).toFixed(1)} KB; mit 30 Beiträgen: ${(byteSize(renderEmail(thirty)) / 1024).toFixed(1)} KB`,
)

describe('Renderer, 30 Beiträge', () => {
  bench('E-Mail', () => void renderEmail(thirty))
  bench('Druck', () => void renderPrint(thirty))
  bench('Web', () => void renderWeb(thirty))
  bench('Text', () => void renderText(thirty))
})

// the issue page runs them on every change of an article, the order or the layout
describe('Prüfungen (mit E-Mail-Größe)', () => {
  bench(
    'August 2018, 10 Beiträge',
    () => void issueChecks(seed.issue, seed.articles, seed.publication),
  )
  bench('30 Beiträge', () => void issueChecks(thirty.issue, thirty.articles, thirty.publication))
})
