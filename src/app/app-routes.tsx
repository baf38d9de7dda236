import { lazy, Suspense } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { Loading } from '../components/ui/query-state'
import { ArticlesPage } from '../features/articles/components/articles-page'
import { TrashPage } from '../features/articles/components/trash-page'
import { IssuesPage } from '../features/issues/components/issues-page'
import { LoginPage } from '../features/session/components/login-page'
import { RequireSession } from './require-session'
import { NotFoundRoute } from './routes/not-found-route'
import { Shell } from './shell'

const ArticleRoute = lazy(() => import('./routes/article-route'))
const IssueRoute = lazy(() => import('./routes/issue-route'))
const PreviewRoute = lazy(() => import('./routes/preview-route'))

/** All routes; issue board, article editor and preview are split into their own chunks. */
export function AppRoutes() {
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
        <Route path="ausgaben" element={<IssuesPage />} />
        <Route
          path="ausgaben/:issueId"
          element={
            <Suspense fallback={<Loading />}>
              <IssueRoute />
            </Suspense>
          }
        />
        <Route
          path="ausgaben/:issueId/vorschau"
          element={
            <Suspense fallback={<Loading />}>
              <PreviewRoute />
            </Suspense>
          }
        />
        <Route path="beitraege" element={<ArticlesPage />} />
        <Route path="beitraege/papierkorb" element={<TrashPage />} />
        <Route
          path="beitraege/:articleId"
          element={
            <Suspense fallback={<Loading />}>
              <ArticleRoute />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  )
}
