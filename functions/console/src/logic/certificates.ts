import type { Certificate } from '../api/types'

/** The certificate levels an officer records, in the order of the certificate's grades (养老护理员职业技能等级). */
export const CERTIFICATE_LEVELS: { value: string; label: string }[] = [
  { value: 'JUNIOR', label: '初级' },
  { value: 'INTERMEDIATE', label: '中级' },
  { value: 'SENIOR', label: '高级' },
  { value: 'TECHNICIAN', label: '技师' },
]

/** A withdrawal's reason, as the API bounds it (characters, not bytes). */
export const REASON_CHARS_MAX = 200

export type CertificateState = 'withdrawn' | 'valid' | 'expired' | 'upcoming'

export const CERTIFICATE_STATE_NAMES: Record<CertificateState, string> = {
  withdrawn: '已撤销', valid: '有效', expired: '已过期', upcoming: '未生效',
}

/** What a certificate is on the county's day: withdrawn (recorded in error) whatever its dates, else by its dates, both counted. */
export function certificateState(c: Certificate, today: string): CertificateState {
  if (c.withdrawnAt) return 'withdrawn'
  if (today < c.validFrom) return 'upcoming'
  return today > c.validUntil ? 'expired' : 'valid'
}

/** Withdrawable by an officer: not withdrawn yet (the API decides about months already batched, and says so). */
export function withdrawable(c: Certificate): boolean {
  return !c.withdrawnAt
}
