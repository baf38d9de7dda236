import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../../../backend/api-error'
import { ConfirmDialog } from '../../../components/ui/confirm-dialog'
import { FormActions } from '../../../components/ui/form-actions'
import { fieldErrors } from '../../../domain/field-errors'
import { addRecipientInputSchema, type AddRecipientInput } from '../../../domain/sending'
import { maxSubscriberNameLength, type Subscriber } from '../../../domain/subscriber'
import { isErasedAddressError, useAddRecipient } from '../api/add-recipient'
import styles from './add-recipient-form.module.css'

type Field = 'email' | 'name' | 'organisation'

const fields: { name: Field; label: string; type: string; autoComplete: string }[] = [
  { name: 'email', label: 'E-Mail-Adresse', type: 'email', autoComplete: 'off' },
  { name: 'name', label: 'Name (freiwillig)', type: 'text', autoComplete: 'off' },
  { name: 'organisation', label: 'Organisation (freiwillig)', type: 'text', autoComplete: 'off' },
]

interface AddRecipientFormProps {
  onAdded: (recipient: Subscriber) => void
  onCancel: () => void
}

/**
 * "Empfänger hinzufügen": one address with optional name and organisation. An address that was
 * erased before is only added again after the person confirms that this is intended.
 */
export function AddRecipientForm({ onAdded, onCancel }: AddRecipientFormProps) {
  const add = useAddRecipient()
  const [values, setValues] = useState<Record<Field, string>>({
    email: '',
    name: '',
    organisation: '',
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [erased, setErased] = useState<AddRecipientInput | null>(null)

  const send = (input: AddRecipientInput) =>
    add.mutate(input, {
      onSuccess: (recipient) => {
        setErased(null)
        onAdded(recipient)
      },
      onError: (error) => {
        if (isErasedAddressError(error) && !input.readdErased) setErased(input)
        else if (error instanceof ApiError) setErrors(error.fieldErrors)
      },
    })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = addRecipientInputSchema.safeParse(values, { reportInput: true })
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues))
    if (parsed.success) send(parsed.data)
  }

  const hasFieldErrors = Object.keys(errors).length > 0
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="add-recipient-heading">
      <h2 id="add-recipient-heading">Empfänger hinzufügen</h2>
      <p className="hint">
        Tragen Sie nur Adressen ein, deren Inhaberinnen und Inhaber dem Empfang zugestimmt haben.
      </p>
      <div className={styles.fields}>
        {fields.map((field, index) => (
          <div className="field" key={field.name}>
            <label htmlFor={`add-recipient-${field.name}`}>{field.label}</label>
            <input
              id={`add-recipient-${field.name}`}
              type={field.type}
              autoComplete={field.autoComplete}
              autoFocus={index === 0}
              value={values[field.name]}
              maxLength={field.name === 'email' ? undefined : maxSubscriberNameLength}
              aria-invalid={errors[field.name] ? true : undefined}
              aria-describedby={
                errors[field.name] ? `add-recipient-${field.name}-error` : undefined
              }
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
            />
            {errors[field.name] && (
              <p id={`add-recipient-${field.name}-error`} className="field-error">
                {errors[field.name]}
              </p>
            )}
          </div>
        ))}
      </div>
      {hasFieldErrors && (
        <p className="field-error" role="alert">
          Bitte prüfen Sie die markierten Felder.
        </p>
      )}
      {add.isError && !hasFieldErrors && !erased && (
        <p className="field-error" role="alert">
          {errorMessage(add.error)}
        </p>
      )}
      <FormActions submitLabel="Hinzufügen" busy={add.isPending} onCancel={onCancel} />
      {erased && (
        <ConfirmDialog
          title="Gelöschte Adresse wieder eintragen?"
          confirmLabel="Trotzdem eintragen"
          confirmClassName="button-primary"
          busy={add.isPending}
          error={
            isErasedAddressError(add.error) ? null : add.isError ? errorMessage(add.error) : null
          }
          onCancel={() => setErased(null)}
          onConfirm={() => send({ ...erased, readdErased: true })}
        >
          <p>
            {erased.email} wurde früher aus der Empfängerliste gelöscht und steht auf der
            Sperrliste. Tragen Sie die Adresse nur wieder ein, wenn die Person dem Empfang erneut
            zugestimmt hat.
          </p>
        </ConfirmDialog>
      )}
    </form>
  )
}
