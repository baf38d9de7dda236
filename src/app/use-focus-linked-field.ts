import { useEffect, type RefObject } from 'react'
import { useLocation } from 'react-router'
import { placeParams } from '../lib/article-place-link'

/** The page's fields may appear only after its data and the editor's code have loaded. */
const fieldWaitMs = 5_000

/** The control labelled `label` inside `scope`: by a <label>, or by aria-label (the editor's text). */
function labelledControl(scope: Element, label: string): HTMLElement | null {
  for (const element of scope.querySelectorAll('label')) {
    if (element.textContent?.trim() === label && element.control instanceof HTMLElement)
      return element.control
  }
  for (const element of scope.querySelectorAll<HTMLElement>('[aria-label]')) {
    if (
      element.getAttribute('aria-label') === label &&
      element.getAttribute('contenteditable') === 'true'
    )
      return element
  }
  return null
}

/**
 * A link to a place in an article (`?feld=Alternativtext&foto=foto-3`, see `articleHref`)
 * focuses that field once the page shows it, the photo's own when `foto` is given; the field
 * scrolls into view with the focus. A read-only page has no such field, and focus stays on its
 * heading.
 */
export function useFocusLinkedField(content: RefObject<HTMLElement | null>) {
  const { pathname, search } = useLocation()

  useEffect(() => {
    const params = new URLSearchParams(search)
    const label = params.get(placeParams.field)
    const container = content.current
    if (!label || !container) return
    const photo = params.get(placeParams.photo)

    const focusField = (): boolean => {
      const scope = photo
        ? [...container.querySelectorAll('[data-media-id]')].find(
            (element) => element.getAttribute('data-media-id') === photo,
          )
        : container
      const field = scope && labelledControl(scope, label)
      if (!field) return false
      field.focus()
      return true
    }

    if (focusField()) return
    const observer = new MutationObserver(() => {
      if (focusField()) stop()
    })
    const timer = setTimeout(() => stop(), fieldWaitMs)
    const stop = () => {
      observer.disconnect()
      clearTimeout(timer)
    }
    // the editor's text becomes editable after it has been rendered
    observer.observe(container, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['contenteditable'],
    })
    return stop
  }, [pathname, search, content])
}
