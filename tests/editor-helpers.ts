import { Editor, type Content } from '@tiptap/core'
import { articleKit } from '../src/editor/article-kit'

/** A headless editor with the real article schema. */
export function createArticleEditor(content: Content = '') {
  return new Editor({ element: document.createElement('div'), extensions: articleKit(), content })
}

/** Types text character by character through ProseMirror's text input path (input rules run). */
export function typeText(editor: Editor, text: string) {
  for (const char of text) {
    const { from, to } = editor.state.selection
    const view = editor.view
    const handled = view.someProp('handleTextInput', (handler) =>
      handler(view, from, to, char, () => view.state.tr.insertText(char, from, to)),
    )
    if (!handled) view.dispatch(view.state.tr.insertText(char, from, to))
  }
}
