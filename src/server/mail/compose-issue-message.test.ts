import { describe, expect, it } from 'vitest'
import { renderEmail } from '../../render/render-email'
import { renderText } from '../../render/render-text'
import type { SendJob } from '../store'
import { composeIssueMessage, unsubscribeUrlPlaceholder } from './compose-issue-message'
import { createUnsubscribeToken, readUnsubscribeToken } from './unsubscribe-token'
import { seedRenderModel } from '../../../tests/fixtures/render-model'

const list = {
  publicUrl: 'https://rundbrief.gera.de',
  listId: 'soziales.rundbrief.gera.de',
  listName: 'Nachrichten aus dem Dezernat Soziales',
  unsubscribeMailbox: 'jugend.soziales@gera.de',
  messageDomain: 'gera.de',
}

describe('Persönliche Nachricht aus der freigegebenen Fassung', () => {
  it('ist die freigegebene Darstellung bis auf den eigenen Abmeldelink, mit den Listen-Kopfzeilen', async () => {
    const model = seedRenderModel('https://rundbrief.gera.de')
    const placeholder = { unsubscribeUrl: unsubscribeUrlPlaceholder }
    const send: SendJob = {
      id: 'versand-2018-08',
      issueId: 'ausgabe-2018-08',
      status: 'running',
      scheduledAt: '2018-08-15T06:00:00.000Z',
      createdAt: '2018-08-14T10:00:00.000Z',
      createdBy: 'sandra-wanzar',
      finishedAt: null,
      message: {
        subject: 'Nachrichten aus dem Dezernat Soziales – August 2018',
        from: 'Dezernat Soziales <jugend.soziales@gera.de>',
        html: renderEmail(model, undefined, placeholder),
        text: renderText(model, undefined, placeholder),
        fingerprint: 'fp',
      },
    }
    const token = await createUnsubscribeToken('geheim', 'empfaenger-17')
    const message = composeIssueMessage(
      send,
      { id: 'empfaenger-17', email: 'leserin@example.org' },
      token,
      list,
    )
    const link = `https://rundbrief.gera.de/abmelden/${token}`

    expect(message.html).toBe(renderEmail(model, undefined, { unsubscribeUrl: link }))
    expect(message.text).toBe(renderText(model, undefined, { unsubscribeUrl: link }))
    expect(message.html).toContain(`<a href="${link}"`)
    expect(message.text).toContain(`Vom Newsletter abmelden: ${link}`)
    expect(message.html).not.toContain('rundbrief.invalid')
    // without a link the rendering is the preview's, unchanged
    expect(renderEmail(model)).not.toContain('Vom Newsletter abmelden')
    expect(message.headers).toEqual({
      'List-Unsubscribe': `<https://rundbrief.gera.de/api/subscription/unsubscribe/${token}>, <mailto:jugend.soziales@gera.de?subject=Abmelden>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': 'Nachrichten aus dem Dezernat Soziales <soziales.rundbrief.gera.de>',
    })
    expect(message.messageId).toBe('<versand-2018-08.empfaenger-17@gera.de>')
    expect(message.to).toBe('leserin@example.org')
  })

  it('erkennt nur Abmelde-Token mit der eigenen Signatur', async () => {
    const token = await createUnsubscribeToken('geheim', 'empfaenger-17')
    expect(await readUnsubscribeToken('geheim', token)).toBe('empfaenger-17')
    expect(await readUnsubscribeToken('anderes-geheimnis', token)).toBeNull()
    const other = await createUnsubscribeToken('geheim', 'empfaenger-18')
    const [, otherSignature] = other.split('.')
    const [ownId] = token.split('.')
    expect(await readUnsubscribeToken('geheim', `${ownId}.${otherSignature}`)).toBeNull()
    for (const broken of ['', 'abc', 'a.b.c', '%%%.###', `${ownId}.`])
      expect(await readUnsubscribeToken('geheim', broken)).toBeNull()
  })
})
