import { beforeEach, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/backend'
import { rejection } from './rejection'

export interface NotificationsContext {
  editor: () => Backend
  head: () => Backend
  designer: () => Backend
  /** Moves the seed issue's Redaktionsschluss into the future and writes its missing alt texts. */
  prepareSeedIssue: () => Promise<{ id: string; version: number }>
}

/** Benachrichtigungen: made by the workflow steps, each person's own, read and unread. */
export function defineNotificationsContract(context: () => NotificationsContext) {
  let c: NotificationsContext
  beforeEach(() => {
    c = context()
  })

  const submitSeedIssue = async () => {
    const issue = await c.prepareSeedIssue()
    return c.editor().submitIssue(issue.id, { version: issue.version })
  }

  it('meldet das Einreichen jeder Dezernentin, nicht der Einreichenden', async () => {
    expect(await c.head().listNotifications()).toEqual({ notifications: [], unread: 0 })
    const issue = await submitSeedIssue()

    const { notifications, unread } = await c.head().listNotifications()
    expect(unread).toBe(1)
    expect(notifications).toEqual([
      expect.objectContaining({
        kind: 'issue_submitted',
        issueId: issue.id,
        actorId: 'frank-ruehling',
        text: 'Dr. Frank Rühling hat „August 2018“ zur Freigabe eingereicht',
        link: `/ausgaben/${issue.id}`,
        readAt: null,
      }),
    ])
    expect(await c.editor().listNotifications()).toEqual({ notifications: [], unread: 0 })
    expect(await c.designer().listNotifications()).toEqual({ notifications: [], unread: 0 })
  })

  it('meldet Freigabe und Rückgabe der Redaktion, neueste zuerst', async () => {
    let issue = await submitSeedIssue()
    issue = await c.head().requestChanges(issue.id, {
      version: issue.version,
      comment: 'Bitte den Fotonachweis ergänzen.',
    })
    issue = await c.editor().submitIssue(issue.id, { version: issue.version })
    await c.head().approveIssue(issue.id, {
      version: issue.version,
      acknowledgedWarnings: ['spelling:OTEAU:OTEGAU'],
    })

    const editorList = await c.editor().listNotifications()
    expect(editorList.unread).toBe(2)
    expect(editorList.notifications.map((notification) => notification.text)).toEqual([
      'Sandra Wanzar hat „August 2018“ freigegeben',
      'Sandra Wanzar hat „August 2018“ zur Überarbeitung zurückgegeben',
    ])
    expect((await c.head().listNotifications()).unread).toBe(2)
    expect((await c.designer().listNotifications()).unread).toBe(0)
  })

  it('markiert eine eigene als gelesen, alle auf einmal, und keine fremde', async () => {
    let issue = await submitSeedIssue()
    issue = await c
      .head()
      .requestChanges(issue.id, { version: issue.version, comment: 'Bitte kürzen.' })
    await c.editor().submitIssue(issue.id, { version: issue.version })
    const [newest, older] = (await c.head().listNotifications()).notifications
    if (!newest || !older) throw new Error('zwei Benachrichtigungen erwartet')

    await rejection(c.editor().markNotificationRead(newest.id), 404)
    await rejection(c.head().markNotificationRead('gibt-es-nicht'), 404)
    expect((await c.head().listNotifications()).unread).toBe(2)

    await c.head().markNotificationRead(newest.id)
    await c.head().markNotificationRead(newest.id)
    const afterOne = await c.head().listNotifications()
    expect(afterOne.unread).toBe(1)
    expect(afterOne.notifications[0]).toMatchObject({ id: newest.id, readAt: expect.any(String) })
    expect(afterOne.notifications[1]).toMatchObject({ id: older.id, readAt: null })

    await c.head().markAllNotificationsRead()
    const afterAll = await c.head().listNotifications()
    expect(afterAll.unread).toBe(0)
    expect(afterAll.notifications.every((notification) => notification.readAt !== null)).toBe(true)
    expect((await c.editor().listNotifications()).unread).toBe(1)
  })
}
