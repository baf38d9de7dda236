import { useSendStep } from './use-send-step'

/** POST /sends/:id/pause: "Anhalten"; messages already handed over still go out. */
export function usePauseSend(sendId: string, issueId: string) {
  return useSendStep(sendId, issueId, (backend, id) => backend.pauseSend(id))
}
