import { COUNTY_TIME_ZONE } from '../../logic/dates'

/** The fund-lines words the auditor's pages show, in plain Chinese; an unknown code is shown as is. */
export const FUND_LINE_NAMES: Record<string, string> = {
  TEKUN_SUPPORT: '特困供养', INSTITUTION_SUBSIDY: '机构补贴', PROJECT_GRANT: '项目补助',
  LONGEVITY_ALLOWANCE: '尊老金/高龄津贴', MEAL_SUBSIDY: '助餐补贴', SERVICE_SUBSIDY: '服务补贴',
}
export const TRANSFER_KIND_NAMES: Record<string, string> = { APPROPRIATION: '预算下达', PAYMENT: '付款', REVERSAL: '冲正' }
export const TRANSFER_STATUS_NAMES: Record<string, string> = {
  PENDING: '待审批', POSTED: '已入账', REJECTED: '已驳回', VOIDED: '已撤销', EXPIRED: '已过期',
}
export const ACCOUNT_KIND_NAMES: Record<string, string> = { SOURCE: '资金来源', BUDGET: '年度预算', PAYEE: '收款方' }
export const PAYEE_TYPE_NAMES: Record<string, string> = {
  MEAL_POINT: '助餐点', PROVIDER: '服务机构', INSTITUTION: '养老机构', RESIDENT: '老人',
}
export const CAUSE_NAMES: Record<string, string> = {
  MEAL: '助餐结算', BOOKING: '服务结算', BED: '床位补贴', ALLOWANCE: '津贴发放',
}
export const SETTLEMENT_KIND_NAMES: Record<string, string> = { MEAL: '助餐', BOOKING: '居家服务' }
export const AUDIT_ACTION_NAMES: Record<string, string> = {
  TRANSFER_CREATED: '发起', TRANSFER_APPROVED: '审批同意', TRANSFER_POSTED: '入账', TRANSFER_REJECTED: '驳回',
  TRANSFER_VOIDED: '撤销', TRANSFER_EXPIRED: '过期', SETTLEMENT_RECORDED: '结算记录',
}

export function named(names: Record<string, string>, code: string | null | undefined): string {
  return code ? names[code] ?? code : '—'
}

// sv-SE writes 2026-12-02 10:05; the county's clock whatever the offset the API wrote (the audit trail's is UTC)
const countyClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: COUNTY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
})

/** An ISO time as the county reads it: 2026-12-02 10:05 (Asia/Shanghai). */
export function shownTime(iso: string | null | undefined): string {
  const at = iso ? Date.parse(iso) : NaN
  return Number.isNaN(at) ? '—' : countyClock.format(at)
}
