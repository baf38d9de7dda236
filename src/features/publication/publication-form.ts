import { fieldErrors } from '../../domain/field-errors'
import {
  updatePublicationInputSchema,
  type Publication,
  type UpdatePublicationInput,
} from '../../domain/publication'

/** A field of the form, named by its dotted path in `UpdatePublicationInput` (as field errors are). */
export type PublicationFieldName =
  | 'title'
  | 'subtitle'
  | 'impressum.publisher'
  | 'impressum.department'
  | 'impressum.street'
  | 'impressum.postalCodeCity'
  | 'impressum.phone'
  | 'impressum.email'
  | 'impressum.editorialStaff'
  | 'impressum.responsibleName'
  | 'impressum.responsibleFunction'
  | 'unsubscribeText'
  | 'articleWordLimit'

/** What the form holds: every field as the input gives it, the word limit as typed. */
export type PublicationFormValues = Record<PublicationFieldName, string>

export function publicationFormValues(publication: Publication): PublicationFormValues {
  const { impressum } = publication
  return {
    title: publication.title,
    subtitle: publication.subtitle,
    'impressum.publisher': impressum.publisher,
    'impressum.department': impressum.department,
    'impressum.street': impressum.street,
    'impressum.postalCodeCity': impressum.postalCodeCity,
    'impressum.phone': impressum.phone,
    'impressum.email': impressum.email,
    'impressum.editorialStaff': impressum.editorialStaff,
    'impressum.responsibleName': impressum.responsibleName,
    'impressum.responsibleFunction': impressum.responsibleFunction,
    unsubscribeText: publication.unsubscribeText,
    articleWordLimit: String(publication.articleWordLimit),
  }
}

/** The word limit as a number; an empty or non-numeric entry is NaN, which the schema refuses. */
function wordLimit(typed: string): number {
  return typed.trim() === '' ? Number.NaN : Number(typed.trim())
}

/** The form's values parsed by the domain schema, or German errors keyed by field name. */
export function parsePublicationForm(
  values: PublicationFormValues,
  version: number,
):
  | { success: true; data: UpdatePublicationInput }
  | { success: false; errors: Record<string, string> } {
  const result = updatePublicationInputSchema.safeParse(
    {
      version,
      title: values.title,
      subtitle: values.subtitle,
      impressum: {
        publisher: values['impressum.publisher'],
        department: values['impressum.department'],
        street: values['impressum.street'],
        postalCodeCity: values['impressum.postalCodeCity'],
        phone: values['impressum.phone'],
        email: values['impressum.email'].trim(),
        editorialStaff: values['impressum.editorialStaff'],
        responsibleName: values['impressum.responsibleName'],
        responsibleFunction: values['impressum.responsibleFunction'],
      },
      unsubscribeText: values.unsubscribeText,
      articleWordLimit: wordLimit(values.articleWordLimit),
    },
    { reportInput: true },
  )
  return result.success
    ? { success: true, data: result.data }
    : { success: false, errors: fieldErrors(result.error.issues) }
}
