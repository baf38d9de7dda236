import { useEffect, useRef, type RefObject } from 'react'
import { useLocation } from 'react-router'

/** Pages whose heading appears only after their data has loaded get this long to show it. */
const headingWaitMs = 5_000

/**
 * After a route change, moves focus to the new page's first heading so that keyboard and
 * screen reader users land on (and hear) the page they went to instead of staying on the link.
 * Focus that the page itself has already placed inside the content is left where it is.
 */
export function useFocusOnNavigation(content: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation()
  const previousPath = useRef(pathname)

  useEffect(() => {
    if (previousPath.current === pathname) return
    previousPath.current = pathname
    const container = content.current
    if (!container) return
    const focusedBefore = document.activeElement

    const focusHeading = (): boolean => {
      const heading = container.querySelector('h1')
      if (!heading) return false
      const active = document.activeElement
      const pageMovedFocus =
        active !== focusedBefore && active !== document.body && container.contains(active)
      if (!pageMovedFocus) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
        heading.focus()
      }
      return true
    }

    if (focusHeading()) return
    const observer = new MutationObserver(() => {
      if (focusHeading()) stop()
    })
    const timer = setTimeout(() => stop(), headingWaitMs)
    const stop = () => {
      observer.disconnect()
      clearTimeout(timer)
    }
    observer.observe(container, { childList: true, subtree: true })
    return stop
  }, [pathname, content])
}
