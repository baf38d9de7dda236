import {
  notificationSettingsInputSchema,
  notificationSettingsSchema,
  type NotificationSettings,
  type StoredNotificationSettings,
} from '../../domain/notification-settings'
import type { HandlerDeps } from '../context'
import {
  addDescribedRoute,
  contractRoutes,
  describeRoute,
  jsonAnswer,
  jsonBody,
  jsonBodyAnswers,
  readBody,
  unauthenticatedAnswer,
} from '../contract'
import { notFound } from '../problem'

const settingsComponent = notificationSettingsSchema.meta({ id: 'NotificationSettings' })

const getRoute = describeRoute({
  method: 'get',
  path: '/me/notification-settings',
  summary:
    "The caller's e-mail address and switches: notifications by e-mail, reminders before a Redaktionsschluss",
  responses: {
    200: jsonAnswer(settingsComponent, 'The settings, and whether this server sends mail'),
    ...unauthenticatedAnswer,
  },
})

const putRoute = describeRoute({
  method: 'put',
  path: '/me/notification-settings',
  summary: 'Switches notifications by e-mail and reminders on or off for the caller',
  request: { body: jsonBody(notificationSettingsInputSchema) },
  responses: {
    200: jsonAnswer(settingsComponent, 'The settings as stored'),
    ...unauthenticatedAnswer,
    ...jsonBodyAnswers(),
  },
})

/** Each person's own settings (docs/decisions/0016-reminders.md). */
export function notificationSettingsRoutes(deps: HandlerDeps) {
  const routes = contractRoutes()
  const answer = (stored: StoredNotificationSettings | null): NotificationSettings => {
    if (!stored) throw notFound('Diese Person')
    return {
      email: stored.email,
      emailEnabled: stored.emailEnabled,
      remindersEnabled: stored.remindersEnabled,
      mailAvailable: deps.mail !== null,
    }
  }
  addDescribedRoute(routes, getRoute, async (c) => {
    const user = c.get('user')
    const stored = await deps.store.transaction((tx) => tx.getNotificationSettings(user.id))
    return c.json(answer(stored))
  })
  addDescribedRoute(routes, putRoute, async (c) => {
    const user = c.get('user')
    const input = await readBody(c, putRoute)
    const stored = await deps.store.transaction(async (tx) => {
      await tx.updateNotificationSettings({ userId: user.id, ...input })
      return tx.getNotificationSettings(user.id)
    })
    return c.json(answer(stored))
  })
  return routes
}
