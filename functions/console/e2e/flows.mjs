// The people's flows, keyboard first. Each check lands in context.results as PASS/FAIL with what was seen.
import path from 'node:path'

export const DEMO_PASSWORD = 'Xihu-demo-2026'
export const OPERATOR_PHONE = '13905710102'
export const CANTEEN_PHONE = '13905710103'
export const AUDITOR_PHONE = '13905710107'
/**
 * 李建国, 84 (the 80–89 band: ¥5.00 off a meal), rings from his landline 0571-8806 1234: typed as he says it,
 * without the area code and with a space.
 */
export const CALLER_PHONE_TYPED = '8806 1234'
export const CALLER_NAME = '李建国'
/** 王秀英, born 1938, found by name as a caller who gives no number would be. */
const NAMED_CALLER = '王秀英'
const NAMED_CALLER_BIRTH_YEAR = '1938'
const TABS_MAX = 20
const WAIT_MS = 20_000

function check(context, name, ok, detail) {
  context.results.push({ name, ok: Boolean(ok), detail: ok ? undefined : detail })
}

/** The browser logs every 4xx answer as an error; a step that provokes one on purpose names its status here. */
const EXPECTED_STATUS = { current: null }

function watchErrors(page, context) {
  page.on('console', (m) => {
    const expected = EXPECTED_STATUS.current && m.text().includes(`status of ${EXPECTED_STATUS.current}`)
    if (m.type() === 'error' && !expected) context.errors.push(`${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => context.errors.push(`${page.url()}: ${e.message}`))
}

async function shot(page, context, name) {
  await page.screenshot({ path: path.join(context.shotsDir, `${name}.png`), fullPage: true })
}

async function focused(page, selector) {
  return page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector)
}

/** Tab (never the mouse) until the focus is inside selector. */
async function tabTo(page, selector) {
  for (let i = 0; i < TABS_MAX; i++) {
    if (await focused(page, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

/** Arrow keys within a radio group until the focused radio has this value. */
async function arrowTo(page, value) {
  for (let i = 0; i < TABS_MAX; i++) {
    if (await page.evaluate((v) => document.activeElement?.value === v, value)) return
    await page.keyboard.press('ArrowRight')
  }
  throw new Error(`the radio group never reached ${value}`)
}

async function signIn(page, context, baseUrl, phone) {
  await page.goto(`${baseUrl}/console/`)
  await page.waitForSelector('input[name=phone]', { timeout: WAIT_MS })
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'phone', null, { timeout: WAIT_MS })
  await page.keyboard.type(phone)
  await page.keyboard.press('Tab')
  await page.keyboard.type(DEMO_PASSWORD)
  if (phone === OPERATOR_PHONE) await shot(page, context, '01-sign-in')
  await page.keyboard.press('Enter')
}

async function figures(page, prefix) {
  const read = (what) => page.textContent(`[data-test=${prefix}-${what}]`)
  return { price: await read('price'), subsidy: await read('subsidy'), pay: await read('pay') }
}

/** Fen as the console shows it: 1500 → ¥15.00. */
function yuan(fen) {
  return `${fen < 0 ? '-' : ''}¥${Math.trunc(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`
}

function tomorrowInCounty() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000))
}

export async function operatorFlow(browser, context) {
  const page = await browser.newPage()
  watchErrors(page, context)
  await signIn(page, context, context.baseUrl, OPERATOR_PHONE)
  await page.waitForURL(/#\/hotline/, { timeout: WAIT_MS })

  const scripts = []
  const onScript = (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  }
  page.on('response', onScript)
  // A cold load (no browser cache), as on a new machine or after a deploy.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const started = Date.now()
  await page.reload()
  await page.waitForFunction(() => document.activeElement?.id === 'caller', null, { timeout: WAIT_MS })
  context.figures.hotlineInteractiveMs = Date.now() - started
  page.off('response', onScript)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
  context.figures.hotlineScripts = scripts
  const calls = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/v1/')) calls.push(`${r.method()} ${url.pathname}`)
  })

  await page.keyboard.type(CALLER_PHONE_TYPED)
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-test=resident-card]', { timeout: WAIT_MS })
  const found = await page.textContent('[data-test=resident-card]')
  check(context, 'look-up by landline (no area code) finds the resident, his line masked',
    found.includes(CALLER_NAME) && found.includes('0571-****1234'), found)
  await shot(page, context, '02-resident-card')

  const order = await orderTomorrowsLunch(page, context)
  const booking = await bookBath(page, context)
  const hotlineCalls = [...calls]
  await emergencyThenCancel(page, context)
  await page.waitForFunction(() => document.querySelectorAll('[data-test=order-row]').length > 0
      && document.querySelectorAll('[data-test=booking-row]').length > 0, null, { timeout: WAIT_MS })
  const card = await page.textContent('[data-test=resident-card]')
  check(context, 'the card lists the new order and booking', card.includes(order) && card.includes(booking), card)
  await shot(page, context, '07a-resident-card-after')
  context.figures.hotlineApiCalls = hotlineCalls.length
  context.figures.hotlineCalls = hotlineCalls
  context.orderCode = order
  context.bathCode = booking

  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  const backToLookUp = await page.waitForFunction(() => document.activeElement?.id === 'caller', null, { timeout: WAIT_MS })
    .then(() => true, () => false)
  check(context, 'Esc twice goes back to the look-up, focused', backToLookUp)
  await findByNameAndBirthYear(page, context)
  await page.goto(`${context.baseUrl}/console/#/emergencies`)
  await page.waitForSelector('text=助急看板', { timeout: WAIT_MS })
  await page.waitForSelector('text=上次刷新', { timeout: WAIT_MS })
  await shot(page, context, '08-emergency-board')
  await page.close()
}

/** A caller who gives a name: the desk asks for the birth year (keyboard only), then shows that resident's card. */
async function findByNameAndBirthYear(page, context) {
  await page.keyboard.type(NAMED_CALLER)
  await page.keyboard.press('Enter')
  const asked = await page.waitForFunction(() => document.activeElement?.id === 'caller-detail', null, { timeout: WAIT_MS })
    .then(() => true, () => false)
  check(context, 'a typed name asks for the birth year, focused', asked)
  await page.keyboard.type(NAMED_CALLER_BIRTH_YEAR)
  await page.keyboard.press('Enter')
  const shown = await page.waitForFunction((name) => document.querySelector('[data-test=resident-card]')?.textContent?.includes(name),
    NAMED_CALLER, { timeout: WAIT_MS }).then(() => true, () => false)
  const card = await page.textContent('[data-test=resident-card]')
  check(context, 'look-up by name and birth year finds the resident', shown, card)
  check(context, "the new card shows none of the last caller's orders or bookings",
    !card.includes(context.orderCode) && !card.includes(context.bathCode), card)
  await shot(page, context, '07b-lookup-by-name')
  await page.keyboard.press('Escape')
}

async function orderTomorrowsLunch(page, context) {
  await page.keyboard.press('F2')
  await page.waitForSelector('[data-test=dish-A1] input', { timeout: WAIT_MS })
  const tomorrow = tomorrowInCounty()
  check(context, 'the meal form opens on tomorrow, focused', await page.evaluate(
    (d) => document.activeElement?.getAttribute('name') === 'meal-date' && document.activeElement.value === d, tomorrow))
  await arrowTo(page, tomorrow)
  await page.keyboard.press('Tab')
  await arrowTo(page, 'LUNCH')
  await page.keyboard.press('Tab')
  await arrowTo(page, 'DELIVERY')
  const lunch = await page.textContent('[data-test=slot-LUNCH]')
  check(context, "the meal form shows tomorrow's lunch seats left and its cut-off", /送餐还剩 \d+ 份（共 \d+ 份），\d\d:\d\d 截止/.test(lunch), lunch)
  await tabTo(page, '[data-test=dish-A1]')
  await page.keyboard.type('1')
  // The price is the API's quote: the confirm button is enabled once the quote of the order as typed has come.
  await page.waitForSelector('[data-test=meal-quote][data-state=ready]', { timeout: WAIT_MS })
  await tabTo(page, '[data-test=place-order]')
  const shown = await figures(page, 'quote')
  await shot(page, context, '03-meal-form')
  const placing = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/meal-orders' && r.request().method() === 'POST',
    { timeout: WAIT_MS })
  await page.keyboard.press('Enter')
  const answered = await (await placing).json()
  const answeredFigures = { price: yuan(answered.priceFen), subsidy: yuan(answered.subsidyFen), pay: yuan(answered.payFen) }
  check(context, "the quote shown before confirming is the placed order's answer (price, subsidy, pay)",
    JSON.stringify(shown) === JSON.stringify(answeredFigures), `shown ${JSON.stringify(shown)}, answered ${JSON.stringify(answeredFigures)}`)
  await page.waitForSelector('[data-test=confirmation-code]', { timeout: WAIT_MS })
  const charged = await figures(page, 'charged')
  check(context, 'the meal price shown before confirming is what the API charged',
    JSON.stringify(shown) === JSON.stringify(charged), `shown ${JSON.stringify(shown)}, charged ${JSON.stringify(charged)}`)
  check(context, 'an 84-year-old pays ¥10.00 for the ¥15.00 set (¥5.00 subsidy)', charged.pay === '¥10.00', JSON.stringify(charged))
  const code = (await page.textContent('[data-test=confirmation-code]')).trim()
  check(context, 'the meal confirmation code is 6 characters', /^[A-Z0-9]{6}$/.test(code), code)
  await shot(page, context, '04-meal-confirmation')
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-test=confirmation]', { state: 'detached', timeout: WAIT_MS })
  return code
}

async function bookBath(page, context) {
  await page.keyboard.press('F4')
  await page.waitForSelector('[data-test=booking-form]', { timeout: WAIT_MS })
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'service', null, { timeout: WAIT_MS })
  await arrowTo(page, 'BATH')
  await page.keyboard.press('Tab')
  await arrowTo(page, tomorrowInCounty())
  // The hours come from the API with their places left (GET /v1/booking-times).
  await page.waitForSelector('[data-test=booking-hours][data-state=ready]', { timeout: WAIT_MS })
  const ten = await page.textContent('[data-test=hour-10]')
  check(context, "tomorrow's 10:00 shows its places left", /剩 \d+ 个/.test(ten), ten)
  await page.keyboard.press('Tab')
  await arrowTo(page, '10')
  await tabTo(page, '[data-test=place-booking]')
  const shown = await figures(page, 'quote')
  await shot(page, context, '05-booking-form')
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-test=confirmation-code]', { timeout: WAIT_MS })
  const charged = await figures(page, 'charged')
  check(context, 'the booking price shown before confirming is what the API charged',
    JSON.stringify(shown) === JSON.stringify(charged), `shown ${JSON.stringify(shown)}, charged ${JSON.stringify(charged)}`)
  const code = (await page.textContent('[data-test=confirmation-code]')).trim()
  check(context, 'the bath is booked for tomorrow 10:00', (await page.textContent('[data-test=confirmation]')).includes(`${tomorrowInCounty()} 10:00`))
  await shot(page, context, '06-booking-confirmation')
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-test=confirmation]', { state: 'detached', timeout: WAIT_MS })
  return code
}

/** 助急 in one key (F9), then the operator cancels it from the confirmation: Tab, Enter, Enter. */
async function emergencyThenCancel(page, context) {
  await page.keyboard.press('F9')
  await page.waitForSelector('[data-test=confirmation-code]', { timeout: WAIT_MS })
  const confirmation = await page.textContent('[data-test=confirmation]')
  check(context, 'F9 books 助急 at once', confirmation.includes('助急呼叫成功'), confirmation)
  const code = (await page.textContent('[data-test=confirmation-code]')).trim()
  await shot(page, context, '07-emergency-confirmation')
  await tabTo(page, '[data-test=confirmation-cancel]')
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => document.activeElement?.closest('[data-test=confirm-cancel]'), null, { timeout: WAIT_MS })
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-test=confirmation]', { state: 'detached', timeout: WAIT_MS })
  await page.waitForFunction((c) => [...document.querySelectorAll('[data-test=booking-row]')]
      .some((row) => row.textContent.includes(c) && row.textContent.includes('已取消')), code, { timeout: WAIT_MS })
    .then(() => check(context, 'the 助急 call is cancelled from the keyboard', true),
      () => check(context, 'the 助急 call is cancelled from the keyboard', false, 'no cancelled row with its code'))
}

/** The canteen serves on the order's day: the gateway's clock moves to tomorrow 11:30 (tokens keep real time). */
export async function canteenFlow(browser, context) {
  const page = await browser.newPage()
  watchErrors(page, context)
  await signIn(page, context, context.baseUrl, CANTEEN_PHONE)
  await page.waitForURL(/#\/canteen/, { timeout: WAIT_MS })
  const tomorrow = tomorrowInCounty()
  const minutes = Math.ceil((Date.parse(`${tomorrow}T11:30:00+08:00`) - Date.now()) / 60_000)
  const moved = await fetch(`${context.baseUrl}/dev/clock?offsetMinutes=${minutes}`, { method: 'POST' })
  if (!moved.ok) throw new Error(`the gateway's clock did not move: ${moved.status}`)
  await page.click(`[data-test=day-${tomorrow}]`)
  const row = `[data-test=delivery-${context.orderCode}]`
  await page.waitForSelector(row, { timeout: WAIT_MS })
  await shot(page, context, '09-canteen-counter')
  await page.click(`${row} button:has-text("已送达")`)
  await page.waitForSelector(`${row} .status`, { timeout: WAIT_MS })
  check(context, 'the canteen marks the order delivered with one click', (await page.textContent(row)).includes('已送达'))
  await shot(page, context, '10-canteen-delivered')
  await serveDineIn(page, context)
  await page.click('[data-test=sign-out]')
  const signedOut = await page.waitForURL(/#\/sign-in/, { timeout: WAIT_MS }).then(() => true, () => false)
  check(context, 'signing out returns to the sign-in page and keeps nothing', signedOut
    && await page.evaluate(() => sessionStorage.getItem('yiyang.console.session') === null))
  await page.close()
}

/** The auditor verifies the audit chain after the day's work: valid. */
export async function auditorFlow(browser, context) {
  const page = await browser.newPage()
  watchErrors(page, context)
  await signIn(page, context, context.baseUrl, AUDITOR_PHONE)
  await page.waitForURL(/#\/audit/, { timeout: WAIT_MS })
  await page.click('[data-test=verify]')
  await page.waitForSelector('[data-test=verification]', { timeout: WAIT_MS })
  const text = await page.textContent('[data-test=verification]')
  check(context, "the auditor's verify says the chain is valid", text.includes('审计链完整'), text)
  await shot(page, context, '11-audit-verify')
  await sessionEnds(page, context)
  await page.close()
}

/** A session the API no longer honours (a revoked refresh token) ends on a page that says so. */
async function sessionEnds(page, context) {
  await page.evaluate(() => {
    const key = 'yiyang.console.session'
    const tokens = JSON.parse(sessionStorage.getItem(key))
    tokens.accessToken = tokens.accessToken.replace(/\.[^.]*$/, '.bm90LXRoZS1zaWduYXR1cmU')
    tokens.refreshToken = 'revoked-refresh-token'
    sessionStorage.setItem(key, JSON.stringify(tokens))
  })
  EXPECTED_STATUS.current = 401
  try {
    await page.reload()
    await page.click('[data-test=verify]')
    const ended = await page.waitForURL(/#\/session-ended/, { timeout: WAIT_MS }).then(() => true, () => false)
    check(context, 'a refused refresh ends the session on a page that says so',
      ended && (await page.textContent('body')).includes('登录已结束'))
    await shot(page, context, '12-session-ended')
  } finally {
    EXPECTED_STATUS.current = null
  }
}

// ---- The officer dashboard and the auditor's pages (issue 14) ----------------------------------------------
export const OFFICER_PHONE = '13905710101'
const CALLER_PHONE = '0571-88061234'
const VERIFY_ENTRIES_PER_CALL = 5

/** A staff member's token straight from the API, for the steps a page does not do (reading figures, settling). */
async function tokenOf(context, phone) {
  const answer = await fetch(`${context.baseUrl}/v1/auth/staff/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ county: '330105', phone, password: DEMO_PASSWORD }),
  })
  if (!answer.ok) throw new Error(`sign-in of ${phone}: ${answer.status}`)
  return (await answer.json()).accessToken
}

async function apiGet(context, token, pathAndQuery) {
  const answer = await fetch(`${context.baseUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } })
  if (!answer.ok) throw new Error(`GET ${pathAndQuery}: ${answer.status} ${await answer.text()}`)
  return answer.json()
}

/** Meals that ended (served or delivered) at a point on a day, as the officers' report route counts them. */
async function mealsEnded(context, token, mealPointId, date) {
  const report = await apiGet(context, token, `/v1/meal-reports/served?from=${date}&to=${date}`)
  const point = report.points.find((p) => p.mealPointId === mealPointId)
  return point ? point.served[0] + point.delivered[0] : 0
}

/** Before the canteen serves it: which order the operator placed (by its code), and its point's count for that day. */
export async function beforeServing(context) {
  const token = await tokenOf(context, OFFICER_PHONE)
  const [resident] = (await apiGet(context, token, `/v1/residents?phone=${CALLER_PHONE}`)).items
  const month = tomorrowInCounty().slice(0, 7)
  const orders = (await apiGet(context, token, `/v1/meal-orders?residentId=${resident.id}&month=${month}`)).items
  const order = orders.find((o) => o.confirmationCode === context.orderCode)
  if (!order) throw new Error(`no order with code ${context.orderCode}`)
  context.servedOrder = { id: order.id, mealPointId: order.mealPointId, date: order.date, residentId: order.residentId }
  context.mealsBefore = await mealsEnded(context, token, order.mealPointId, order.date)
}

/**
 * The officer opens the dashboard (the officer's home page): every plot loads, and the meals-per-day table shows
 * the meal the canteen just ended, the count the report route gives, one more than before. Then, with the
 * gateway's clock past that day, the officer settles it (API), for the auditor to trace.
 */
export async function officerFlow(browser, context) {
  const { mealPointId, date } = context.servedOrder
  const token = await tokenOf(context, OFFICER_PHONE)
  const after = await mealsEnded(context, token, mealPointId, date)
  // The counter also serves the provider flow's dine-in order, which may be at the same point on the same day.
  const dineIn = context.dineInOrder
  const servedThere = 1 + (dineIn && dineIn.mealPointId === mealPointId && dineIn.date === date ? 1 : 0)
  check(context, 'the report route counts the meals the counter served at that point that day', after === context.mealsBefore + servedThere,
    `before ${context.mealsBefore}, served there ${servedThere}, after ${after}`)

  const page = await browser.newPage()
  watchErrors(page, context)
  await signIn(page, context, context.baseUrl, OFFICER_PHONE)
  await page.waitForURL(/#\/dashboard/, { timeout: WAIT_MS })
  context.figures.dashboardScripts = await coldLoadScripts(page)
  const cell = `[data-test=meals-${mealPointId}-${date}]`
  await page.waitForSelector(cell, { timeout: WAIT_MS })
  const shown = (await page.textContent(cell)).trim()
  check(context, "the officer's meals-per-day table shows the served meal for that point and day", shown === String(after),
    `shown ${shown}, the API says ${after}`)
  await page.waitForFunction(() => document.querySelectorAll('[data-test=loading]').length === 0, null, { timeout: WAIT_MS })
  const refusals = await page.$$eval('.report [role=alert]', (alerts) => alerts.map((a) => a.textContent))
  check(context, 'every dashboard plot loads without a refusal', refusals.length === 0, refusals.join(' | '))
  check(context, 'the dashboard draws its plots (one canvas per plot with data)', (await page.$$('.report canvas')).length >= 2)
  await shot(page, context, '13-officer-dashboard')
  await page.setViewportSize({ width: 820, height: 1180 })
  await page.waitForTimeout(300)
  await shot(page, context, '13b-officer-dashboard-tablet')
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.close()

  const dayAfter = new Date(Date.parse(`${date}T00:30:00+08:00`) + 86_400_000)
  const moved = await fetch(`${context.baseUrl}/dev/clock?offsetMinutes=${Math.ceil((dayAfter - Date.now()) / 60_000)}`, { method: 'POST' })
  if (!moved.ok) throw new Error(`the gateway's clock did not move: ${moved.status}`)
  const run = await fetch(`${context.baseUrl}/v1/settlements/meals`, {
    method: 'POST', body: JSON.stringify({ date }),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `e2e-settle-${date}-${Date.now()}` },
  })
  const report = await run.json()
  const settled = (report.items ?? []).find((i) => i.payeeRef === mealPointId && i.transferId)
  check(context, "the officer settles the day's meals into a transfer", run.ok && settled, JSON.stringify(report))
  context.settlementTransferId = settled?.transferId
  // made at the gateway's clock, now the day after the meal: the month the export must ask for
  context.settlementMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(dayAfter).slice(0, 7)
}

/** The scripts a cold reload of the page loads (browser cache off), as on a new machine. */
async function coldLoadScripts(page) {
  const scripts = []
  const onScript = (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  page.on('response', onScript)
  await page.reload()
  await page.waitForSelector('.report', { timeout: WAIT_MS })
  await page.waitForLoadState('networkidle')
  page.off('response', onScript)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
  return scripts
}

/** The auditor walks the whole chain (valid), traces the settlement's transfer down to the meal order, exports the month. */
export async function auditorPagesFlow(browser, context) {
  const page = await browser.newPage()
  watchErrors(page, context)
  await signIn(page, context, context.baseUrl, AUDITOR_PHONE)
  await page.waitForURL(/#\/audit/, { timeout: WAIT_MS })
  // in calls of 5 entries, so that the page must carry on from each call's resumeAfterSeq to reach the head
  await page.goto(`${context.baseUrl}/console/#/audit?maxEntries=${VERIFY_ENTRIES_PER_CALL}`)
  await page.click('[data-test=verify-full]')
  await page.waitForSelector('[data-test=verification]', { timeout: WAIT_MS })
  const verified = await page.textContent('[data-test=verification]')
  const calls = Number(/分段(\d+) 段/.exec(verified)?.[1])
  check(context, "the auditor's full walk of the chain completes valid, carried on over several calls",
    verified.includes('审计链完整') && verified.includes('从头完整核验') && calls > 1, verified)
  await shot(page, context, '14-audit-full-verify')

  const transferId = context.settlementTransferId
  const { id: orderId, residentId } = context.servedOrder
  await page.goto(`${context.baseUrl}/console/#/trace`)
  await page.click(`[data-test=trace-link-${transferId}]`, { timeout: WAIT_MS })
  const item = `[data-test=trace-item-${orderId}]`
  const reached = await page.waitForSelector(item, { timeout: WAIT_MS }).then(() => true, () => false)
  const settlement = reached ? await page.textContent('[data-test=trace-settlement]') : ''
  check(context, "the settlement transfer's trace reaches the served meal order and its resident",
    reached && settlement.includes(residentId), `order ${orderId}: ${settlement}`)
  await shot(page, context, '15-transfer-trace')

  await page.goto(`${context.baseUrl}/console/#/export?month=${context.settlementMonth}`)
  await page.waitForSelector('[data-test=export]', { timeout: WAIT_MS })
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), page.click('[data-test=export]')])
  const file = path.join(context.shotsDir, '..', `transfers-${download.suggestedFilename()}`)
  await download.saveAs(file)
  const csv = (await import('node:fs')).readFileSync(file, 'utf8')
  check(context, 'the CSV export downloads the month with the settlement transfer in it',
    csv.startsWith('\uFEFFtransfer_id,') && csv.includes(transferId), csv.slice(0, 300))
  await page.waitForSelector('[data-test=export-done]', { timeout: WAIT_MS })
  await shot(page, context, '16-transfer-export')
  await page.close()
}
// ---- end of the officer dashboard and the auditor's pages -----------------------------------------------------

// ---- provider desk and the counter's dine-in list (issue 14, desks) ----

export const PROVIDER_PHONE = '13905710104'
const DEMO_CAREGIVER = '刘护理'

/** The provider assigns the operator's bath to its caregiver, on the provider desk (a tablet: clicks are fine). */
export async function providerFlow(browser, context) {
  const page = await browser.newPage()
  watchErrors(page, context)
  await signIn(page, context, context.baseUrl, PROVIDER_PHONE)
  await page.waitForURL(/#\/provider/, { timeout: WAIT_MS })
  const form = `[data-test=assign-${context.bathCode}]`
  await page.waitForSelector(form, { timeout: WAIT_MS })
  const offered = await page.$eval(`${form} select`, (s) => s.selectedOptions[0]?.textContent.trim())
  check(context, 'the provider desk offers the certified caregiver for the bath first', offered === DEMO_CAREGIVER, offered)
  await shot(page, context, '17-provider-desk')
  await page.click(`${form} [data-test=assign]`)
  const assigned = `[data-test=assigned-${context.bathCode}]`
  await page.waitForSelector(assigned, { timeout: WAIT_MS })
  check(context, 'the provider assigns the bath to its caregiver with one click', (await page.textContent(assigned)).includes(DEMO_CAREGIVER))
  const day = await page.textContent(`[data-test=caregiver-${DEMO_CAREGIVER}]`)
  check(context, "the bath is on the caregiver's day", day.includes(`${tomorrowInCounty().slice(5)} 10:00`), day)
  await shot(page, context, '18-provider-assigned')
  await page.close()
  await placeDineInOrder(context)
}

/** A resident orders tomorrow's lunch to eat in, through the mini-program's route (a dev token for the first demo resident). */
async function placeDineInOrder(context) {
  const token = (await (await fetch(`${context.baseUrl}/dev/tokens?role=resident`)).text()).trim()
  const residentId = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const points = await (await fetch(`${context.baseUrl}/v1/meal-points`, { headers })).json()
  const placed = await fetch(`${context.baseUrl}/v1/meal-orders`, {
    method: 'POST', headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ residentId, mealPointId: points.items[0].id, date: tomorrowInCounty(), slot: 'LUNCH', mode: 'DINE_IN',
      items: [{ dishCode: 'B1', quantity: 1 }] }),
  })
  const order = await placed.json()
  if (placed.status !== 201) throw new Error(`the dine-in order was refused: ${placed.status} ${JSON.stringify(order)}`)
  context.dineInCode = order.confirmationCode
  context.dineInOrder = { mealPointId: order.mealPointId, date: order.date }
}

/** At the counter, on the order's day: the dine-in order is served with one click. */
async function serveDineIn(page, context) {
  const row = `[data-test=dine-in-${context.dineInCode}]`
  await page.waitForSelector(row, { timeout: WAIT_MS })
  await shot(page, context, '19-canteen-dine-in')
  await page.click(`${row} button:has-text("已取餐")`)
  await page.waitForSelector(`${row} .status`, { timeout: WAIT_MS })
  check(context, 'the canteen marks a dine-in order served with one click', (await page.textContent(row)).includes('已取餐'))
  await shot(page, context, '20-canteen-dine-in-served')
}

// ---- 岗位津贴: an officer withdraws a certificate typed in wrong and records the right one over its dates -------
const DEMO_CARE_HOME_CAREGIVER = '孙丽'

/** The day after a YYYY-MM-DD, and the same day some years later (as the officer would read them off a certificate). */
function dayAfter(date) {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

function yearsAfter(date, years) {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`
}

async function recordCertificate(page, level, number, from, until) {
  const form = '[data-test=record-certificate]'
  await page.selectOption(`${form} select[name=level]`, level)
  await page.fill(`${form} input[name=number]`, number)
  await page.fill(`${form} input[name=validFrom]`, from)
  await page.fill(`${form} input[name=validUntil]`, until)
  await page.click(`${form} [data-test=record]`)
  await page.waitForSelector(`[data-test=state-${number}]`, { timeout: WAIT_MS })
  return (await page.textContent(`[data-test=state-${number}]`)).trim()
}

/** A mainland ID number of the county, born 1970-01-01, with its check character (GB 11643). */
function idNumberOf(sequence) {
  const body = `33010519700101${String(sequence).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

/** The officer registers a caregiver on the page: the list answers their ID number and phone masked. */
async function registerCaregiver(page, context) {
  const name = '赵玉兰'
  const form = '[data-test=register-caregiver]'
  const idNumber = idNumberOf(100 + Math.floor(Math.random() * 800))
  const phone = `1390571${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`
  await page.fill(`${form} input[name=name]`, name)
  await page.fill(`${form} input[name=idNumber]`, idNumber)
  await page.fill(`${form} input[name=phone]`, phone)
  await page.selectOption(`${form} select[name=certificateLevel]`, 'INTERMEDIATE')
  await page.fill(`${form} input[name=certificateNumber]`, `HL-E2E-${Date.now().toString(36).toUpperCase()}`)
  await page.fill(`${form} input[name=certificateFrom]`, '2025-01-01')
  await page.fill(`${form} input[name=certificateUntil]`, '2029-12-31')
  await page.click(`${form} [data-test=register]`)
  await page.waitForSelector(`[data-test=choose-${name}]`, { timeout: WAIT_MS })
  const row = await page.textContent(`tr:has([data-test=choose-${name}])`)
  check(context, 'the officer registers a caregiver; the list shows the ID number masked and the certificate valid today',
    row.includes(idNumber.slice(0, 6)) && !row.includes(idNumber) && !row.includes(phone) && row.includes('中级'), row)
}

export async function caregiverCertificatesFlow(browser, context) {
  const page = await browser.newPage()
  watchErrors(page, context)
  await signIn(page, context, context.baseUrl, OFFICER_PHONE)
  await page.waitForURL(/#\/dashboard/, { timeout: WAIT_MS })
  await page.click('nav >> text=护理员证书')
  const current = `[data-test=current-${DEMO_CARE_HOME_CAREGIVER}]`
  await page.waitForSelector(current, { timeout: WAIT_MS })
  const shown = (await page.textContent(current)).trim()
  const until = shown.match(/至 (\d{4}-\d{2}-\d{2})/)?.[1]
  check(context, "the caregiver list shows the demo caregiver's certificate valid today", shown.startsWith('高级') && until, shown)
  await registerCaregiver(page, context)
  await page.click(`[data-test=choose-${DEMO_CARE_HOME_CAREGIVER}]`)
  await page.waitForSelector(`[data-test=certificates] h2:has-text("${DEMO_CARE_HOME_CAREGIVER}")`, { timeout: WAIT_MS })
  await page.waitForSelector('[data-test=certificates] tbody tr', { timeout: WAIT_MS })

  const from = dayAfter(until)
  const to = yearsAfter(from, 5)
  const typo = `HL-E2E-${Date.now().toString(36).toUpperCase()}`
  const typed = await recordCertificate(page, 'TECHNICIAN', typo, from, to)
  check(context, 'the officer records the renewal (typed in as 技师 by mistake); it is not yet valid', typed === '未生效', typed)
  const row = `[data-test=withdraw-${typo}]`
  await page.click(`${row} [data-test=withdraw-open]`)
  await page.fill(`${row} input[name=reason]`, '等级录错，证书上是高级')
  await page.click(`${row} [data-test=withdraw-confirm]`)
  await page.waitForSelector(`[data-test=withdrawn-${typo}]`, { timeout: WAIT_MS })
  const withdrawn = (await page.textContent(`[data-test=withdrawn-${typo}]`)).trim()
  const state = (await page.textContent(`[data-test=state-${typo}]`)).trim()
  check(context, 'the officer withdraws it with the reason, and it stays listed as 已撤销 with why', state === '已撤销'
    && withdrawn.includes('等级录错，证书上是高级'), `${state} / ${withdrawn}`)
  const right = `${typo}-R`
  const recorded = await recordCertificate(page, 'SENIOR', right, from, to)
  check(context, 'the right certificate is recorded over the withdrawn one\'s dates', recorded === '未生效', recorded)
  await shot(page, context, '19-caregiver-certificates')
  await page.close()
}
