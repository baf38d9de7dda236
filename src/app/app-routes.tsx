import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { Loading } from '../components/ui/query-state'
import { LoginPage } from '../features/session/components/login-page'
import { RequireSession } from './require-session'
import { NotFoundRoute } from './routes/not-found-route'
import { Shell } from './shell'

const loadIssuesPage = () => import('../features/issues/components/issues-page')
const loadArticlesPage = () => import('../features/articles/components/articles-page')
const loadTrashPage = () => import('../features/articles/components/trash-page')

const IssuesPage = lazy(() => loadIssuesPage().then((page) => ({ default: page.IssuesPage })))
const ArticlesPage = lazy(() => loadArticlesPage().then((page) => ({ default: page.ArticlesPage })))
const TrashPage = lazy(() => loadTrashPage().then((page) => ({ default: page.TrashPage })))
const ArticleRoute = lazy(() => import('./routes/article-route'))
const IssueRoute = lazy(() => import('./routes/issue-route'))
const PreviewRoute = lazy(() => import('./routes/preview-route'))

/**
 * The lists behind Anmelden are small; they load once the first screen is up, so that the
 * page after signing in (or a reload on a list) does not wait for its code.
 */
function usePreloadListPages() {
  useEffect(() => {
    const preload = () => void Promise.all([loadIssuesPage(), loadArticlesPage(), loadTrashPage()])
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(preload, { timeout: 1_000 })
      return () => cancelIdleCallback(handle)
    }
    const timer = setTimeout(preload, 0)
    return () => clearTimeout(timer)
  }, [])
}

function LazyPage({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  )
}

/**
 * All routes. Only Anmelden and the signed-in frame are in the first download; every page
 * behind them is its own chunk (the editor, the board and the preview carry large libraries).
 */
export function AppRoutes() {
  usePreloadListPages()
  return (
    <Routes>
      <Route path="/anmelden" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/ausgaben" replace />} />
        <Route path="ausgaben" element={<LazyPage page={IssuesPage} />} />
        <Route path="ausgaben/:issueId" element={<LazyPage page={IssueRoute} />} />
        <Route path="ausgaben/:issueId/vorschau" element={<LazyPage page={PreviewRoute} />} />
        <Route path="beitraege" element={<LazyPage page={ArticlesPage} />} />
        <Route path="beitraege/papierkorb" element={<LazyPage page={TrashPage} />} />
        <Route path="beitraege/:articleId" element={<LazyPage page={ArticleRoute} />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  )
}
