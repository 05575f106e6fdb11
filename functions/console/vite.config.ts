/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// Served under /console/ by the local gateway (from the jar's META-INF/resources) and by CloudFront
// (from S3), on the same origin as the API, so every call is a relative /v1/... path.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  // The typed API client is the source of functions/api-client, generated from the API document: read
  // in place (no package to publish or fetch); its one runtime dependency resolves from this module.
  resolve: {
    alias: { '@yiyang/api-client': fileURLToPath(new URL('../api-client/src/index.ts', import.meta.url)) },
    dedupe: ['openapi-fetch'],
  },
  build: {
    outDir: 'target/classes/META-INF/resources/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  // `npm run dev` (and `vite preview`) against a running local gateway, 8080 unless YIYANG_GATEWAY names another.
  server: {
    proxy: {
      '/v1': process.env.YIYANG_GATEWAY ?? 'http://localhost:8080',
      '/dev': process.env.YIYANG_GATEWAY ?? 'http://localhost:8080',
    },
  },
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://console.test/console/' } },
    include: ['tests/**/*.spec.ts'],
  },
})
