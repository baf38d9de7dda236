import { useMutation } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'

/** GET /recipients/export: the list as CSV, fetched when the person asks for the download. */
export function useExportRecipients() {
  const backend = useBackend()
  return useMutation({ mutationFn: () => backend.exportRecipients() })
}
