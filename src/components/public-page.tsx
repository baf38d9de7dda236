import type { ReactNode } from 'react'
import { NavLink } from 'react-router'
import styles from './public-page.module.css'

/**
 * The frame of the public pages (sign-up, confirmation, unsubscribe, archive): the newsletter's sender and
 * one card, without the dashboard's navigation — readers have no account.
 */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <title>{`${title} – Newsletter des Dezernats Soziales, Stadt Gera`}</title>
      <header className={styles.header}>
        <p className={styles.sender}>Stadt Gera · Dezernat Soziales</p>
        <p className={styles.publication}>
          Newsletter „Kommunale Sozialplanung und Integrationsmanagement“
        </p>
        <nav aria-label="Newsletter" className={styles.nav}>
          <NavLink to="/archiv" end>
            Archiv
          </NavLink>
          <NavLink to="/abonnieren" end>
            Abonnieren
          </NavLink>
        </nav>
      </header>
      <main id="inhalt" className={styles.page}>
        <div className={styles.card}>{children}</div>
      </main>
    </>
  )
}
