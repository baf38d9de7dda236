import { useRef } from 'react'
import { NavLink, Outlet, useLocation } from 'react-router'
import { ErrorBoundary } from './error-boundary'
import { can } from '../domain/permissions'
import { roleLabels } from '../domain/role-labels'
import { NotificationBell } from '../features/notifications/components/notification-bell'
import { OutboxNavItem } from '../features/sending/components/outbox-nav-item'
import { useCurrentUser, useLogout } from '../lib/session'
import { DemoReset } from './demo-reset'
import { HeaderMenu } from './header-menu'
import { useFocusLinkedField } from './use-focus-linked-field'
import { useFocusOnNavigation } from './use-focus-on-navigation'
import styles from './shell.module.css'

/** The signed-in frame: skip link, header with navigation, the page, demo controls. */
export function Shell() {
  const user = useCurrentUser()
  const logout = useLogout()
  const location = useLocation()
  const content = useRef<HTMLElement>(null)
  useFocusOnNavigation(content)
  useFocusLinkedField(content)

  return (
    <>
      <a className={styles.skipLink} href="#inhalt">
        Zum Inhalt springen
      </a>
      <header className={styles.header}>
        <span className={styles.brand}>Rundbrief</span>
        <HeaderMenu label="Menü" icon="menu">
          <nav aria-label="Hauptnavigation">
            <ul>
              <li>
                <NavLink to="/ausgaben">Ausgaben</NavLink>
              </li>
              <li>
                <NavLink to="/beitraege">Beiträge</NavLink>
              </li>
              {can(user.role, 'recipients.read') && (
                <li>
                  <NavLink to="/empfaenger">Empfänger</NavLink>
                </li>
              )}
              {/* the Postausgang shows addresses: only for those who may read them */}
              {can(user.role, 'recipients.read') && <OutboxNavItem />}
              <li>
                <NavLink to="/archiv">Archiv</NavLink>
              </li>
            </ul>
          </nav>
        </HeaderMenu>
        <div className={styles.userMenu}>
          <NotificationBell />
          <HeaderMenu label="Konto" icon="person" labelShown={false}>
            <span className={styles.person}>
              {user.name} <span className="muted">({roleLabels[user.role]})</span>
            </span>
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => logout.mutate()}
            >
              Abmelden
            </button>
          </HeaderMenu>
        </div>
      </header>
      <main id="inhalt" tabIndex={-1} ref={content}>
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className={styles.footer}>
        <DemoReset />
      </footer>
    </>
  )
}
