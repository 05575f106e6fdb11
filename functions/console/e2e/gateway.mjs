// Starts the packaged local gateway (embedded stores, demo county) on a free port, as the end-to-end tests need it.
import { spawn } from 'node:child_process'
import net from 'node:net'

/** The demo seed logs this once the staff accounts exist: before it, a sign-in would count as a failed try. */
const SEEDED_MARK = 'staff accounts 13905710101'
/** Quarkus logs this once the HTTP server listens, after the seed. */
const LISTENING_MARK = 'Listening on:'
export const GATEWAY_START_MS_MAX = 240_000

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

export async function startGateway(jar, logTo) {
  const port = await freePort()
  const child = spawn('java', [
    '-Xmx1g', `-Dquarkus.http.port=${port}`, '-Dyiyang.dev.clock.enabled=true', '-jar', jar,
  ], { stdio: ['ignore', 'pipe', 'pipe'] })
  let seeded
  const marks = { seeded: false, listening: false }
  const ready = new Promise((resolve, reject) => {
    seeded = resolve
    child.on('exit', (code) => reject(new Error(`the local gateway exited with ${code} before it was ready`)))
  })
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      logTo.write(chunk)
      const text = chunk.toString()
      marks.seeded ||= text.includes(SEEDED_MARK)
      marks.listening ||= text.includes(LISTENING_MARK)
      if (marks.seeded && marks.listening) seeded()
    })
  }
  const timeout = setTimeout(() => child.kill('SIGTERM'), GATEWAY_START_MS_MAX)
  await ready
  clearTimeout(timeout)
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      child.removeAllListeners('exit')
      child.on('exit', resolve)
      child.kill('SIGTERM')
    }),
  }
}
