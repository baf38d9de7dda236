import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { cleanPastedHtml } from './clean-pasted-html'

/** Cleans pasted and dropped HTML (Word, LibreOffice, web pages) before ProseMirror parses it. */
export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteCleanup'),
        props: { transformPastedHTML: (html) => cleanPastedHtml(html) },
      }),
    ]
  },
})
