import { z } from 'zod'

/**
 * How a person wants to be told (docs/decisions/0016-reminders.md): the in-app bell always;
 * by e-mail too when they have an address and left it on; reminders before a Redaktionsschluss
 * unless they switched them off.
 */
export const notificationSettingsSchema = z.object({
  /** The person's address (set by the administration with `user:add --email`); null: none. */
  email: z.email().nullable(),
  /** "Benachrichtigungen auch per E-Mail" (on by default; takes effect only with an address). */
  emailEnabled: z.boolean(),
  /** Reminders 3 days and 1 day before a Redaktionsschluss. */
  remindersEnabled: z.boolean(),
  /** Whether this server sends mail at all (SMTP_URL); without it e-mail stays off. */
  mailAvailable: z.boolean(),
})
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>

export const notificationSettingsInputSchema = z.object({
  emailEnabled: z.boolean({ message: 'Bitte „an“ oder „aus“ wählen.' }),
  remindersEnabled: z.boolean({ message: 'Bitte „an“ oder „aus“ wählen.' }),
})
export type NotificationSettingsInput = z.infer<typeof notificationSettingsInputSchema>

/** A person's settings as stored (beside their user row). */
export interface StoredNotificationSettings {
  userId: string
  email: string | null
  emailEnabled: boolean
  remindersEnabled: boolean
}

/** Whether a notification also goes out by e-mail to this person. */
export const wantsEmail = (
  settings: StoredNotificationSettings,
): settings is StoredNotificationSettings & { email: string } =>
  settings.email !== null && settings.emailEnabled

/** The app page with these settings (also linked from each notification e-mail). */
export const notificationSettingsPath = '/benachrichtigungen/einstellungen'
