import { defineConfig, devices } from '@playwright/test';
import fs from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 3100);
// Debian's Chromium when present (downloads are blocked here); PLAYWRIGHT_CHROMIUM overrides.
const systemChromium = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p));
const executablePath = process.env.PLAYWRIGHT_CHROMIUM || systemChromium;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // A stray test.only must not silently skip the rest of the suite on CI.
  forbidOnly: !!process.env.CI,
  workers: 1,
  retries: 0,
  // Journeys of many pages, each checked with axe: a 2-core machine shared by several runs needs the headroom.
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-US',
    // API requests made by tests speak English too, like the browser pages.
    extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: executablePath ? { executablePath } : {} },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    // A production build on a busy 2-core machine can take several minutes.
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 600_000),
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { E2E_PORT: String(port) },
  },
});
