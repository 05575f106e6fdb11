// The console's end-to-end test, in headless Chromium (Debian's, driven by playwright-core) against the local
// gateway: an operator signs in, finds a resident by phone, orders tomorrow's lunch and books a bath with the
// keyboard only; the provider assigns the bath to its caregiver; the canteen marks the order delivered and a dine-in order served on its day; an officer withdraws a caregiver's certificate typed in wrong and records the right one; the auditor's verify of the audit chain is valid. Screenshots of each page go to SCREENSHOT_DIR;
// any console error in the browser fails the run. Prints the figures (first-load JS gzip is measured by the build).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import { startGateway } from './gateway.mjs'
import { auditorFlow, canteenFlow, operatorFlow } from './flows.mjs'
import { auditorPagesFlow, beforeServing, officerFlow } from './flows.mjs' // the dashboard and the auditor's pages (issue 14)
import { providerFlow } from './flows.mjs'
import { caregiverCertificatesFlow } from './flows.mjs'

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run']
const outDir = path.resolve(process.env.E2E_OUT_DIR ?? 'target/e2e')
const shotsDir = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(outDir, 'screenshots'))

async function main() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  }
  fs.rmSync(shotsDir, { recursive: true, force: true })
  fs.mkdirSync(shotsDir, { recursive: true })
  fs.mkdirSync(outDir, { recursive: true })
  const gateway = process.env.E2E_BASE_URL
    ? { baseUrl: process.env.E2E_BASE_URL, stop: async () => undefined }
    : await startGateway(required('GATEWAY_JAR'), fs.createWriteStream(path.join(outDir, 'local-gateway.log')))
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiyang-console-e2e-'))
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS,
    viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  })
  const errors = []
  const results = []
  try {
    const context = { baseUrl: gateway.baseUrl, shotsDir, errors, results, figures: {} }
    await operatorFlow(browser, context)
    // provider desk: before the canteen moves the gateway's clock to tomorrow noon (it also places a dine-in order for the counter)
    await providerFlow(browser, context)
    await beforeServing(context) // issue 14: the meal point's count before the canteen serves
    await canteenFlow(browser, context)
    await officerFlow(browser, context) // issue 14: the dashboard shows it; the day is settled
    await auditorPagesFlow(browser, context) // issue 14: full verify, the trace, the CSV export
    await caregiverCertificatesFlow(browser, context) // a certificate typed in wrong, withdrawn; before the auditor's verify
    await auditorFlow(browser, context)
    printFigures(context.figures)
    printDashboardFigures(context.figures) // issue 14
  } catch (e) {
    await Promise.all(browser.pages().map((p, i) => p.screenshot({ path: path.join(shotsDir, `failure-${i}.png`) })))
    results.push({ name: 'the flows ran to the end', ok: false, detail: e.stack })
  } finally {
    await browser.close()
    await gateway.stop()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
  if (errors.length) {
    results.push({ name: 'no console errors', ok: false, detail: errors.join('\n') })
  } else {
    results.push({ name: 'no console errors', ok: true })
  }
  report(results)
}

function report(results) {
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name}${r.detail ? `: ${r.detail}` : ''}`)
  const failed = results.filter((r) => !r.ok).length
  console.log(`e2e: ${results.length - failed} passed, ${failed} failed`)
  if (failed) process.exitCode = 1
}

function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`set ${name}`)
  return value
}

main().catch((e) => {
  console.error(e)
  console.log('e2e: 0 passed, 1 failed')
  process.exitCode = 1
})

/** The built files the browser loaded, gzipped as a CDN would send them. */
const BUILT = 'target/classes/META-INF/resources'

function gzipBytes(pathnames) {
  return pathnames.reduce((sum, p) => sum + zlib.gzipSync(fs.readFileSync(path.join(BUILT, p)), { level: 9 }).length, 0)
}

function printFigures(figures) {
  const kib = (gzipBytes(figures.hotlineScripts) / 1024).toFixed(1)
  console.log(`figure: JavaScript at first load of the hotline desk: ${figures.hotlineScripts.length} files, ${kib} KiB gzip`)
  console.log(`figure: hotline desk interactive after ${figures.hotlineInteractiveMs} ms (cold reload to the look-up field focused)`)
  console.log(`figure: hotline flow made ${figures.hotlineApiCalls} API calls: ${figures.hotlineCalls.join(', ')}`)
}

// ---- issue 14: the dashboard's own JavaScript, loaded only when an officer opens it --------------------------
function printDashboardFigures(figures) {
  const all = figures.dashboardScripts
  const own = all.filter((p) => !figures.hotlineScripts.includes(p))
  const kib = (files) => (gzipBytes(files) / 1024).toFixed(1)
  console.log(`figure: JavaScript at first load of the dashboard: ${all.length} files, ${kib(all)} KiB gzip; `
    + `of which not loaded by the hotline desk (the dashboard's chunks, ECharts included): ${own.length} files, ${kib(own)} KiB gzip`)
}
