/** The time zone every date in Rundbrief is shown and entered in. */
export const timeZone = 'Europe/Berlin'

const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const dateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const timeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone,
  hour: '2-digit',
  minute: '2-digit',
})
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function berlinWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(instant).map((part) => [part.type, part.value]),
  ) as Record<string, string>
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

function wallClockAsUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second)
}

/** "13. August 2018, 12:00 Uhr" for an ISO instant. */
export function formatBerlinDateTime(iso: string): string {
  const parts = dateTimeFormat.formatToParts(new Date(iso))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? ''
  return `${get('day')}. ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')} Uhr`
}

/** "13. August 2018" for an ISO instant or a calendar date (YYYY-MM-DD). */
export function formatBerlinDate(isoOrDate: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)
    ? new Date(`${isoOrDate}T12:00:00Z`)
    : new Date(isoOrDate)
  return dateFormat.format(instant)
}

/** Converts a Berlin wall-clock time ("2018-08-13T12:00") to an ISO instant in UTC. */
export function berlinLocalToIso(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match) throw new RangeError(`Ungültige Ortszeit: ${local}`)
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0] = match.slice(1).map(Number)
  const wanted = Date.UTC(year, month - 1, day, hour, minute)
  let guess = wanted
  for (let i = 0; i < 2; i++) {
    const offset = wallClockAsUtc(berlinWallClock(new Date(guess))) - guess
    guess = wanted - offset
  }
  return new Date(guess).toISOString()
}

/** The Berlin wall-clock time of an instant as "YYYY-MM-DDTHH:mm", for datetime-local fields. */
export function isoToBerlinLocal(iso: string): string {
  const clock = berlinWallClock(new Date(iso))
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`
}

/** The Berlin calendar date of an instant as "YYYY-MM-DD". */
export function berlinDate(iso: string): string {
  return isoToBerlinLocal(iso).slice(0, 10)
}

function berlinDayNumber(instant: Date): number {
  const clock = berlinWallClock(instant)
  return Date.UTC(clock.year, clock.month - 1, clock.day) / 86_400_000
}

/** How much time is left until a Redaktionsschluss, as shown next to the deadline. */
export interface TimeLeft {
  overdue: boolean
  /** Fewer than 24 hours left (and not overdue). */
  urgent: boolean
  label: string
}

/** "überfällig", "heute 12:00", "morgen 12:00", "noch 3 Tage" — computed in Europe/Berlin. */
export function timeLeft(deadlineIso: string, now: Date): TimeLeft {
  const deadline = new Date(deadlineIso)
  const remaining = deadline.getTime() - now.getTime()
  if (remaining <= 0) return { overdue: true, urgent: false, label: 'überfällig' }
  const days = berlinDayNumber(deadline) - berlinDayNumber(now)
  const urgent = remaining < 86_400_000
  const time = timeFormat.format(deadline)
  if (days === 0) return { overdue: false, urgent, label: `heute ${time}` }
  if (days === 1) return { overdue: false, urgent, label: `morgen ${time}` }
  return { overdue: false, urgent, label: `noch ${days} Tage` }
}
