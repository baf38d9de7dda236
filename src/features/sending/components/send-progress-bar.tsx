import styles from './sending.module.css'

/** How far a send is, as a bar that assistive technology reads as "7 von 10 Nachrichten …". */
export function SendProgressBar({ done, total }: { done: number; total: number }) {
  const percent = total === 0 ? 100 : Math.round((done / total) * 100)
  return (
    <div className={styles.progress}>
      <span id="send-progress-label" className={styles.progressLabel}>
        Fortschritt
      </span>
      <div
        role="progressbar"
        aria-labelledby="send-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${done} von ${total} Nachrichten bearbeitet (${percent} %)`}
        className={styles.track}
      >
        <div className={styles.bar} style={{ width: `${percent}%` }} />
      </div>
      <span aria-hidden="true" className={styles.percent}>
        {percent} %
      </span>
    </div>
  )
}
