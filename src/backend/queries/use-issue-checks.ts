import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo } from 'react'
import type { Article } from '../../domain/article'
import type { Issue } from '../../domain/issue'
import { issueChecks } from '../../render/issue-checks'
import { useBackend } from '../backend-provider'
import { usePublication } from './get-publication'
import { articlesQueryOptions } from './list-articles'

/**
 * The "Prüfungen" of an issue as the approval runs them, from the cached articles and
 * publication: a saved article invalidates the list, and the checks follow. The e-mail is
 * rendered to measure it, so the inputs are deferred: a change elsewhere on the page (a card
 * moved on the board) renders first, the checks after it. Runs only while `enabled`.
 * With `content` (the board's arrangement while it is being saved) the checks run over these
 * articles in this order instead of the stored ones. The inputs are returned with the results:
 * the approval's fingerprint covers exactly what was checked and shown.
 */
export function useIssueChecks(issue: Issue, enabled: boolean, content?: readonly Article[]) {
  const backend = useBackend()
  const publication = usePublication()
  const articles = useQuery(articlesQueryOptions(backend, { issueId: issue.id }))
  const inputs = useDeferredValue(
    useMemo(
      () =>
        content
          ? {
              issue: { ...issue, articleIds: content.map((article) => article.id) },
              articles: content,
              publication: publication.data,
            }
          : { issue, articles: articles.data, publication: publication.data },
      [issue, content, articles.data, publication.data],
    ),
  )
  const results = useMemo(
    () =>
      enabled && inputs.articles && inputs.publication
        ? issueChecks(inputs.issue, inputs.articles, inputs.publication)
        : null,
    [enabled, inputs],
  )
  const failed = [articles, publication].find((query) => query.isError && !query.data)
  return {
    results,
    issue: inputs.issue,
    articles: inputs.articles,
    publication: inputs.publication,
    failed,
  }
}
