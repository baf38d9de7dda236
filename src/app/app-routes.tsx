import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { Loading } from '../components/ui/query-state'
import { LoginPage } from '../features/session/components/login-page'
import { RequireSession } from './require-session'
import { NotFoundRoute } from './routes/not-found-route'
import { Shell } from './shell'

/**
 * A page in a chunk of its own, shown with „Wird geladen …“ while its code loads. Once `load`
 * has fetched the code (`preload`), the page renders at once: React would otherwise show the
 * loading state and hold the page back for its fallback throttle (300 ms) even then.
 */
function lazyPage<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType) {
  let loaded: ComponentType | undefined
  const preload = () => load().then((module) => (loaded = pick(module)))
  const Lazy = lazy(() => preload().then((page) => ({ default: page })))
  function Page() {
    // chosen once per mount: a page whose code arrives while it is shown is not mounted twice
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy)
    return (
      <Suspense fallback={<Loading />}>
        <Component />
      </Suspense>
    )
  }
  return { Page, preload }
}

const issues = lazyPage(
  () => import('../features/issues/components/issues-page'),
  (page) => page.IssuesPage,
)
const articles = lazyPage(
  () => import('../features/articles/components/articles-page'),
  (page) => page.ArticlesPage,
)
const trash = lazyPage(
  () => import('../features/articles/components/trash-page'),
  (page) => page.TrashPage,
)
const issue = lazyPage(
  () => import('./routes/issue-route'),
  (route) => route.default,
)
const preview = lazyPage(
  () => import('./routes/preview-route'),
  (route) => route.default,
)
const send = lazyPage(
  () => import('./routes/send-route'),
  (route) => route.default,
)
const notificationSettings = lazyPage(
  () => import('../features/notifications/components/notification-settings-page'),
  (page) => page.NotificationSettingsPage,
)
const publicationSettings = lazyPage(
  () => import('../features/publication/components/publication-settings-page'),
  (page) => page.PublicationSettingsPage,
)
const outbox = lazyPage(
  () => import('../features/sending/components/outbox-page'),
  (page) => page.OutboxPage,
)
const article = lazyPage(
  () => import('./routes/article-route'),
  (route) => route.default,
)

const recipients = lazyPage(
  () => import('../features/recipients/components/recipients-page'),
  (page) => page.RecipientsPage,
)
// the public pages of readers: small chunks of their own, without the signed-in frame
const subscribe = lazyPage(
  () => import('../features/subscription/components/subscribe-page'),
  (page) => page.SubscribePage,
)
const confirmSubscription = lazyPage(
  () => import('../features/subscription/components/confirm-subscription-page'),
  (page) => page.ConfirmSubscriptionPage,
)
const unsubscribe = lazyPage(
  () => import('../features/subscription/components/unsubscribe-page'),
  (page) => page.UnsubscribePage,
)
const archiveOverview = lazyPage(
  () => import('../features/archive/components/archive-overview-page'),
  (page) => page.ArchiveOverviewPage,
)
const archiveIssue = lazyPage(
  () => import('../features/archive/components/archive-issue-page'),
  (page) => page.ArchiveIssuePage,
)

/** Loads the code of every page, e.g. before tests, so that no page waits for its chunk. */
export const preloadAllPages = () =>
  Promise.all(
    [
      issues,
      articles,
      trash,
      issue,
      preview,
      article,
      send,
      outbox,
      notificationSettings,
      publicationSettings,
      recipients,
      subscribe,
      confirmSubscription,
      unsubscribe,
      archiveOverview,
      archiveIssue,
    ].map((page) => page.preload()),
  )

/**
 * The lists behind Anmelden are small; they load once the first screen has its data, so that the
 * page after signing in (or a reload on a list) does not wait for its code, and the first
 * screen's own requests do not wait for them.
 */
function usePreloadListPages() {
  const queryClient = useQueryClient()
  useEffect(() => {
    let handle: number | undefined
    const whenIdle = (work: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(work, { timeout: 2_000 })
        : window.setTimeout(work, 200)
    const preload = () => {
      if (queryClient.isFetching() > 0) handle = whenIdle(preload)
      else void Promise.all([issues.preload(), articles.preload(), trash.preload()])
    }
    handle = whenIdle(preload)
    return () => {
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle ?? 0)
      window.clearTimeout(handle)
    }
  }, [queryClient])
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
      <Route path="/abonnieren" element={<subscribe.Page />} />
      <Route path="/abonnieren/bestaetigen/:token" element={<confirmSubscription.Page />} />
      <Route path="/abmelden/:token" element={<unsubscribe.Page />} />
      <Route path="/archiv" element={<archiveOverview.Page />} />
      <Route path="/archiv/:slug" element={<archiveIssue.Page />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/ausgaben" replace />} />
        <Route path="ausgaben" element={<issues.Page />} />
        <Route path="ausgaben/:issueId" element={<issue.Page />} />
        <Route path="ausgaben/:issueId/vorschau" element={<preview.Page />} />
        <Route path="ausgaben/:issueId/versand" element={<send.Page />} />
        <Route path="postausgang" element={<outbox.Page />} />
        <Route path="benachrichtigungen/einstellungen" element={<notificationSettings.Page />} />
        <Route path="einstellungen/impressum" element={<publicationSettings.Page />} />
        <Route path="beitraege" element={<articles.Page />} />
        <Route path="beitraege/papierkorb" element={<trash.Page />} />
        <Route path="beitraege/:articleId" element={<article.Page />} />
        <Route path="empfaenger" element={<recipients.Page />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  )
}
