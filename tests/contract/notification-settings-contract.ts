import { beforeEach, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/backend'
import type { NotificationSettingsInput } from '../../src/domain/notification-settings'
import { rejection } from './rejection'

export interface NotificationSettingsContext {
  editor: () => Backend
  head: () => Backend
  anonymous: () => Backend
}

/** Each person's switches for e-mail and reminders (docs/decisions/0016-reminders.md). */
export function defineNotificationSettingsContract(context: () => NotificationSettingsContext) {
  let c: NotificationSettingsContext
  beforeEach(() => {
    c = context()
  })

  it('zeigt jeder Person ihre Einstellungen: ohne Adresse, beides an, E-Mail auf diesem Server möglich', async () => {
    expect(await c.editor().getNotificationSettings()).toEqual({
      email: null,
      emailEnabled: true,
      remindersEnabled: true,
      mailAvailable: true,
    })
  })

  it('schaltet E-Mail und Erinnerungen für die eigene Person ab und wieder an, die anderen bleiben', async () => {
    const off = await c.editor().updateNotificationSettings({
      emailEnabled: false,
      remindersEnabled: false,
    })
    expect(off).toMatchObject({ emailEnabled: false, remindersEnabled: false })
    expect(await c.editor().getNotificationSettings()).toEqual(off)
    expect(await c.head().getNotificationSettings()).toMatchObject({
      emailEnabled: true,
      remindersEnabled: true,
    })
    expect(
      await c.editor().updateNotificationSettings({ emailEnabled: true, remindersEnabled: false }),
    ).toMatchObject({ emailEnabled: true, remindersEnabled: false })
  })

  it('lehnt eine unvollständige oder falsche Eingabe mit deutscher Meldung je Feld ab', async () => {
    const error = await rejection(
      c.editor().updateNotificationSettings({
        emailEnabled: 'ja',
      } as unknown as NotificationSettingsInput),
      422,
    )
    expect(error.fieldErrors.emailEnabled).toBe('Bitte „an“ oder „aus“ wählen.')
    expect(error.fieldErrors.remindersEnabled).toBe('Bitte „an“ oder „aus“ wählen.')
    expect((await c.editor().getNotificationSettings()).emailEnabled).toBe(true)
  })

  it('verlangt eine Anmeldung', async () => {
    await rejection(c.anonymous().getNotificationSettings(), 401)
    await rejection(
      c.anonymous().updateNotificationSettings({ emailEnabled: false, remindersEnabled: false }),
      401,
    )
  })
}
