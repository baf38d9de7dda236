import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer'
import { afterEach } from 'vitest'
import { z } from 'zod'

z.config(z.locales.de())

// The first findBy of a file waits for lazy pages and the MSW worker: on a loaded machine (two
// cores shared by parallel test files) that took more than the default 1 s now and then.
configure({ asyncUtilTimeout: 3000 })

afterEach(() => {
  cleanup()
  localStorage.clear()
})

// ProseMirror measures layout; jsdom has none.
const emptyRect = {
  x: 0,
  y: 0,
  top: 0,
  left: 0,
  right: 0,
  bottom: 0,
  width: 0,
  height: 0,
  toJSON: () => ({}),
}
Range.prototype.getBoundingClientRect = () => emptyRect as DOMRect
Range.prototype.getClientRects = () =>
  ({
    length: 0,
    item: () => null,
    [Symbol.iterator]: [][Symbol.iterator],
  }) as unknown as DOMRectList
document.elementFromPoint = () => null
if (typeof globalThis.ClipboardEvent === 'undefined') {
  globalThis.ClipboardEvent = class extends Event {
    readonly clipboardData: DataTransfer | null = null
  } as unknown as typeof ClipboardEvent
}

// jsdom's Blob, File and FormData cannot travel through Node's fetch (multipart uploads);
// the browser's own classes can, so the tests use Node's, which behave like the browser's.
const nodeFormData = (await new Response(new URLSearchParams('a=1')).formData()).constructor
Object.assign(globalThis, { Blob: NodeBlob, File: NodeFile, FormData: nodeFormData })
