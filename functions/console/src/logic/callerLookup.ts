/**
 * What the operator typed into the look-up, read as the registry's look-up takes it
 * (GET /v1/residents: exactly one of phone, idNumber, or name with birthYear or streetCode).
 */
export type TypedCaller =
  | { kind: 'phone'; phone: string }
  | { kind: 'idNumber'; idNumber: string }
  | { kind: 'name'; name: string }
  | { kind: 'unclear' }

/** The look-up's query, as the generated client sends it. */
export interface CallerQuery {
  phone?: string
  idNumber?: string
  name?: string
  birthYear?: number
  streetCode?: string
}

/** The registry's limit on a name (HotlineLookup.NAME_CHARS_MAX). */
export const NAME_CHARS_MAX = 30
const ID_NUMBER = /^[0-9]{17}[0-9Xx]$/
/** Separators a caller's number is read out with: spaces, hyphens, parentheses, a leading +. */
const PHONE_SEPARATORS = /[\s\-－–—()（）+]/g
const PHONE = /^[0-9]{7,14}$/
/** A Chinese name: Han characters, with the middle dot of minority and foreign names. */
const CHINESE_NAME = /^[\p{Script=Han}·•]+$/u
const BIRTH_YEAR = /^[0-9]{4}$/
const STREET_CODE = /^[0-9]{9}$/

function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
}

/** Digits → a phone (mobile or landline, the registry normalises it); 18 characters → an ID number; Han → a name. */
export function readTyped(typed: string): TypedCaller {
  const text = asciiDigits(typed.trim())
  const compact = text.replace(/\s/g, '')
  if (ID_NUMBER.test(compact)) return { kind: 'idNumber', idNumber: compact.toUpperCase() }
  if (PHONE.test(text.replace(PHONE_SEPARATORS, ''))) return { kind: 'phone', phone: text }
  if (CHINESE_NAME.test(compact) && [...compact].length <= NAME_CHARS_MAX) return { kind: 'name', name: compact }
  return { kind: 'unclear' }
}

/** A name's second input: a four-digit birth year, or a nine-digit street code; anything else is not yet enough. */
export function readNameDetail(detail: string): Pick<CallerQuery, 'birthYear' | 'streetCode'> | null {
  const text = asciiDigits(detail.replace(/\s/g, ''))
  if (BIRTH_YEAR.test(text)) return { birthYear: Number(text) }
  if (STREET_CODE.test(text)) return { streetCode: text }
  return null
}

/** The query to send, or null while it is incomplete (a name without its year or street, or nothing readable). */
export function callerQuery(typed: TypedCaller, detail: string): CallerQuery | null {
  switch (typed.kind) {
    case 'phone': return { phone: typed.phone }
    case 'idNumber': return { idNumber: typed.idNumber }
    case 'name': {
      const more = readNameDetail(detail)
      return more ? { name: typed.name, ...more } : null
    }
    default: return null
  }
}

/** The highlighted row after an arrow key in a list of `count` (wrapping round); other keys leave it. */
export function moveChoice(index: number, key: string, count: number): number {
  if (count <= 0) return 0
  if (key === 'ArrowDown') return (index + 1) % count
  if (key === 'ArrowUp') return (index - 1 + count) % count
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  return index
}
