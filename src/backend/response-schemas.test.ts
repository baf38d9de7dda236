import { describe, expect, it } from 'vitest'
import { responseSchemas } from './response-schemas'

describe('response schemas', () => {
  // The browser configures zod's German messages here, since the app's entry no longer loads zod.
  it('explain a wrong answer in German', () => {
    const result = responseSchemas.users.safeParse([{ id: 'u1', name: 'Sandra Wanzar', role: 7 }])
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/^Ungültig/)
  })
})
