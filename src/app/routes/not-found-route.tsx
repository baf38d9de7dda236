import { Link } from 'react-router'

export function NotFoundRoute() {
  return (
    <>
      <title>Seite nicht gefunden – Rundbrief</title>
      <h1>Seite nicht gefunden</h1>
      <p>
        Diese Adresse gibt es nicht. Zurück zu den <Link to="/ausgaben">Ausgaben</Link>.
      </p>
    </>
  )
}
