/** Fen as yuan for reading aloud and on screen: 1500 → "¥15.00". Integer arithmetic only. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
