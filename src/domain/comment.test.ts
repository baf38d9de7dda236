import { describe, expect, it } from 'vitest'
import {
  commentDeletion,
  commentTextSchema,
  mayChangeComment,
  mayComment,
  mentionedUsers,
  threadQuote,
} from './comment'

const users = [
  { id: 'frank', name: 'Dr. Frank Rühling' },
  { id: 'sandra', name: 'Sandra Wanzar' },
  { id: 'jana', name: 'Jana Krause' },
  { id: 'anna', name: 'Anna Maria' },
  { id: 'anna-maria', name: 'Anna Maria Schulz' },
]
const ids = (text: string) => mentionedUsers(text, users).map((user) => user.id)

describe('Erwähnungen', () => {
  it('findet den vollen Namen mit Leerzeichen, auch am Anfang und vor Satzzeichen', () => {
    expect(ids('@Sandra Wanzar bitte prüfen')).toEqual(['sandra'])
    expect(ids('Frage an @Jana Krause: Foto zu dunkel?')).toEqual(['jana'])
    expect(ids('Danke, @Sandra Wanzar.')).toEqual(['sandra'])
  })

  it('findet Namen mit und ohne Titel, unabhängig von Groß- und Kleinschreibung', () => {
    expect(ids('@Dr. Frank Rühling ok?')).toEqual(['frank'])
    expect(ids('@frank rühling ok?')).toEqual(['frank'])
    expect(ids('@Sandra   Wanzar')).toEqual(['sandra'])
  })

  it('nimmt den längsten passenden Namen und keinen Namensanfang', () => {
    expect(ids('@Anna Maria Schulz schaut drauf')).toEqual(['anna-maria'])
    expect(ids('@Anna Maria schaut drauf')).toEqual(['anna'])
    expect(ids('@Sandra Wanzarek')).toEqual([])
    expect(ids('@Sandra')).toEqual([])
  })

  it('übergeht E-Mail-Adressen und nennt jede Person einmal, in der Reihenfolge', () => {
    expect(ids('sandra@Sandra Wanzar.de')).toEqual([])
    expect(ids('@Jana Krause und @Sandra Wanzar, nochmal @Jana Krause')).toEqual(['jana', 'sandra'])
  })
})

describe('Kommentare', () => {
  it('verlangt Text, höchstens 5000 Zeichen, auf Deutsch', () => {
    expect(commentTextSchema.safeParse('  ').error?.issues[0]?.message).toBe(
      'Bitte schreiben Sie einen Kommentar.',
    )
    expect(commentTextSchema.safeParse('x'.repeat(5001)).error?.issues[0]?.message).toBe(
      'Der Kommentar darf höchstens 5000 Zeichen lang sein.',
    )
    expect(commentTextSchema.parse('  Foto zu dunkel ')).toBe('Foto zu dunkel')
  })

  it('lässt jede Rolle kommentieren und nur die Verfasserin ändern', () => {
    for (const role of ['editor', 'head', 'designer'] as const)
      expect(mayComment({ role })).toBe(true)
    expect(mayChangeComment({ id: 'jana' }, { authorId: 'jana' })).toBe(true)
    expect(mayChangeComment({ id: 'sandra' }, { authorId: 'jana' })).toBe(false)
  })

  it('löscht mit dem einzigen Kommentar das Gespräch, den ersten mit Antworten nicht', () => {
    const one = { comments: [{ id: 'a' }] }
    const three = { comments: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }
    expect(commentDeletion(one, 'a')).toBe('thread')
    expect(commentDeletion(three, 'a')).toBe('refused')
    expect(commentDeletion(three, 'c')).toBe('comment')
  })

  it('kürzt ein langes Zitat und fasst Leerraum zusammen', () => {
    expect(threadQuote(' Der  Satz\n hier ')).toBe('Der Satz hier')
    const quote = threadQuote('a'.repeat(2000))
    expect(quote).toHaveLength(1000)
    expect(quote.endsWith('…')).toBe(true)
  })
})
