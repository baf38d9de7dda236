import type { Photo } from '../domain/article'
import { creditLine } from '../domain/photo-credit'
import styles from './photo-figure.module.css'

/** A photo (its file at `src`) with its credit ("Foto: …") and caption below, as in the newsletter. */
export function PhotoFigure({ photo, src }: { photo: Photo; src: string }) {
  return (
    <figure className={styles.photo}>
      <img
        src={src}
        alt={photo.decorative ? '' : photo.alt}
        loading="lazy"
        width={960}
        height={640}
      />
      {(photo.credit || photo.caption) && (
        <figcaption>
          {photo.credit && <span className={styles.credit}>{creditLine(photo.credit)}</span>}
          {photo.caption && <span className={styles.caption}>{photo.caption}</span>}
        </figcaption>
      )}
    </figure>
  )
}
