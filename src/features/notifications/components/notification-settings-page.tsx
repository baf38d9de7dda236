import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { errorMessage } from '../../../backend/api-error'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import type {
  NotificationSettings,
  NotificationSettingsInput,
} from '../../../domain/notification-settings'
import { useNotificationSettings, useSaveNotificationSettings } from '../api/notification-settings'
import styles from './notification-settings-page.module.css'

/** Why the e-mail switch cannot take effect, or where the e-mails go. */
function emailHint(settings: NotificationSettings): string {
  if (!settings.mailAvailable)
    return 'Dieser Server sendet keine E-Mails; Benachrichtigungen gibt es nur hier in Rundbrief.'
  if (!settings.email)
    return 'Für Sie ist keine E-Mail-Adresse hinterlegt. Die Verwaltung kann sie eintragen.'
  return `An ${settings.email}, mit einem Link zur Stelle in Rundbrief.`
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const [draft, setDraft] = useState<NotificationSettingsInput>({
    emailEnabled: settings.emailEnabled,
    remindersEnabled: settings.remindersEnabled,
  })
  const save = useSaveNotificationSettings()
  const saved = useRef<HTMLParagraphElement>(null)
  const emailHintId = useId()
  const reminderHintId = useId()
  const emailPossible = settings.mailAvailable && settings.email !== null
  useEffect(() => {
    if (save.isSuccess) saved.current?.focus()
  }, [save.isSuccess])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(draft)
  }
  const change = (next: Partial<NotificationSettingsInput>) => {
    save.reset()
    setDraft({ ...draft, ...next })
  }

  return (
    <form onSubmit={submit} className={styles.form}>
      <fieldset className="field">
        <legend>E-Mail</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={emailPossible && draft.emailEnabled}
            disabled={!emailPossible}
            aria-describedby={emailHintId}
            onChange={(event) => change({ emailEnabled: event.target.checked })}
          />
          Benachrichtigungen auch per E-Mail
        </label>
        <p id={emailHintId} className="hint">
          {emailHint(settings)}
        </p>
      </fieldset>
      <fieldset className="field">
        <legend>Erinnerungen</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.remindersEnabled}
            aria-describedby={reminderHintId}
            onChange={(event) => change({ remindersEnabled: event.target.checked })}
          />
          Erinnerungen vor dem Redaktionsschluss
        </label>
        <p id={reminderHintId} className="hint">
          3 Tage und 1 Tag vorher, zur Uhrzeit des Redaktionsschlusses: an Autorinnen und Autoren
          nicht fertiger Beiträge und an die Redaktion, solange die Ausgabe nicht eingereicht ist.
        </p>
      </fieldset>
      {save.isError && (
        <p role="alert" className="field-error">
          Nicht gespeichert. {errorMessage(save.error)}
        </p>
      )}
      {save.isSuccess && (
        <p ref={saved} tabIndex={-1} className="notice" role="status">
          Gespeichert.
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Wird gespeichert …' : 'Speichern'}
        </button>
      </div>
    </form>
  )
}

/** "Benachrichtigungen einstellen": e-mail and reminders on or off for oneself. */
export function NotificationSettingsPage() {
  const settings = useNotificationSettings()
  return (
    <>
      <title>Benachrichtigungen einstellen – Rundbrief</title>
      <h1>Benachrichtigungen einstellen</h1>
      <p className="hint">
        Alle Benachrichtigungen erscheinen oben unter „Benachrichtigungen“. Hier legen Sie fest, ob
        sie auch per E-Mail kommen und ob Sie an den Redaktionsschluss erinnert werden.
      </p>
      {settings.isPending ? (
        <Loading />
      ) : !settings.data ? (
        <ErrorState message={errorMessage(settings.error)} onRetry={() => settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  )
}
