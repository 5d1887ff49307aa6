// A page of the report in Debian's chromium (playwright-core) that records what must not happen on it: console
// errors, CSP violations, page errors, dialogs, failed responses and requests to anywhere but the page's own origin.
// Also the browser's life cycle for a test file, and where screenshots go (HEAPSCOPE_ARTIFACTS, or test-artifacts/).
import { after, before } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../../bench/page-timings.js';
import { repoRoot } from './paths.js';

export const artifacts = process.env['HEAPSCOPE_ARTIFACTS'] ?? join(repoRoot, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

/** Launches chromium before the file's tests and closes it after them; the getter gives the running browser. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Watched {
  page: Page;
  problems: string[];
}

export interface OpenOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  /** Lets a test inject a script (axe-core) into a page whose policy admits only its own. */
  bypassCSP?: boolean;
}

export async function openReport(browser: Browser, url: string, o: OpenOptions = {}): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: o.width ?? 1500, height: o.height ?? 900 },
    colorScheme: o.colorScheme ?? 'light',
    bypassCSP: o.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`response ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const origin = new URL(url).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (url.startsWith('file:') ? u !== url : !u.startsWith(origin)) problems.push(`request: ${u}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('body[data-complete="1"]');
  return { page, problems };
}
