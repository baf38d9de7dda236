import { defaultLayout, type Publication } from '../domain/publication'

/**
 * The newsletter as the Dezernat Soziales publishes it (title, Impressum, layout): what a new
 * database starts with, and what the demo data uses. The Redaktion can change it later.
 */
export function initialPublication(at: string): Publication {
  return {
    title: 'Kommunale Sozialplanung und Integrationsmanagement',
    subtitle: 'Nachrichten aus dem Dezernat Soziales',
    impressum: {
      publisher: 'Stadt Gera',
      department: 'Dezernat Soziales',
      street: 'Gagarinstraße 99/101',
      postalCodeCity: '07545 Gera',
      phone: '0365/838-3010',
      email: 'jugend.soziales@gera.de',
      editorialStaff: 'Dr. Frank Rühling',
      responsibleName: 'Sandra Wanzar',
      responsibleFunction: 'Dezernentin für Soziales',
    },
    unsubscribeText:
      'Wenn Sie die „Nachrichten aus dem Dezernat Soziales“ nicht mehr erhalten möchten, senden Sie bitte eine E-Mail an: jugend.soziales@gera.de',
    articleWordLimit: 300,
    layout: { ...defaultLayout },
    version: 1,
    updatedAt: at,
  }
}
