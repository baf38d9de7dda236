import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { Loading } from '../../../components/ui/query-state'
import tableStyles from '../../../components/ui/table.module.css'
import { maxImportRows } from '../../../domain/recipient-csv'
import { maxImportBytes, type RecipientImportResult } from '../../../domain/sending'
import { bytesToBase64 } from '../../../render/embedded-image'
import { classNames } from '../../../lib/class-names'
import { useImportRecipients } from '../api/import-recipients'
import styles from './recipient-import.module.css'
import { WrappableText } from '../../../components/wrappable-text'

type Outcome = RecipientImportResult['preview'][number]['outcome']

const outcomeLabels: Record<Outcome, string> = {
  added: 'neu',
  alreadyPresent: 'schon vorhanden',
  suppressed: 'gelöscht (gesperrt)',
}

/** Faulty rows listed by line; a file with thousands of them is usually wrong as a whole. */
const listedErrors = 100

const number = (value: number) => value.toLocaleString('de-DE')
const addresses = (count: number) => (count === 1 ? '1 Adresse' : `${number(count)} Adressen`)
const delimiterNames = { ';': 'Semikolon', ',': 'Komma' } as const

interface ChosenFile {
  name: string
  base64: string
}

/**
 * "CSV importieren": the file is checked first and shown as a preview with every faulty row; it
 * is stored only on "Importieren", and only when no row has an error — never half.
 */
export function RecipientImport({ onClose }: { onClose: () => void }) {
  const check = useImportRecipients()
  const commit = useImportRecipients()
  const [file, setFile] = useState<ChosenFile | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const summary = useRef<HTMLDivElement>(null)
  const committed = commit.data?.committed ? commit.data : null
  useEffect(() => {
    if (committed) summary.current?.focus()
  }, [committed])

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target
    const chosen = input.files?.[0]
    // the same file, corrected and chosen again, must count as a new choice
    input.value = ''
    check.reset()
    commit.reset()
    setFile(null)
    setReadError(null)
    if (!chosen) return
    if (chosen.size > maxImportBytes) {
      setReadError(
        `„${chosen.name}“ ist zu groß: höchstens ${(maxImportBytes / 1_000_000).toLocaleString('de-DE')} MB. Bitte teilen Sie die Liste auf mehrere Dateien auf.`,
      )
      return
    }
    let base64: string
    try {
      base64 = bytesToBase64(new Uint8Array(await chosen.arrayBuffer()))
    } catch {
      setReadError(`„${chosen.name}“ konnte nicht gelesen werden.`)
      return
    }
    setFile({ name: chosen.name, base64 })
    check.mutate({ file: base64, commit: false })
  }

  // after a refused commit (the list changed meanwhile) its answer is the current check
  const result = commit.data && !commit.data.committed ? commit.data : check.data
  const importable =
    !committed && file && result && result.errors.length === 0 && result.added > 0
      ? { file, added: result.added }
      : null
  return (
    <section className="panel" aria-labelledby="recipient-import-heading">
      <h2 id="recipient-import-heading">CSV importieren</h2>
      {committed && file ? (
        <div ref={summary} tabIndex={-1} className="notice" role="status">
          <h3>Import abgeschlossen</h3>
          <p>
            Aus „{file.name}“ {committed.added === 1 ? 'ist' : 'sind'} {addresses(committed.added)}{' '}
            neu in der Empfängerliste.
            {committed.alreadyPresent > 0 &&
              ` ${addresses(committed.alreadyPresent)} ${committed.alreadyPresent === 1 ? 'war' : 'waren'} schon vorhanden und ${committed.alreadyPresent === 1 ? 'bleibt' : 'bleiben'} unverändert.`}
            {committed.suppressed > 0 &&
              ` ${addresses(committed.suppressed)} ${committed.suppressed === 1 ? 'steht' : 'stehen'} auf der Sperrliste und ${committed.suppressed === 1 ? 'wurde' : 'wurden'} nicht importiert.`}
          </p>
        </div>
      ) : (
        <>
          <p className="hint" id="recipient-import-hint">
            Eine Zeile je Empfänger: E-Mail-Adresse, dazu freiwillig Name und Organisation, getrennt
            durch Semikolon oder Komma — so, wie Excel „CSV (Trennzeichen-getrennt)“ speichert. Eine
            erste Zeile mit Überschriften („E-Mail;Name;Organisation“) ist erlaubt. Höchstens{' '}
            {number(maxImportRows)} Zeilen. Die Datei wird zuerst nur geprüft.
          </p>
          <div className={classNames('field', styles.fileField)}>
            <label htmlFor="recipient-import-file">CSV-Datei</label>
            <input
              id="recipient-import-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="recipient-import-hint"
              onChange={choose}
            />
          </div>
        </>
      )}
      {readError && (
        <p className="field-error" role="alert">
          {readError}
        </p>
      )}
      {check.isPending && <Loading label="Datei wird geprüft …" />}
      {check.isError && (
        <p className="field-error" role="alert">
          Die Datei konnte nicht geprüft werden. {errorMessage(check.error)}
        </p>
      )}
      {!committed && result && file && <ImportCheck fileName={file.name} result={result} />}
      {commit.isError && (
        <p className="field-error" role="alert">
          Der Import hat nicht geklappt; es wurde nichts gespeichert. {errorMessage(commit.error)}
        </p>
      )}
      <div className={classNames('actions', styles.actions)}>
        {importable && (
          <button
            type="button"
            className="button button-primary"
            disabled={commit.isPending}
            onClick={() => commit.mutate({ file: importable.file.base64, commit: true })}
          >
            {importable.added === 1
              ? '1 Empfänger importieren'
              : `${number(importable.added)} Empfänger importieren`}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {committed ? 'Schließen' : 'Import abbrechen'}
        </button>
      </div>
    </section>
  )
}

interface ImportCheckProps {
  fileName: string
  result: RecipientImportResult
}

/** What the check of a file found: counts, every faulty row, and the first rows as they would be stored. */
function ImportCheck({ fileName, result }: ImportCheckProps) {
  const faulty = result.errors.length
  return (
    <div className={styles.check}>
      <h3>Prüfung von „{fileName}“</h3>
      <p role="status">
        {addresses(result.rows)} gelesen ({result.encoding}, Trennzeichen{' '}
        {delimiterNames[result.delimiter]})
        {faulty > 0 &&
          `, ${faulty === 1 ? '1 fehlerhafte Zeile' : `${number(faulty)} fehlerhafte Zeilen`}`}
        .
      </p>
      <ul className={styles.counts}>
        <li>
          <strong>{number(result.added)}</strong> neu
        </li>
        <li>
          <strong>{number(result.alreadyPresent)}</strong> schon vorhanden
        </li>
        <li>
          <strong>{number(result.suppressed)}</strong> gelöscht (gesperrt)
        </li>
        {result.mergedDuplicates > 0 && (
          <li>
            <strong>{number(result.mergedDuplicates)}</strong> doppelte Zeilen zusammengeführt
          </li>
        )}
      </ul>
      {faulty > 0 && (
        <div className="notice notice-warning">
          <h4>Fehler in der Datei</h4>
          <p>
            Solange eine Zeile fehlerhaft ist, wird nichts importiert. Bitte korrigieren Sie die
            Datei und wählen Sie sie erneut aus.
          </p>
          <ul className={styles.errors} aria-label="Fehlerhafte Zeilen">
            {result.errors.slice(0, listedErrors).map((error) => (
              <li key={`${error.line}-${error.message}`}>
                <strong>Zeile {error.line}:</strong> {error.message}
              </li>
            ))}
          </ul>
          {faulty > listedErrors && (
            <p>
              … und {number(faulty - listedErrors)} weitere fehlerhafte Zeilen. Oft ist die ganze
              Spalte verrutscht: Prüfen Sie Trennzeichen und Spaltenreihenfolge.
            </p>
          )}
        </div>
      )}
      {result.preview.length > 0 && (
        <div className={tableStyles.wrap}>
          <table className={classNames(tableStyles.table, tableStyles.cards)}>
            <caption className={styles.caption}>
              {result.preview.length < result.rows
                ? `Vorschau: die ersten ${number(result.preview.length)} von ${addresses(result.rows)}`
                : `Vorschau: ${addresses(result.rows)}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">E-Mail-Adresse</th>
                <th scope="col">Name</th>
                <th scope="col">Organisation</th>
                <th scope="col">Ergebnis</th>
              </tr>
            </thead>
            <tbody>
              {result.preview.map((row) => (
                <tr key={row.email}>
                  <th scope="row">
                    <WrappableText text={row.email} />
                  </th>
                  <td data-label="Name">{row.name}</td>
                  <td data-label="Organisation">{row.organisation}</td>
                  <td data-label="Ergebnis">{outcomeLabels[row.outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {faulty === 0 && result.added === 0 && (
        <p className="notice">
          Die Datei enthält keine neue Adresse: Es gibt nichts zu importieren.
        </p>
      )}
    </div>
  )
}
