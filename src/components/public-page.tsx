import type { ReactNode } from 'react'
import { NavLink } from 'react-router'
import { newsletterName, type PublicationName } from '../domain/publication'
import styles from './public-page.module.css'

/**
 * The frame of the public pages (sign-up, confirmation, unsubscribe, archive): the newsletter's sender and
 * one card, without the dashboard's navigation — readers have no account. The newsletter is named
 * as its publication settings name it (`newsletter`; undefined while they load).
 */
export function PublicPage({
  title,
  newsletter,
  children,
}: {
  title: string
  newsletter: PublicationName | undefined
  children: ReactNode
}) {
  return (
    <>
      <title>{newsletter ? `${title} – ${newsletter.title}` : title}</title>
      <header className={styles.header}>
        <p className={styles.sender}>Stadt Gera · Dezernat Soziales</p>
        <p className={styles.publication}>
          {newsletter ? `Newsletter „${newsletterName(newsletter)}“` : 'Newsletter'}
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
