import { useParams } from 'react-router'
import { ArticlePage } from '../../features/articles/components/article-page'

/** Loaded lazily: the article route will carry the editor. */
export default function ArticleRoute() {
  const { articleId = '' } = useParams()
  return <ArticlePage key={articleId} articleId={articleId} />
}
