import type { Problem } from './response-schemas'

const fallbackMessages: Record<number, string> = {
  400: 'Die Anfrage war fehlerhaft.',
  401: 'Bitte melden Sie sich an.',
  403: 'Dafür fehlt Ihnen die Berechtigung.',
  404: 'Das wurde nicht gefunden.',
  409: 'Jemand anderes hat diesen Stand inzwischen geändert.',
  413: 'Die Datei ist zu groß.',
  415: 'Dieser Dateityp ist nicht erlaubt.',
  422: 'Bitte prüfen Sie Ihre Eingaben.',
  429: 'Zu viele Versuche. Bitte warten Sie einen Moment.',
  500: 'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
  502: 'Der Server ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
  503: 'Der Server ist gerade nicht erreichbar.',
  504: 'Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.',
}

/** The backend answered with an error status; `message` is German and meant for the user. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? fallbackMessages[status] ?? `Unerwarteter Fehler (${status}).`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  /** Field errors of a 422 answer, by field path. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries(
      (this.problem.errors ?? []).map((error) => [error.path, error.message]),
    )
  }
}

/** A 409 answer to a versioned write, with the current resource parsed by its schema. */
export class ConflictError<T> extends ApiError {
  constructor(
    problem: Problem,
    readonly current: T | null,
  ) {
    super(409, problem)
    this.name = 'ConflictError'
  }
}

/** The backend could not be reached at all. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('Keine Verbindung zum Server. Bitte prüfen Sie die Netzwerkverbindung.', { cause })
    this.name = 'NetworkError'
  }
}

/** The backend answered, but not in the shape of the contract. */
export class ResponseFormatError extends Error {
  constructor(
    readonly path: string,
    cause?: unknown,
  ) {
    super(
      'Die Antwort des Servers hat ein unerwartetes Format. Bitte versuchen Sie es später erneut.',
      {
        cause,
      },
    )
    this.name = 'ResponseFormatError'
  }
}

/** A German message for any error thrown by the backend adapter or elsewhere. */
export function errorMessage(error: unknown): string {
  const ours =
    error instanceof ApiError ||
    error instanceof NetworkError ||
    error instanceof ResponseFormatError
  if (ours && error.message) return error.message
  return 'Ein unerwarteter Fehler ist aufgetreten.'
}
