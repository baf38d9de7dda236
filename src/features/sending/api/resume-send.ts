import { useSendStep } from './use-send-step'

/** POST /sends/:id/resume: "Fortsetzen" of a held send. */
export function useResumeSend(sendId: string, issueId: string) {
  return useSendStep(sendId, issueId, (backend, id) => backend.resumeSend(id))
}
