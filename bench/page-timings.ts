// The HTML report in headless Chromium: how long a page takes to show its summary, and how long a click on the
// first summary entry takes to show that site's detail. The page marks both (performance.mark
// 'heapscope:first-paint' and 'heapscope:site-shown'); Chromium's own first-contentful-paint is read beside them.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['HEAPSCOPE_CHROMIUM'] ?? '/usr/bin/chromium';

export interface PageTiming {
  /** From navigation start to the summary in the DOM. */
  firstPaintMs: number;
  /** Chromium's first contentful paint. */
  fcpMs: number | null;
  /** From navigation start to the whole data decoded (the search, the file tree, every site). */
  completeMs: number;
  /** From a click on the second summary entry (the first is open at load; once the whole data is in) to its detail shown. */
  selectMs: number;
}

export async function withBrowser<T>(f: (b: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    return await f(browser);
  } finally {
    await browser.close();
  }
}

export async function timePage(browser: Browser, url: string): Promise<PageTiming> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('heapscope:first-paint').length > 0, null, { timeout: 60_000 });
    // Chromium records the first contentful paint only once a frame is presented.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const paint = await page.evaluate(() => ({
      first: performance.getEntriesByName('heapscope:first-paint')[0]!.startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    await page.waitForFunction(() => performance.getEntriesByName('heapscope:complete').length > 0, null, { timeout: 60_000 });
    const completeMs = await page.evaluate(() => performance.getEntriesByName('heapscope:complete')[0]!.startTime);
    const before = await page.evaluate(() => performance.getEntriesByName('heapscope:site-shown').length);
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('[data-testid="summary-item"]').nth(1).click();
    await page.waitForFunction((n) => performance.getEntriesByName('heapscope:site-shown').length > n, before, { timeout: 60_000 });
    const shown = await page.evaluate(() => performance.getEntriesByName('heapscope:site-shown').at(-1)!.startTime);
    return { firstPaintMs: paint.first, fcpMs: paint.fcp, completeMs, selectMs: shown - t0 };
  } finally {
    await context.close();
  }
}
