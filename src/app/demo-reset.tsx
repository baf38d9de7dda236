import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { errorMessage } from '../backend/api-error'
import { useDemoControls } from './demo-controls'
import styles from './demo-reset.module.css'

/** "Demo-Daten zurücksetzen" with an explicit confirmation step. */
export function DemoReset() {
  const demo = useDemoControls()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const [state, setState] = useState<
    { kind: 'idle' | 'busy' | 'done' } | { kind: 'error'; message: string }
  >({
    kind: 'idle',
  })
  const openButton = useRef<HTMLButtonElement>(null)
  if (!demo) return null

  const reset = async () => {
    setState({ kind: 'busy' })
    try {
      await demo.resetData()
      await queryClient.invalidateQueries()
      setState({ kind: 'done' })
      setConfirming(false)
      openButton.current?.focus()
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) })
    }
  }

  return (
    <div className={styles.demoReset}>
      {confirming ? (
        <div role="group" aria-labelledby="demo-reset-question" className={styles.confirm}>
          <span id="demo-reset-question">
            Alle Änderungen verwerfen und die Ausgabe August 2018 neu laden?
          </span>
          <button
            type="button"
            className="button button-danger"
            autoFocus
            disabled={state.kind === 'busy'}
            onClick={reset}
          >
            Ja, zurücksetzen
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setConfirming(false)
              openButton.current?.focus()
            }}
          >
            Abbrechen
          </button>
        </div>
      ) : (
        <button
          ref={openButton}
          type="button"
          className="button button-small button-secondary"
          onClick={() => {
            setConfirming(true)
            setState({ kind: 'idle' })
          }}
        >
          Demo-Daten zurücksetzen
        </button>
      )}
      <span role="status" className={styles.status}>
        {state.kind === 'done' && 'Demo-Daten wurden zurückgesetzt.'}
        {state.kind === 'error' && state.message}
      </span>
    </div>
  )
}
