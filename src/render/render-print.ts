import { htmlDocument } from './html-document'
import { defaultLayout, type LayoutSettings } from './layout'
import { photoWidth } from './photo-html'
import type { RenderModel } from './render-model'
import { articlesHtml, baseCss, frameHtml } from './render-web'

/**
 * The issue for print and PDF (A4): page margins, page numbers in the bottom margin, and page
 * breaks that never separate a photo from its caption or a headline from its first paragraph.
 */
export function renderPrint(
  model: RenderModel,
  layout: LayoutSettings = model.publication.layout ?? defaultLayout,
): string {
  const { masthead, impressum } = frameHtml(model, layout)
  return htmlDocument({
    title: `${model.publication.title} – ${model.issue.label}`,
    viewport: false,
    css: `${baseCss(layout)}
@page { size: A4; margin: 20mm 18mm 22mm; @bottom-center { content: "Seite " counter(page) " von " counter(pages); font: 9pt Arial, sans-serif; color: #4f5766; } }
body { font-size: 10.5pt; }
.masthead h1 { font-size: 18pt; }
h2 { font-size: 13pt; break-after: avoid; page-break-after: avoid; }
h2 + p, h3 + p, h4 + p { break-before: avoid; page-break-before: avoid; }
figure { break-inside: avoid; page-break-inside: avoid; }
p { orphans: 3; widows: 3; }
.impressum { break-inside: avoid; }
@media screen { body { background: #e9ecf1; } .sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 1rem auto; padding: 20mm 18mm 22mm; box-sizing: border-box; box-shadow: 0 2px 8px rgb(0 0 0 / 20%); } }`,
    body: `<div class="sheet">
${masthead}
<main>
${articlesHtml(model, photoWidth('print', layout), layout)}
</main>
${impressum}
</div>`,
  })
}
