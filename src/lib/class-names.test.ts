import { describe, expect, it } from 'vitest'
import { classNames } from './class-names'

describe('classNames', () => {
  it('joins the names that apply and leaves out the others', () => {
    expect(classNames('editor', false, 'dragging', undefined, null, '')).toBe('editor dragging')
    expect(classNames()).toBe('')
  })
})
