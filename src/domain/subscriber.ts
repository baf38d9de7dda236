import { z } from 'zod'
import { cleanString, idSchema } from './clean-text'

export const subscriberStatusSchema = z.enum(['pending', 'confirmed', 'unsubscribed', 'bounced'])
/** Where a recipient stands: only `confirmed` addresses receive an issue. */
export type SubscriberStatus = z.infer<typeof subscriberStatusSchema>

export const subscriberStatusLabels: Record<SubscriberStatus, string> = {
  pending: 'unbestätigt',
  confirmed: 'bestätigt',
  unsubscribed: 'abgemeldet',
  bounced: 'unzustellbar',
}

/** Longest address SMTP allows in a forward path (RFC 5321, 4.5.3.1.3). */
export const maxEmailLength = 254
export const maxSubscriberNameLength = 200

/**
 * The form in which addresses are compared and stored: trimmed and in lower case. The local part
 * is case-sensitive in theory (RFC 5321), but no mail system the newsletter reaches treats it so,
 * and two entries that differ only in case would mean two copies in one inbox.
 */
export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase()
}

const invalidEmailMessage = 'Bitte eine gültige E-Mail-Adresse angeben (z. B. name@beispiel.de).'

export const emailAddressSchema = cleanString()
  .trim()
  .min(1, { message: 'Bitte eine E-Mail-Adresse angeben.' })
  .max(maxEmailLength, {
    message: `Eine E-Mail-Adresse hat höchstens ${maxEmailLength} Zeichen.`,
  })
  .pipe(z.email({ message: invalidEmailMessage }))
  .transform(normaliseEmail)

const optionalName = (noun: string) =>
  cleanString()
    .trim()
    .max(maxSubscriberNameLength, {
      message: `${noun} darf höchstens ${maxSubscriberNameLength} Zeichen lang sein.`,
    })
    .default('')

export const subscriberInputSchema = z.object({
  email: emailAddressSchema,
  name: optionalName('Der Name'),
  organisation: optionalName('Die Organisation'),
})
/** One recipient as entered by hand or read from a row of an import. */
export type SubscriberInput = z.output<typeof subscriberInputSchema>

export const subscriberSchema = z.object({
  id: idSchema(),
  email: z.string(),
  name: z.string(),
  organisation: z.string(),
  status: subscriberStatusSchema,
  /** Version of the consent text the person agreed to (null: added by the Redaktion). */
  consentVersion: z.string().nullable(),
  requestedAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
  unsubscribedAt: z.iso.datetime().nullable(),
})
export type Subscriber = z.infer<typeof subscriberSchema>
