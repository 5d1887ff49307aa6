// The report's pages for everyone: axe-core finds no serious or critical violation in the analyze report, a bench
// report, serve's page and its playground, in light and dark, at 1440 and 800 px; the first view has the costliest site open; the
// keyboard reaches the detail by a skip link and moves through the ranked list, the search results, the file tree
// and the benchmarks. Screenshots of each view go to test-artifacts/ (a11y-<view>-<scheme>-<width>.png, and the
// bench report's flame graph and top table as a11y-bench-<part>-<scheme>-<width>.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { artifacts, openReport, useBrowser } from '../helpers/browser.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir, repoRoot } from '../helpers/paths.js';
import { startServe, waitReady } from '../helpers/serve.js';

const axePath = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

const browser = useBrowser();

/** axe's serious and critical violations on the page, one line each (rule, impact, first targets). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    type AxeViolation = { id: string; impact: string; nodes: { target: string[] }[] };
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  });
}

/** The first view: the first ranked site selected, its line open in the source and its detail shown. */
async function assertFirstView(page: Page, view: string): Promise<void> {
  const first = page.locator('[data-testid="summary-item"]').first();
  assert.equal(await first.getAttribute('aria-selected'), 'true', `${view}: the costliest site is selected`);
  assert.match(page.url(), new RegExp(`#site=${await first.getAttribute('data-site-id')}`));
  await page.locator('[data-testid="site-detail"] [data-testid="site-headline"]').waitFor();
  await page.locator('[data-testid="source-view"] .cm-selected-line').waitFor();
  const where = (await first.locator('.where').innerText()).split(':')[0]!;
  assert.ok((await page.locator('[data-testid="source-view"]').getAttribute('data-file'))?.endsWith(where), `${view}: ${where} open`);
}

/** The summary's charts: by cause, by package, measured and cold, in the window, their labels agreeing with the
 *  count tables (the cause table's first row is the chart's first part). */
async function assertCharts(page: Page, view: string): Promise<void> {
  for (const name of ['cause', 'package', 'measured', 'cold']) {
    const chart = page.locator(`[data-testid="chart-${name}"]`);
    const box = await chart.boundingBox();
    assert.ok(box && box.y + box.height <= 900, `${view}: chart ${name} in view`);
    assert.match((await chart.locator('[role="img"]').getAttribute('aria-label')) ?? '', /^[\w ]+, \w+: \S+ [\d,]+ \(\d+%\)/);
  }
  const causes = await page
    .locator('[data-testid="summary-counts"] table.counts')
    .first()
    .locator('tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
  const total = causes.reduce((t, r) => t + Number(r[0]!.replace(/,/g, '')), 0);
  assert.equal(Number(await page.locator('[data-testid="chart-cause"]').getAttribute('data-total')), total, `${view}: ${causes}`);
  const label = (await page.locator('[data-testid="chart-cause"] [role="img"]').getAttribute('aria-label')) ?? '';
  assert.ok(label.includes(`: ${causes[0]![1]} ${causes[0]![0]} (`), `${view}: ${label}`);
}

test('axe finds no serious or critical violation in the four views (analyze, bench, serve, playground), light and dark, at 1440 and 800 px; the first view has a site open', async (t) => {
  const dir = tempDir('heapscope-a11y-');
  const analyze = join(dir, 'analyze.html');
  const bench = join(dir, 'bench.html');
  let r = runCli(['analyze', '--format', 'html', '-o', analyze, '-C', examplesDir, '--tests']);
  assert.equal(r.code, 0, r.stderr);
  r = runCli(['bench', '--format', 'html', '-o', bench, '-C', examplesDir, '--benchtime', '200x']);
  assert.equal(r.code, 0, r.stderr);
  // serve watches its module: a copy of the examples, so nothing is written next to the repository's own.
  const mod = join(dir, 'm');
  cpSync(examplesDir, mod, { recursive: true });
  const { url: serveUrl, child } = await startServe(mod, dir);
  t.after(() => child.kill('SIGTERM'));
  await waitReady(serveUrl);

  const views: [string, string][] = [
    ['analyze', `file://${analyze}`],
    ['bench', `file://${bench}`],
    ['serve', serveUrl],
    ['playground', `${serveUrl}playground`],
  ];
  const found: string[] = [];
  for (const [view, url] of views)
    for (const colorScheme of ['light', 'dark'] as const)
      for (const width of [1440, 800]) {
        // The playground shares the report's parts: axe on two of its four combinations keeps the test within a minute.
        const axe = view !== 'playground' || (colorScheme === 'light') === (width === 1440);
        const { page, problems } = await openReport(browser(), url, { width, colorScheme, bypassCSP: true });
        const name = `${view}-${colorScheme}-${width}`;
        if (view !== 'playground') await assertFirstView(page, name);
        // The header: the product named once, the command readable (shortened only with its whole text in the title).
        if (view !== 'playground') {
          assert.match(await page.locator('header .brand').innerText(), /^heapscope \d+\.\d+\.\d+$/);
          const command = await page.locator('header .command').evaluate((c) => [c.textContent, c.getAttribute('title'), c.clientWidth]);
          assert.ok(command[0] === command[1] && /^heapscope (analyze|bench|serve)/.test(String(command[0])), `${name}: ${command}`);
          assert.ok(Number(command[2]) >= 150, `${name}: the command ${command[2]} px wide`);
        }
        // Made without --asm: the assembly pane names the flag that adds it.
        if (view === 'analyze') assert.match(await page.locator('[data-testid="asm-hint"]').innerText(), /run with --asm /);
        // At a glance: four charts in view, each an image whose label lists its parts with the tables' counts.
        if (view !== 'playground' && width === 1440) await assertCharts(page, name);
        // Before its first run the playground says so, instead of showing an empty result.
        if (view === 'playground') {
          assert.match(await page.locator('[data-testid="summary-placeholder"]').innerText(), /Nothing analysed yet/);
          assert.equal(await page.locator('[data-testid="overview"], [data-testid="summary-counts"]').count(), 0);
        }
        if (view === 'bench') {
          // A benchmark opened: its tables and flame graph beside the site still open.
          await page.locator('[data-testid="bench-row"]').first().click();
          await page.waitForFunction(() => /bench=.*site=|site=.*bench=/.test(location.hash));
          await page.locator('[data-testid="site-detail"] [data-testid="site-headline"]').waitFor();
        }
        if (axe) for (const v of await axeViolations(page)) found.push(`${name}: ${v}`);
        await page.screenshot({ path: join(artifacts, `a11y-${name}.png`) });
        if (view === 'bench')
          for (const part of ['flame', 'top-table']) {
            await page.locator(`[data-testid="${part}"]`).scrollIntoViewIfNeeded();
            await page.screenshot({ path: join(artifacts, `a11y-${view}-${part}-${colorScheme}-${width}.png`) });
          }
        // Nothing wider than the window, and the code pane within its column (the editor scrolls inside it).
        const widths = await page.evaluate(() => {
          const code = document.querySelector('[data-testid="source-view"]')!;
          const column = code.closest('main')!.getBoundingClientRect();
          return {
            page: document.documentElement.scrollWidth,
            window: window.innerWidth,
            code: [code.scrollWidth, code.clientWidth],
            right: [code.getBoundingClientRect().right, column.right],
          };
        });
        assert.ok(
          widths.page <= widths.window && widths.code[0]! <= widths.code[1]! && widths.right[0]! <= widths.right[1]! + 0.5,
          `${name}: ${JSON.stringify(widths)}`,
        );
        assert.deepEqual(problems, [], name);
        // The ranked list is dense: at 1440x900 many more than four sites show without scrolling.
        if (width === 1440 && view === 'analyze') {
          const shown = await page.$$eval('[data-testid="summary-item"]', (items) => {
            const box = items[0]!.closest('.summary')!.getBoundingClientRect();
            return items.filter((i) => i.getBoundingClientRect().bottom <= box.bottom).length;
          });
          assert.ok(shown >= 10, `${shown} ranked sites in view`);
        }
        await page.context().close();
      }
  assert.deepEqual(found, []);
});

test('the keyboard: a skip link to the detail, arrows and Enter in the ranked list, the search results (by cost), the file tree and the benchmarks', async () => {
  const file = join(tempDir('heapscope-a11y-'), 'bench.html');
  const r = runCli(['bench', '--format', 'html', '-o', file, '-C', examplesDir, '--benchtime', '200x']);
  assert.equal(r.code, 0, r.stderr);
  const { page, problems } = await openReport(browser(), `file://${file}`, { width: 1440 });
  const focused = () => page.evaluate(() => document.activeElement?.className + '#' + (document.activeElement?.id ?? ''));
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));

  // Tab reaches the skip link first; Enter moves the focus to the detail, and the address stays.
  const before = await hash();
  await page.keyboard.press('Tab');
  assert.match(await focused(), /skip-link/);
  await page.keyboard.press('Enter');
  assert.match(await focused(), /#site-detail$/);
  assert.equal(await hash(), before);

  // The ranked list: the selected item holds the Tab stop, ArrowDown moves to the next, Enter opens it.
  const items = page.locator('[data-testid="summary-item"]');
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  const second = await items.nth(1).getAttribute('data-site-id');
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.siteId), second);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash === `#site=${id}`, second);
  assert.equal(await items.nth(1).getAttribute('aria-selected'), 'true');

  // The search lists by cost as the ranking does, in a panel no taller than its results.
  const search = page.locator('[data-testid="search"]');
  await search.fill('returned-address');
  await page.locator('[data-testid="search-result"]').first().waitFor();
  const ranked = await items.filter({ hasText: 'returned-address' }).first().getAttribute('data-site-id');
  assert.equal(await page.locator('[data-testid="search-result"]').first().getAttribute('data-site-id'), ranked);
  const n = await page.locator('[data-testid="search-result"]').count();
  assert.ok(n < 10);
  assert.equal((await page.locator('[data-testid="search-results"]').boundingBox())?.height, n * 40);

  // The search is a combobox whose results the arrows walk; Enter opens the active one.
  await search.fill('Describe');
  // (the results of the search before stay until this one runs)
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="search-result"]')];
    return rows.length > 0 && rows.every((r) => r.textContent?.includes('Describe'));
  });
  assert.equal(await search.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  const active = await search.getAttribute('aria-activedescendant');
  assert.ok(active);
  const chosen = await page.locator(`#${active}`).getAttribute('data-site-id');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash === `#site=${id}`, chosen);
  assert.equal(await search.getAttribute('aria-expanded'), 'false');

  // The file tree: Home is the package, ArrowDown its first file; Enter opens that file.
  const tree = page.locator('[data-testid="file-tree"] [role="tree"]');
  await tree.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  const row = page.locator(`#${await tree.getAttribute('aria-activedescendant')}`);
  assert.equal(await row.getAttribute('data-testid'), 'tree-file');
  const path = await row.getAttribute('data-file');
  // Left goes up to the package and closes it, Right opens it again.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('[data-testid="tree-package"]').first().getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator(`[data-testid="tree-file"][data-file="${path}"]`).count(), 0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator(`#${await tree.getAttribute('aria-activedescendant')}`).getAttribute('data-file'), path);
  await page.keyboard.press('Enter');
  await page.waitForFunction((p) => document.querySelector('[data-testid="source-view"]')?.getAttribute('data-file') === p, path);

  // The benchmarks: ArrowDown to the second row, Space opens it.
  const rows = page.locator('[data-testid="bench-row"]');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  const name = await rows.nth(1).getAttribute('data-name');
  await page.waitForFunction((n) => decodeURIComponent(location.hash).includes(`bench=${n}`), name);
  assert.deepEqual(problems, []);
  await page.context().close();
});
