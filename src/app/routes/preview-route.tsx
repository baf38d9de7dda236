import { useParams } from 'react-router'
import { PreviewPage } from '../../features/preview/components/preview-page'

/** Loaded lazily: the preview will carry the renderers. */
export default function PreviewRoute() {
  const { issueId = '' } = useParams()
  return <PreviewPage key={issueId} issueId={issueId} />
}
