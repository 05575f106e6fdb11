// The people's flows, keyboard first. Each check lands in context.results as PASS/FAIL with what was seen.
import path from 'node:path'

export const DEMO_PASSWORD = 'Xihu-demo-2026'
export const OPERATOR_PHONE = '13905710102'
export const CANTEEN_PHONE = '13905710103'
export const AUDITOR_PHONE = '13905710107'
/** 李建国, 84 (the 80–89 band: ¥5.00 off a meal), typed with spaces as a caller reads it out. */
export const CALLER_PHONE_TYPED = '138 0571 0002'
export const CALLER_NAME = '李建国'
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
  check(context, 'look-up by phone finds the resident', (await page.textContent('[data-test=resident-card]')).includes(CALLER_NAME))
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
  await page.goto(`${context.baseUrl}/console/#/emergencies`)
  await page.waitForSelector('text=助急看板', { timeout: WAIT_MS })
  await page.waitForSelector('text=上次刷新', { timeout: WAIT_MS })
  await shot(page, context, '08-emergency-board')
  await page.close()
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
  await shot(page, context, '13-provider-desk')
  await page.click(`${form} [data-test=assign]`)
  const assigned = `[data-test=assigned-${context.bathCode}]`
  await page.waitForSelector(assigned, { timeout: WAIT_MS })
  check(context, 'the provider assigns the bath to its caregiver with one click', (await page.textContent(assigned)).includes(DEMO_CAREGIVER))
  const day = await page.textContent(`[data-test=caregiver-${DEMO_CAREGIVER}]`)
  check(context, "the bath is on the caregiver's day", day.includes(`${tomorrowInCounty().slice(5)} 10:00`), day)
  await shot(page, context, '14-provider-assigned')
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
}

/** At the counter, on the order's day: the dine-in order is served with one click. */
async function serveDineIn(page, context) {
  const row = `[data-test=dine-in-${context.dineInCode}]`
  await page.waitForSelector(row, { timeout: WAIT_MS })
  await shot(page, context, '15-canteen-dine-in')
  await page.click(`${row} button:has-text("已取餐")`)
  await page.waitForSelector(`${row} .status`, { timeout: WAIT_MS })
  check(context, 'the canteen marks a dine-in order served with one click', (await page.textContent(row)).includes('已取餐'))
  await shot(page, context, '16-canteen-dine-in-served')
}
