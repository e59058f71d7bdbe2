/**
 * Debian's chromium driven by playwright-core, with a fresh profile and no
 * network: every request the page makes to anything but this machine's
 * loopback is aborted and recorded.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface OfflineBrowser {
  page: Page;
  /** Requests the page tried to make off this machine (all aborted). */
  blocked: string[];
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
  close(): Promise<void>;
}

export async function openOfflineBrowser(): Promise<OfflineBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the explorer test runs Debian's chromium (apt-get install -y chromium; .ci/run installs it)`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'laurel-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(`${CHROMIUM} did not start: ${(err as Error).message}`);
  }
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname))) return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return {
    page,
    blocked,
    errors,
    close: async () => {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The font the pages name first for Chinese; screenshots show boxes without a CJK font. */
export const CJK_FONT = 'Noto Sans CJK SC';

/** Fails, naming the package, when the browser has no CJK font to draw Chinese with. */
export async function requireCjkFont(page: Page): Promise<void> {
  const ok = await page.evaluate(async (font) => {
    const fonts = (globalThis as any).document.fonts;
    await fonts.load(`16px "${font}"`, '劳动模范');
    return fonts.check(`16px "${font}"`, '劳动模范') as boolean;
  }, CJK_FONT);
  if (!ok) throw new Error(`chromium finds no "${CJK_FONT}" font: install Debian's fonts-noto-cjk (apt-get install -y fonts-noto-cjk; .ci/run does)`);
}
