import { Link } from 'react-router'
import { errorMessage } from '../../../backend/api-error'
import { usePublication } from '../../../backend/queries/get-publication'
import { ErrorState, Loading } from '../../../components/ui/query-state'
import { can, permissionDeniedMessage } from '../../../domain/permissions'
import { useCurrentUser } from '../../../lib/session'
import { PublicationSettingsForm } from './publication-settings-form'

/** "Kopf und Impressum": the newsletter's settings besides the layout, for every issue to come. */
export function PublicationSettingsPage() {
  const publication = usePublication()
  const user = useCurrentUser()
  const editable = can(user.role, 'publication.edit')
  return (
    <>
      <title>Kopf und Impressum – Rundbrief</title>
      <p className="breadcrumb">
        <Link to="/ausgaben">Ausgaben</Link>
      </p>
      <h1>Kopf und Impressum</h1>
      <p>
        Titel, Untertitel, Impressum und Abmeldehinweis stehen in jeder Ausgabe. Eine Ausgabe, die
        schon freigegeben ist, geht mit den Einstellungen hinaus, die bei ihrer Freigabe galten:
        Änderungen hier erreichen sie erst, wenn sie wieder geöffnet und erneut freigegeben wird.
        Versendete Ausgaben und ihre Archivseiten bleiben, wie sie versendet wurden. Das Layout
        (Farbe, Schriften, Fotos, Logo) stellt die Gestaltung in der Vorschau einer Ausgabe ein.
      </p>
      {!editable && <p className="notice">{permissionDeniedMessage('publication.edit')}</p>}
      {publication.isPending ? (
        <Loading />
      ) : !publication.data ? (
        <ErrorState
          message={errorMessage(publication.error)}
          onRetry={() => publication.refetch()}
        />
      ) : (
        <PublicationSettingsForm
          // read-only, it shows the stored settings; editable, it keeps what is typed until saved
          key={editable ? 'editable' : publication.data.version}
          publication={publication.data}
          editable={editable}
        />
      )}
    </>
  )
}
