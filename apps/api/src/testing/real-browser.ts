import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** The built admin (`npm test` builds it first), served by the real API in browser tests. */
export const ADMIN_DIST = join(__dirname, '../../../../dist/apps/admin/browser');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Screenshots of the browser tests, for people to look at (git-ignored). */
const SCREENSHOTS = join(__dirname, '../../../../dist/screenshots');

/** Fails early, saying what to do, when the built admin or Chromium is missing. */
export function requireAdminAndChromium(): void {
  if (!existsSync(join(ADMIN_DIST, 'index.html'))) throw new Error(`No built admin at ${ADMIN_DIST}: run "npm test" (it builds the admin first).`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
}

/** Debian's Chromium, headless, without the background traffic a test has no use for. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Takes full-page screenshots into dist/screenshots/<folder>/<name>.png. */
export function screenshotter(folder: string, page: () => Page): (name: string) => Promise<Buffer> {
  const dir = folder ? join(SCREENSHOTS, folder) : SCREENSHOTS;
  mkdirSync(dir, { recursive: true });
  return (name) => page().screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Opens a page of the admin at `url` and signs in through the sign-in form. */
export async function signedInPage(browser: Browser, url: string, email: string, password: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(url);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=current-user]');
  return page;
}
