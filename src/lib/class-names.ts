/** The class names that apply, joined for `className`: falsy ones (a condition not met, a class a module lacks) are left out. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}
