import { useId } from 'react'
import { Link } from 'react-router'
import { formatBerlinDateTime } from '../../../domain/deadline'
import { notificationSettingsPath } from '../../../domain/notification-settings'
import { usePopover } from '../../../lib/use-popover'
import { useMarkNotificationsRead, useNotifications } from '../api/notifications'
import styles from './notification-bell.module.css'

/** The bell in the header: the unread count, and a list of the newest notifications. */
export function NotificationBell() {
  const notifications = useNotifications()
  const markRead = useMarkNotificationsRead()
  // a click or tap anywhere else closes the list, as Escape does, and leaves focus where it went
  const { open, opener, show, close, dismiss, container, onKeyDown } = usePopover()
  const panelId = useId()
  const unread = notifications.data?.unread ?? 0
  const list = notifications.data?.notifications ?? []

  return (
    <div ref={container} className={styles.bell} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={opener}
        className={`button button-small button-secondary ${styles.opener}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? `Benachrichtigungen, ${unread} ungelesen` : 'Benachrichtigungen'}
        title="Benachrichtigungen"
        onClick={open ? close : show}
      >
        <svg
          className={styles.icon}
          viewBox="0 0 24 24"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0Z"
            fill="currentColor"
          />
        </svg>
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
