import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { noMailServerMessage } from '../../src/server/problem'
import { approveSeedIssue, seedIssueId } from '../fixtures/approved-issue'
import { backendAs, renderApp, setupTestServer } from '../render-app'

// the test server without mail, like the real server without SMTP_URL
setupTestServer()

describe('Versand ohne Mailserver', () => {
  it('erklärt in der Bestätigung, warum nicht versendet werden kann, und zeigt keinen Postausgang', async () => {
    const head = await backendAs('head')
    await head.addRecipient({ email: 'leser@example.org' })
    await approveSeedIssue(await backendAs('editor'), head)
    const view = await renderApp({ route: `/ausgaben/${seedIssueId}`, as: 'head' })
    await view.user.click(await screen.findByRole('button', { name: 'Jetzt versenden …' }))
    const confirm = await screen.findByRole('dialog', { name: '„August 2018“ jetzt versenden?' })
    expect(await within(confirm).findByRole('note')).toHaveTextContent(noMailServerMessage)
    expect(
      within(confirm).queryByRole('button', { name: 'Jetzt versenden' }),
    ).not.toBeInTheDocument()
    await view.user.click(within(confirm).getByRole('button', { name: 'Schließen' }))
    expect(screen.getByRole('button', { name: 'Jetzt versenden …' })).toHaveFocus()

    await view.user.click(screen.getByRole('button', { name: 'Testversand …' }))
    const testDialog = await screen.findByRole('dialog', { name: /Testversand/ })
    await view.user.type(within(testDialog).getByLabelText('E-Mail-Adressen'), 'ich@example.org')
    await view.user.click(within(testDialog).getByRole('button', { name: 'Test senden' }))
    expect(await within(testDialog).findByRole('alert')).toHaveTextContent(noMailServerMessage)

    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' })
    expect(within(nav).getByRole('link', { name: 'Beiträge' })).toBeInTheDocument()
    expect(within(nav).queryByRole('link', { name: /Postausgang/ })).not.toBeInTheDocument()
  })
})
