/** What Rundbrief itself puts before every Fotonachweis. */
export const creditPrefix = 'Foto: '

const typedPrefix = /^\s*(?:fotos?|bild|photo)\s*:\s*/i

/** The Fotonachweis without a "Foto:" that was typed into it (Rundbrief adds its own). */
export function creditWithoutPrefix(credit: string): string {
  let rest = credit
  while (typedPrefix.test(rest)) rest = rest.replace(typedPrefix, '')
  return rest.trim()
}

/** The credit line as it goes out: "Foto: Stadtverwaltung Gera (Steffen Weiß)", never "Foto: Foto: …". */
export function creditLine(credit: string): string {
  return `${creditPrefix}${creditWithoutPrefix(credit)}`
}
