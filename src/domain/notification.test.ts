import { describe, expect, it } from 'vitest'
import {
  commentNotificationLink,
  notificationLink,
  notificationRecipientRole,
  notificationText,
} from './notification'

describe('Benachrichtigungen', () => {
  it('sagt auf Deutsch, wer was mit welcher Ausgabe getan hat', () => {
    expect(notificationText('issue_approved', 'Sandra Wanzar', 'August 2018')).toBe(
      'Sandra Wanzar hat „August 2018“ freigegeben',
    )
    expect(notificationText('issue_submitted', 'Dr. Frank Rühling', 'September 2018')).toBe(
      'Dr. Frank Rühling hat „September 2018“ zur Freigabe eingereicht',
    )
    expect(notificationText('changes_requested', 'Sandra Wanzar', 'August 2018')).toBe(
      'Sandra Wanzar hat „August 2018“ zur Überarbeitung zurückgegeben',
    )
  })

  it('sagt, wer in welchem Beitrag erwähnt oder geantwortet hat, und öffnet das Gespräch', () => {
    expect(notificationText('comment_mention', 'Sandra Wanzar', 'Behördennetzwerk')).toBe(
      'Sandra Wanzar hat Sie in „Behördennetzwerk“ erwähnt',
    )
    expect(notificationText('comment_reply', 'Jana Krause', 'Behördennetzwerk')).toBe(
      'Jana Krause hat auf einen Kommentar in „Behördennetzwerk“ geantwortet',
    )
    expect(commentNotificationLink('beitrag-03', 'faden 1')).toBe(
      '/beitraege/beitrag-03?kommentar=faden%201',
    )
  })

  it('meldet das Einreichen der Dezernentin, Freigabe und Rückgabe der Redaktion', () => {
    expect(notificationRecipientRole('issue_submitted')).toBe('head')
    expect(notificationRecipientRole('issue_approved')).toBe('editor')
    expect(notificationRecipientRole('changes_requested')).toBe('editor')
  })

  it('führt zur Seite der Ausgabe', () => {
    expect(notificationLink('ausgabe-2018-08')).toBe('/ausgaben/ausgabe-2018-08')
  })
})
