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

/** The registration form's fields as the API names them in a refusal, in the officer's words. */
export const CAREGIVER_FIELD_NAMES: Record<string, string> = {
  name: '姓名', idNumber: '身份证号', phone: '手机号', certificateLevel: '等级', certificateNumber: '证书编号',
  certificateFrom: '有效期起', certificateUntil: '有效期止',
}

/** The fields a refusal names, in the officer's words and the form's order (unknown ones as named). */
export function fieldsToCheck(errors: { field: string }[]): string[] {
  const order = Object.keys(CAREGIVER_FIELD_NAMES)
  const named = [...new Set(errors.map((e) => e.field))]
  named.sort((a, b) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1))
  return named.map((f) => CAREGIVER_FIELD_NAMES[f] ?? f)
}
