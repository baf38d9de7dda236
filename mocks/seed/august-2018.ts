import type { Issue } from '../../src/domain/issue'
import { mediaVariantNames, type Media } from '../../src/domain/media'
import type { Publication } from '../../src/domain/publication'
import { docFromParagraphs } from '../../src/domain/rich-text'
import type { User } from '../../src/domain/user'
import { initialPublication } from '../../src/server/initial-publication'
import type { StoredArticle } from '../../src/server/store'
import { variantBytesKey, type MediaBytes, type MemoryState } from '../memory-store'
import type { ImagePort, ImageVariant, MadeVariants } from '../../src/server/image-port'
import { august2018Articles } from './august-2018-articles'
import { placeholderPng } from './placeholder-png'

/** The demo users: Redaktion, Dezernentin and Gestaltung. */
export const seedUsers: User[] = [
  { id: 'frank-ruehling', name: 'Dr. Frank Rühling', role: 'editor' },
  { id: 'sandra-wanzar', name: 'Sandra Wanzar', role: 'head' },
  { id: 'jana-krause', name: 'Jana Krause', role: 'designer' },
]

/** Id of the August 2018 issue in the demo data. */
export const seedIssueId = 'ausgabe-2018-08'

const seededAt = '2018-08-10T08:00:00.000Z'

const publication: Publication = initialPublication(seededAt)

const articles: StoredArticle[] = august2018Articles.map((article) => ({
  id: article.id,
  headline: article.headline,
  body: docFromParagraphs(article.paragraphs),
  photos: article.photos,
  authorId: 'frank-ruehling',
  status: article.photos.every((photo) => photo.alt !== '' || photo.decorative) ? 'ready' : 'draft',
  version: 1,
  createdAt: seededAt,
  updatedAt: seededAt,
  updatedBy: 'frank-ruehling',
}))

const issue: Issue = {
  id: seedIssueId,
  label: 'August 2018',
  // Redaktionsschluss 13. August 2018, 12:00 Uhr in Gera (CEST, UTC+2)
  deadline: '2018-08-13T10:00:00.000Z',
  plannedSendDate: '2018-08-15',
  articleIds: articles.map((article) => article.id),
  status: 'draft',
  approval: null,
  withdrawnApproval: null,
  changeRequest: null,
  lastChangeRequest: null,
  sentThroughRundbrief: false,
  version: 1,
  createdAt: seededAt,
  updatedAt: seededAt,
}

const photoSize = { width: 960, height: 640 }
const photoIds = august2018Articles.flatMap((article) =>
  article.photos.map((photo) => photo.mediaId),
)

const media: Media[] = photoIds.map((id) => ({
  id,
  fileName: `${id}.png`,
  mimeType: 'image/png',
  byteSize: 0,
  ...photoSize,
  url: `/api/media/${id}/file`,
  createdAt: seededAt,
  variants: [],
}))

/** The demo data: the August 2018 issue verbatim, its Impressum, and the three users. */
export function createSeedState(): MemoryState {
  return structuredClone({
    users: seedUsers,
    sessions: [],
    publication,
    issues: [issue],
    articles,
    media,
    auditEvents: [
      {
        id: 'audit-seed-1',
        at: seededAt,
        actorId: 'frank-ruehling',
        action: 'issue.created',
        resourceType: 'issue',
        resourceId: seedIssueId,
        detail: null,
      },
    ],
  })
}

let placeholders: Promise<MediaBytes> | null = null
/** The placeholders' variants, made once per image port (sharp in Node, canvas in the browser). */
const madeVariants = new WeakMap<ImagePort, Promise<Map<string, MadeVariants>>>()

async function generatePlaceholders(): Promise<MediaBytes> {
  const bytes: MediaBytes = new Map()
  for (const [index, id] of photoIds.entries()) {
    bytes.set(id, await placeholderPng(photoSize.width, photoSize.height, index * 110 + 20))
  }
  return bytes
}

/** The variants a photo already has in the demo data, by photo id (all of them, or none). */
export type VariantsMadeBefore = (mediaId: string) => readonly ImageVariant[]

async function makeSeedVariants(
  images: ImagePort,
  madeBefore: VariantsMadeBefore | undefined,
): Promise<Map<string, MadeVariants>> {
  placeholders ??= generatePlaceholders()
  const made = new Map<string, MadeVariants>()
  for (const [id, png] of await placeholders) {
    const before = madeBefore?.(id) ?? []
    const complete = mediaVariantNames.every((name) => before.some((item) => item.name === name))
    made.set(
      id,
      complete
        ? { ...photoSize, variants: [...before] }
        : await images.makeVariants(png, 'image/png'),
    )
  }
  return made
}

/**
 * The neutral placeholder photos and their variants (generated once per process); fills in their
 * byte sizes and the variants in `state`.
 */
export async function createSeedMedia(
  state: MemoryState,
  images: ImagePort,
  madeBefore?: VariantsMadeBefore,
): Promise<MediaBytes> {
  placeholders ??= generatePlaceholders()
  const bytes = new Map(await placeholders)
  let variants = madeVariants.get(images)
  if (!variants) {
    variants = makeSeedVariants(images, madeBefore)
    madeVariants.set(images, variants)
  }
  const made = await variants
  state.mediaVariants = []
  for (const entry of state.media) {
    entry.byteSize = bytes.get(entry.id)?.byteLength ?? entry.byteSize
    for (const { bytes: data, ...variant } of made.get(entry.id)?.variants ?? []) {
      state.mediaVariants.push({ mediaId: entry.id, ...variant, byteSize: data.byteLength })
      bytes.set(variantBytesKey(entry.id, variant.name), data)
    }
  }
  return bytes
}
