import { z } from 'zod'
import { cleanString, idSchema, versionSchema } from './clean-text'
import { deliveryStatusSchema, sendStatusSchema } from './delivery'
import {
  emailAddressSchema,
  maxSubscriberNameLength,
  subscriberInputSchema,
  subscriberStatusSchema,
} from './subscriber'

/*
 * The contract of the Versand: recipients, the public subscription (double opt-in), test sends,
 * sends of an approved issue and their progress, and the demo's Postausgang. The schemas are
 * used by the handler (input), the HTTP backend (answers) and the forms.
 */

// ---------------------------------------------------------------- recipients

export const recipientQuerySchema = z.object({
  q: z.string().optional(),
  status: subscriberStatusSchema.optional(),
})
export type RecipientQuery = z.infer<typeof recipientQuerySchema>

export const addRecipientInputSchema = subscriberInputSchema.extend({
  /**
   * The address was erased before and stands on the suppression list: adding it again by hand
   * needs this, so that nobody re-adds an erased address by accident.
   */
  readdErased: z.boolean().default(false),
})
export type AddRecipientInput = z.input<typeof addRecipientInputSchema>

/** Largest CSV file an import accepts (20,000 rows fit comfortably). */
export const maxImportBytes = 1_500_000

export const recipientImportInputSchema = z.object({
  /** The file's bytes, base64: the encoding (UTF-8 or Windows-1252) is detected on the server. */
  file: z
    .base64({ message: 'Die Datei konnte nicht gelesen werden.' })
    .max(Math.ceil(maxImportBytes / 3) * 4, {
      message: `Die Datei ist zu groß (höchstens ${maxImportBytes / 1_000_000} MB).`,
    }),
  /** false: only check and preview; true: store, and only when no row has an error. */
  commit: z.boolean(),
})
export type RecipientImportInput = z.infer<typeof recipientImportInputSchema>

export const recipientImportResultSchema = z.object({
  encoding: z.enum(['UTF-8', 'Windows-1252']),
  delimiter: z.enum([';', ',']),
  /** Valid distinct addresses in the file. */
  rows: z.int().nonnegative(),
  /** New addresses that the import adds (or added). */
  added: z.int().nonnegative(),
  /** Addresses already in the list: left as they are (an unsubscribed one stays unsubscribed). */
  alreadyPresent: z.int().nonnegative(),
  /** Erased addresses (suppression list): not imported. */
  suppressed: z.int().nonnegative(),
  /** Rows whose address appeared before in the file. */
  mergedDuplicates: z.int().nonnegative(),
  errors: z.array(z.object({ line: z.int().positive(), message: z.string() })),
  /** The first rows as they would be stored. */
  preview: z.array(
    z.object({
      email: z.string(),
      name: z.string(),
      organisation: z.string(),
      outcome: z.enum(['added', 'alreadyPresent', 'suppressed']),
    }),
  ),
  committed: z.boolean(),
})
export type RecipientImportResult = z.infer<typeof recipientImportResultSchema>

/** Rows of the import preview shown and returned. */
export const importPreviewRows = 20

// ---------------------------------------------------------------- subscription (public)

/**
 * The consent text of the public sign-up, versioned: each subscriber keeps the version they
 * agreed to. A changed text gets a new version.
 */
export const consent = {
  version: '2026-12-01',
  text:
    'Ich möchte den Newsletter „Kommunale Sozialplanung und Integrationsmanagement – Nachrichten ' +
    'aus dem Dezernat Soziales“ der Stadt Gera per E-Mail erhalten. Meine E-Mail-Adresse (und ' +
    'mein Name, wenn ich ihn angebe) werden nur dafür gespeichert. Ich kann mich jederzeit über ' +
    'den Link in jeder Ausgabe abmelden; dann wird nichts mehr gesendet.',
} as const

export const subscriptionInfoSchema = z.object({
  consentVersion: z.string(),
  consentText: z.string(),
  /** false: no mail server is configured, so no confirmation can be sent. */
  available: z.boolean(),
  /** Why sign-up is not possible now (German), when `available` is false. */
  unavailableReason: z.string().nullable(),
})
export type SubscriptionInfo = z.infer<typeof subscriptionInfoSchema>

export const subscribeInputSchema = z.object({
  email: emailAddressSchema,
  name: cleanString()
    .trim()
    .max(maxSubscriberNameLength, {
      message: `Der Name darf höchstens ${maxSubscriberNameLength} Zeichen lang sein.`,
    })
    .default(''),
  consent: z.literal(true, {
    message: 'Bitte stimmen Sie zu, damit wir Ihnen den Newsletter senden dürfen.',
  }),
  consentVersion: cleanString().min(1).max(50),
})
export type SubscribeInput = z.input<typeof subscribeInputSchema>

/** Always the same answer, whether the address is new, waiting or subscribed already. */
export const subscribeResultSchema = z.object({ message: z.string() })

export const subscriptionTokenInputSchema = z.object({
  token: cleanString()
    .min(1, { message: 'Der Link ist unvollständig.' })
    .max(500, { message: 'Der Link ist ungültig.' }),
})

export const confirmationResultSchema = z.object({ email: z.string() })

export const unsubscribeInfoSchema = z.object({
  email: z.string(),
  /** `unsubscribed`: nothing more is sent (also when the address was erased meanwhile). */
  status: z.enum(['subscribed', 'unsubscribed']),
})
export type UnsubscribeInfo = z.infer<typeof unsubscribeInfoSchema>

// ---------------------------------------------------------------- test send and send

/**
 * What stands in a Testversand's unsubscribe link (`/abmelden/testversand`): a test goes to
 * colleagues, not to recipients, so there is nobody to unsubscribe; the page says so.
 */
export const testSendUnsubscribeToken = 'testversand'

/** Most addresses a Testversand goes to. */
export const maxTestAddresses = 5

export const testSendInputSchema = z.object({
  addresses: z
    .array(emailAddressSchema)
    .min(1, { message: 'Bitte mindestens eine E-Mail-Adresse angeben.' })
    .max(maxTestAddresses, {
      message: `Ein Testversand geht an höchstens ${maxTestAddresses} Adressen.`,
    }),
})
export type TestSendInput = z.input<typeof testSendInputSchema>

export const testSendResultSchema = z.object({
  subject: z.string(),
  sentTo: z.array(z.string()),
  failed: z.array(z.object({ email: z.string(), reason: z.string() })),
})
export type TestSendResult = z.infer<typeof testSendResultSchema>

/** What the confirmation of "Jetzt versenden" / "Versand planen" shows. */
export const sendPreviewSchema = z.object({
  subject: z.string(),
  from: z.string(),
  recipientCount: z.int().nonnegative(),
  /** Why the issue cannot be sent now (German), or null. */
  blocker: z.string().nullable(),
  /** The approval's fingerprint that a send must name (null: not approved). */
  fingerprint: z.string().nullable(),
})
export type SendPreview = z.infer<typeof sendPreviewSchema>

export const startSendInputSchema = z.object({
  version: versionSchema(),
  /** The approval fingerprint the person saw in the confirmation: 409 when it no longer holds. */
  fingerprint: cleanString().min(1).max(200),
  /** When to send (null: now); a time in the past means now. */
  scheduledAt: z.iso
    .datetime({ offset: true, message: 'Bitte einen gültigen Zeitpunkt angeben.' })
    .nullable()
    .default(null),
})
export type StartSendInput = z.input<typeof startSendInputSchema>

export const deliveryCountsSchema = z.record(deliveryStatusSchema, z.int().nonnegative())

export const sendSummarySchema = z.object({
  id: idSchema(),
  issueId: idSchema(),
  status: sendStatusSchema,
  scheduledAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  createdBy: idSchema(),
  finishedAt: z.iso.datetime().nullable(),
  subject: z.string(),
  from: z.string(),
  counts: deliveryCountsSchema,
  total: z.int().nonnegative(),
})
export type SendSummary = z.infer<typeof sendSummarySchema>

/** Failed addresses listed on the send page (the rest is counted). */
export const maxListedFailures = 500

export const sendProgressSchema = sendSummarySchema.extend({
  failures: z.array(
    z.object({ email: z.string(), status: deliveryStatusSchema, reason: z.string() }),
  ),
})
export type SendProgress = z.infer<typeof sendProgressSchema>

export const sendsSchema = z.array(sendSummarySchema)

export const outboxMessageSchema = z.object({
  id: idSchema(),
  at: z.iso.datetime(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()),
})
export type OutboxMessage = z.infer<typeof outboxMessageSchema>
export const outboxSchema = z.array(outboxMessageSchema)
