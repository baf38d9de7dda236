import { useParams } from 'react-router'
import { ArticleEditorPage } from '../../features/articles/components/article-editor-page'

/** Loaded lazily: the article route will carry the editor. */
export default function ArticleRoute() {
  const { articleId = '' } = useParams()
  return <ArticleEditorPage key={articleId} articleId={articleId} />
}
