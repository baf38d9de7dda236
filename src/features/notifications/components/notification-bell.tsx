import { useId, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { notificationSettingsPath } from '../../../domain/notification-settings'
import { useDisclosure } from '../../../lib/use-disclosure'
import { useMarkNotificationsRead, useNotifications } from '../api/notifications'
import styles from './notification-bell.module.css'

/** The bell in the header: the unread count, and a list of the newest notifications. */
export function NotificationBell() {
  const notifications = useNotifications()
  const markRead = useMarkNotificationsRead()
  const { open, opener, show, close, dismiss } = useDisclosure()
  const panelId = useId()
  const unread = notifications.data?.unread ?? 0
  const list = notifications.data?.notifications ?? []

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    event.stopPropagation()
    close()
  }

  return (
    <div className={styles.bell} onKeyDown={closeOnEscape}>
      <button
        type="button"
        ref={opener}
        className="button button-small button-secondary"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? `Benachrichtigungen, ${unread} ungelesen` : 'Benachrichtigungen'}
        onClick={open ? close : show}
      >
        Benachrichtigungen
        {unread > 0 && (
          <span className={styles.count} aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      <div id={panelId} className={styles.panel} hidden={!open}>
        {open && (
          <>
            {notifications.isError && (
              <p role="alert">Die Benachrichtigungen konnten nicht geladen werden.</p>
            )}
            {notifications.isSuccess && list.length === 0 && <p>Keine Benachrichtigungen.</p>}
            {list.length > 0 && (
              <ul className={styles.list} aria-label="Benachrichtigungen">
                {list.map((notification) => (
                  <li
                    key={notification.id}
                    className={notification.readAt === null ? styles.unread : undefined}
                  >
                    <Link
                      to={notification.link}
                      onClick={() => {
                        if (notification.readAt === null) markRead.mutate(notification.id)
                        dismiss()
                      }}
                    >
                      {notification.readAt === null && (
                        <span className="visually-hidden">Ungelesen: </span>
                      )}
                      {notification.text}
                    </Link>
                    <time dateTime={notification.createdAt} className={styles.time}>
                      {formatBerlinDateTime(notification.createdAt)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
            <div className={styles.actions}>
              {unread > 0 && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate(null)}
                >
                  Alle als gelesen markieren
                </button>
              )}
              <Link to={notificationSettingsPath} onClick={dismiss}>
                Einstellungen
              </Link>
            </div>
          </>
        )}
      </div>
    </div>
  )
}
