import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DemoControls } from '../../src/app/demo-controls'
import { renderApp, setupTestServer, testServer } from '../render-app'

setupTestServer()

/** Demo controls whose "another tab changed something" the test triggers by hand. */
function demoWithOtherTab() {
  const listeners = new Set<() => void>()
  const demo: DemoControls = {
    resetData: async () => undefined,
    onChangeInOtherTab(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return { demo, listeners, changeInOtherTab: () => listeners.forEach((listener) => listener()) }
}

describe('Demo in mehreren Tabs', () => {
  it('zeigt, was ein anderer Tab geändert hat, ohne Neuladen', async () => {
    const otherTab = demoWithOtherTab()
    const { unmount } = await renderApp({ route: '/ausgaben', as: 'editor', demo: otherTab.demo })
    expect(await screen.findByRole('link', { name: 'August 2018' })).toBeInTheDocument()

    await testServer.store.transaction(async (tx) => {
      const issue = (await tx.getIssue('ausgabe-2018-08'))!
      await tx.updateIssue(
        { ...issue, label: 'August 2018 (aus dem anderen Tab)', version: issue.version + 1 },
        issue.version,
      )
    })
    otherTab.changeInOtherTab()
    expect(
      await screen.findByRole('link', { name: 'August 2018 (aus dem anderen Tab)' }),
    ).toBeInTheDocument()

    unmount()
    expect(otherTab.listeners.size).toBe(0)
  })
})
