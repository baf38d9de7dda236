import { useParams } from 'react-router'
import { SendPage } from '../../features/sending/components/send-page'

/** Loaded lazily: the progress of an issue's send. */
export default function SendRoute() {
  const { issueId = '' } = useParams()
  return <SendPage key={issueId} issueId={issueId} />
}
