// The bench report's views in a real browser (Debian's chromium through playwright-core), on the examples: the
// flame graph stays in its column, labels frames by short names, hovers with self, total and the share of the root,
// highlights the frames a regular expression matches and switches B/op and allocs/op; the top table sorts; the
// source gutter shows each line's allocs/op and B/op with a legend. Screenshots go to test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir } from '../helpers/paths.js';
import { artifacts, openReport, useBrowser } from '../helpers/browser.js';

const browser = useBrowser();

test('bench report of the examples: flame in its column with short names, hover, regexp search, measures; top table; gutter figures', async () => {
  const file = join(tempDir('heapscope-browser-bench-'), 'examples.html');
  const r = runCli(['bench', '--format', 'html', '-o', file, '--benchtime', '2000x', '-C', examplesDir]);
  assert.equal(r.code, 0, r.stderr);
  const { page, problems } = await openReport(browser(), `file://${file}`, { width: 1440 });

  // Itoa: five frames deep, the allocation in strconv (internal/strconv in recent releases).
  await page.locator('[data-testid="bench-row"][data-name="BenchmarkItoa"]').click();
  const flame = page.locator('[data-testid="flame"]');
  await flame.locator('g.frame').nth(4).waitFor();
  await flame.scrollIntoViewIfNeeded();

  // The root's figures against the table's: Itoa's 0.25 allocs/op (one tiny block for four strings) is explained.
  assert.match(
    (await page.locator('[data-testid="flame-root"]').textContent()) ?? '',
    /^Root: [\d.]+ B\/op, 0\.25 allocs\/op.*go test's own count/,
  );

  // In its column: the chart and every frame inside the benchmarks pane.
  const boxes = await page.evaluate(() => {
    const col = document.querySelector('[data-testid="bench"]')!.getBoundingClientRect();
    const svg = document.querySelector('[data-testid="flame"] svg')!.getBoundingClientRect();
    const frames = [...document.querySelectorAll('[data-testid="flame"] g.frame rect')].map((e) => e.getBoundingClientRect());
    return { col: [col.left, col.right], svg: [svg.left, svg.right], frames: frames.map((f) => [f.left, f.right]) };
  });
  assert.ok(boxes.svg[0]! >= boxes.col[0]! && boxes.svg[1]! <= boxes.col[1]! + 0.5, JSON.stringify(boxes));
  for (const f of boxes.frames) assert.ok(f[0]! >= boxes.col[0]! && f[1]! <= boxes.col[1]! + 0.5, JSON.stringify(boxes));

  // Short names: no import path in any label; FormatInt as `strconv.FormatInt`.
  const labels = await flame.locator('.d3-flame-graph-label').allTextContents();
  assert.ok(labels.includes('strconv.FormatInt'), JSON.stringify(labels));
  assert.ok(labels.includes('examples.Itoa'), JSON.stringify(labels));
  assert.ok(!labels.some((l) => l.includes('/')), JSON.stringify(labels));

  // Hover: the full name, its line, self and total of both measures with their share of the root.
  const frame = (label: RegExp) => flame.locator('g.frame', { has: page.locator('.d3-flame-graph-label', { hasText: label }) });
  const itoa = frame(/^examples\.Itoa$/);
  await itoa.locator('rect').hover();
  const title = (await itoa.locator('title').textContent()) ?? '';
  assert.match(title, /^example\.com\/heapscope\/examples\.Itoa alloc\.go:111\n/);
  assert.match(title, /B\/op: self 0 \(0\.0%\), total [\d.]+ \(100\.0% of the root\)/);
  assert.match(title, /allocs\/op: self 0 \(0\.0%\), total [\d.]+ \(100\.0% of the root\)/);
  const leaf =
    (await frame(/^strconv\.FormatInt$/)
      .locator('title')
      .textContent()) ?? '';
  assert.match(leaf, /B\/op: self ([\d.]+) \(100\.0%\), total \1 \(100\.0% of the root\)/);

  // By keyboard: a frame is a button; Enter on examples.Itoa opens its line.
  await itoa.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="source-view"]')?.getAttribute('data-line') === '111');
  assert.equal(await flame.getAttribute('data-selected-frame'), 'example.com/heapscope/examples.Itoa');

  // Regexp search: the matching frames highlighted and counted; a bad expression flagged, nothing matched.
  const search = page.locator('[data-testid="flame-search"]');
  await search.fill('Format(Int|Uint)$');
  assert.equal(await flame.getAttribute('data-matches'), '1');
  assert.equal(await flame.locator('g.frame[data-match]').count(), 1);
  assert.match((await page.locator('[data-testid="flame-found"]').textContent()) ?? '', /^1 frame, [\d.]+ B\/op \(100\.0%\)$/);
  await search.fill('strconv\\.');
  assert.ok(Number(await flame.getAttribute('data-matches')) >= 2);
  await page.screenshot({ path: join(artifacts, 'bench-flame-search.png') });
  await search.fill('(');
  assert.equal(await search.getAttribute('aria-invalid'), 'true');
  assert.equal(await flame.getAttribute('data-matches'), '0');
  await search.fill('examples\\.Itoa$');
  // The measure: allocs/op redraws the chart and the search's sum follows it.
  await page.locator('[data-testid="flame-allocs"]').check();
  assert.match((await page.locator('[data-testid="flame-found"]').textContent()) ?? '', /^1 frame, [\d.]+ allocs\/op \(100\.0%\)$/);
  assert.equal(await flame.getAttribute('data-matches'), '1');

  // The top table: FormatInt allocates itself (flat), the others only through it (cum); sortable by cum.
  const top = page.locator('[data-testid="top-row"]');
  assert.match((await top.first().getAttribute('data-name')) ?? '', /^(internal\/)?strconv\.FormatInt$/);
  const names = await top.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  assert.ok(names.includes('example.com/heapscope/examples.Itoa') && names.includes('BenchmarkItoa'), JSON.stringify(names));
  await page.locator('[data-testid="top-sort-name"]').click();
  assert.equal(await top.first().getAttribute('data-name'), 'BenchmarkItoa');
  await page.locator('[data-testid="top-sort-cumBytes"]').click();
  const cums = await top.evaluateAll((rows) => rows.map((r) => Number((r.children[2]!.firstChild!.textContent ?? '').replace(/,/g, ''))));
  assert.deepEqual(
    cums,
    [...cums].sort((a, b) => b - a),
  );

  // Itoa's four strings share a 16-byte block: the line's allocs/op is an estimate, marked (with the profile's
  // 0.25 blocks/op in its title) in the line list, the top table and the gutter, and said in the legends.
  assert.match((await page.locator('[data-testid="tiny-legend"]').textContent()) ?? '', /tiny objects .*16-byte blocks/);
  const lineMark = page.locator('[data-testid="bench-line"]', { hasText: 'alloc.go:111' }).locator('[data-testid="tiny-mark"]');
  assert.equal(await lineMark.count(), 1, 'one mark: allocs/op is estimated, B/op is not');
  assert.equal(await lineMark.getAttribute('data-profiled'), '0.25');
  assert.match((await lineMark.getAttribute('title')) ?? '', /profile counts 0\.25 blocks\/op here, heapscope estimates [\d.]+ allocs\/op/);
  const topMark = page.locator('[data-testid="top-row"][data-name="example.com/heapscope/examples.Itoa"] [data-testid="tiny-mark"]');
  assert.equal(await topMark.getAttribute('data-profiled'), '0.25');
  await page.locator('[data-testid="bench-line"] button', { hasText: 'alloc.go:111' }).first().click();
  const gutterMark = page.locator('[data-testid="gutter-bench"] [data-testid="tiny-mark"]');
  await gutterMark.waitFor();
  assert.equal(await gutterMark.getAttribute('data-profiled'), '0.25');
  assert.match((await page.locator('[data-testid="gutter-legend"]').textContent()) ?? '', /≈ marks allocs\/op estimated/);

  // By line, as `top -lines`: each row a function at one line.
  await page.locator('[data-testid="top-by-line"]').check();
  assert.ok(
    (await top.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).includes(
      'example.com/heapscope/examples.Itoa alloc.go:111',
    ),
  );
  assert.ok((await top.allInnerTexts()).some((t) => /examples\.Itoa alloc\.go:111/.test(t)));

  // The gutter in a bench report: each measured line's allocs/op and B/op, here BenchmarkLarge's 80 KB buffer.
  await page.locator('[data-testid="bench-row"][data-name="BenchmarkLarge"]').click();
  await page.locator('[data-testid="bench-line"] button', { hasText: 'alloc.go:73' }).first().click();
  // Large's root agrees with the table (81,920 B/op, 1 alloc/op): nothing to explain.
  assert.doesNotMatch((await page.locator('[data-testid="flame-root"]').textContent()) ?? '', /go test's own count/);
  const mark = page.locator('[data-testid="gutter-bench"]');
  await mark.first().waitFor();
  assert.equal(await mark.count(), 1);
  assert.ok(Math.abs(Number(await mark.getAttribute('data-bytes')) - 81920) <= 1);
  assert.equal(Number(await mark.getAttribute('data-allocs')), 1);
  assert.match((await mark.textContent()) ?? '', /^1 · 80K B$/);
  assert.match((await page.locator('[data-testid="gutter-legend"]').textContent()) ?? '', /allocs\/op · B\/op .* by BenchmarkLarge [^≈]*$/);
  assert.equal(await page.locator('[data-testid="gutter-heap"]').count(), 0, 'no decision counts in a bench report');
  await page.screenshot({ path: join(artifacts, 'bench-gutter.png') });
  assert.deepEqual(problems, []);
  await page.context().close();
});
