import { z } from 'zod'
import { archiveListSchema, issueArchiveSchema } from '../domain/archive'
import { notificationListSchema } from '../domain/notification'
import {
  commentDeletionResultSchema,
  commentThreadSchema,
  createCommentThreadResultSchema,
  openCommentCountsSchema,
} from '../domain/comment'
import { notificationSettingsSchema } from '../domain/notification-settings'
import { articleSchema } from '../domain/article'
import { auditEventSchema } from '../domain/audit-event'
import { issueSchema } from '../domain/issue'
import { mediaSchema } from '../domain/media'
import { publicationNameSchema, publicationSchema } from '../domain/publication'
import {
  confirmationResultSchema,
  outboxSchema,
  recipientImportResultSchema,
  sendPreviewSchema,
  sendProgressSchema,
  sendsSchema,
  subscribeResultSchema,
  subscriptionInfoSchema,
  testSendResultSchema,
  unsubscribeInfoSchema,
} from '../domain/sending'
import { subscriberSchema } from '../domain/subscriber'
import { trashedArticleSchema } from '../domain/trash'
import { articleVersionSchema, articleVersionSummarySchema } from '../domain/article-versions'
import { userSchema } from '../domain/user'

// Every parse in the browser happens after this module ran: it loads with the backend's first
// answer (see `createHttpBackend`), and each form the app shows sits behind such an answer.
z.config(z.locales.de())

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() })

export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  current: z.unknown().optional(),
})
/** An RFC 9457 problem document as the contract sends it. */
export type Problem = z.infer<typeof problemSchema>

/**
 * What each answer of the contract is parsed with. zod and the domain schemas are a chunk of
 * their own: the first screen shows without them, they load while its first request is under way.
 */
export const responseSchemas = {
  problem: problemSchema,
  signInMethod: z.object({ method: z.enum(['demo', 'password']) }),
  session: z.object({ token: z.string().min(1), user: userSchema }),
  cookieSession: z.object({ user: userSchema, csrfToken: z.string().min(1) }),
  currentSession: z.object({ user: userSchema, csrfToken: z.string().min(1).optional() }),
  users: z.array(userSchema),
  publication: publicationSchema,
  publicationName: publicationNameSchema,
  issue: issueSchema,
  issues: z.array(issueSchema),
  issueHistory: z.array(auditEventSchema),
  article: articleSchema,
  articles: z.array(articleSchema),
  trash: z.array(trashedArticleSchema),
  articleVersions: z.array(articleVersionSummarySchema),
  articleVersion: articleVersionSchema,
  media: mediaSchema,
  recipient: subscriberSchema,
  recipients: z.array(subscriberSchema),
  recipientImport: recipientImportResultSchema,
  subscriptionInfo: subscriptionInfoSchema,
  subscribeResult: subscribeResultSchema,
  confirmationResult: confirmationResultSchema,
  unsubscribeInfo: unsubscribeInfoSchema,
  testSendResult: testSendResultSchema,
  sendPreview: sendPreviewSchema,
  sendProgress: sendProgressSchema,
  sends: sendsSchema,
  outbox: outboxSchema,
  archiveList: archiveListSchema,
  commentThread: commentThreadSchema,
  commentThreads: z.array(commentThreadSchema),
  createdCommentThread: createCommentThreadResultSchema,
  commentDeletion: commentDeletionResultSchema,
  openCommentCounts: openCommentCountsSchema,
  notificationList: notificationListSchema,
  notificationSettings: notificationSettingsSchema,
  issueArchive: issueArchiveSchema,
  issueArchiveOrNone: issueArchiveSchema.nullable(),
}
export type ResponseSchemas = typeof responseSchemas
