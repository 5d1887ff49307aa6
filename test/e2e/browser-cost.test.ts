// The bench report's cost panel in a real browser (Debian's chromium through playwright-core), on a real `bench
// --format html` of the examples' copy-versus-pointer twin: the figures are the report's own (the page's data is
// the bench report the JSON reporter writes), each with the pass that measured it; the CPU flame graph colours the
// allocator's frames apart, hovers with self and total, is reached by Tab and opens a frame's line with Enter; the
// lines sort by the CPU spent allocating for them; axe finds no serious or critical violation, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir, repoRoot } from '../helpers/paths.js';
import { artifacts, openReport, useBrowser } from '../helpers/browser.js';
import { pageParts } from '../helpers/page.js';
import type { PageBenchmark, PageCpuFlameNode, PageData } from '../../src/reporters/html/page-data.js';

const browser = useBrowser();

/** axe's serious and critical violations (as test/e2e/accessibility.test.ts runs it). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    type AxeViolation = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Samples in the frames of one kind, each counted where it ends (a frame's self). */
function selfOfKind(n: PageCpuFlameNode, kind: string): number {
  const below = n.children.reduce((t, c) => t + c.samples, 0);
  return (n.kind === kind ? n.samples - below : 0) + n.children.reduce((t, c) => t + selfOfKind(c, kind), 0);
}

function bench(data: PageData, name: string): PageBenchmark & { cpu: NonNullable<PageBenchmark['cpu']> } {
  const b = data.benchmarks!.find((x) => data.strings[x.name] === name);
  assert.ok(b?.cpu, `${name}: ${JSON.stringify(b?.cpu)}`);
  return b as PageBenchmark & { cpu: NonNullable<PageBenchmark['cpu']> };
}

test('cost panel of CreatePointer and CreateCopy: the report\u2019s figures with their pass, a CPU flame with allocator frames, keyboard, lines by CPU, axe light and dark', async () => {
  const file = join(tempDir('heapscope-browser-cost-'), 'cost.html');
  const r = runCli([
    'bench',
    '--format',
    'html',
    '-o',
    file,
    '--cost-time',
    '2s',
    '--bench',
    '^BenchmarkCreate(Copy|Pointer)$',
    '-C',
    examplesDir,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const { data } = pageParts(readFileSync(file, 'utf8'));
  const ptr = bench(data, 'BenchmarkCreatePointer');
  const copy = bench(data, 'BenchmarkCreateCopy');
  // The data the page draws from: the pointer allocates (with too few samples the share would be null, the note says
  // how many), the copy does not; the flame's root is the samples the shares are taken over, and its allocator frames
  // hold the allocator's share of them.
  assert.ok(ptr.cpu.allocShare !== null && ptr.cpu.allocShare > 0, JSON.stringify(ptr.cpu));
  assert.equal(copy.cpu.allocShare, 0);
  assert.equal(ptr.cpuFlame!.root.samples, ptr.cpu.samples);
  assert.equal(Math.round((selfOfKind(ptr.cpuFlame!.root, 'alloc') / ptr.cpu.samples) * 10_000) / 10_000, ptr.cpu.allocShare);
  // The copy allocated nothing in its timed run: no cost run, its figures 0, no flame graph.
  assert.deepEqual([copy.cpu, copy.cpuFlame], [{ allocShare: 0, gcShare: 0, samples: 0, seconds: 0 }, null]);
  const ret = ptr.lines.find((l) => data.strings[data.files[l.file]!.path] === 'alloc.go' && l.line === 118);
  assert.ok(ret && ret.cpuShare! > 0, JSON.stringify(ptr.lines));

  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, problems } = await openReport(browser(), `file://${file}`, { colorScheme, bypassCSP: true, height: 1400 });
    const panel = page.locator('[data-testid="cost-panel"]');
    const figure = async (key: string) => {
      const row = panel.locator(`[data-testid="cost-${key}"]`);
      return { value: await row.getAttribute('data-value'), text: await row.innerText() };
    };

    // The copy: no CPU in the allocator (0, not unknown), from its timed run, and no flame graph.
    await page.locator('[data-testid="bench-row"][data-name="BenchmarkCreateCopy"]').click();
    await panel.locator('[data-testid="cost-no-flame"]').waitFor();
    let f = await figure('alloc-share');
    assert.equal(f.value, '0');
    assert.match(f.text, /^CPU in the allocator\t0%\ttimed run: 0 allocs\/op and 0 B\/op/);
    assert.equal(await panel.locator('[data-testid="cpu-flame"]').count(), 0);

    // The pointer: the report's share, as a percentage with its pass and margin; its samples and seconds.
    await page.locator('[data-testid="bench-row"][data-name="BenchmarkCreatePointer"]').click();
    const flame = panel.locator('[data-testid="cpu-flame"]');
    await flame.locator('g.frame[data-kind="alloc"]').first().waitFor();
    f = await figure('alloc-share');
    assert.equal(Number(f.value), ptr.cpu.allocShare);
    assert.ok(f.text.includes(`${Math.round(ptr.cpu.allocShare! * 1000) / 10}%`), f.text);
    assert.match(f.text, /±[\d.]+ points \(95%, \d+ samples\)/);
    assert.equal(Number((await figure('gc-share')).value), ptr.cpu.gcShare);
    assert.equal(Number((await figure('samples')).value), ptr.cpu.samples);

    // Allocator frames coloured apart: runtime.mallocgc is one, in the allocator's colour, not the GC's or the rest's.
    const malloc = flame.locator('g.frame[data-kind="alloc"][aria-label^="runtime.mallocgc,"]').first();
    const fill = (g: typeof malloc) => g.locator('rect').evaluate((e) => getComputedStyle(e).fill);
    const other = flame.locator('g.frame[data-kind="other"]').first();
    assert.notEqual(await fill(malloc), await fill(other));
    const swatch = (k: string) =>
      panel.locator(`[data-testid="cpu-legend"] .cpu-swatch[data-kind="${k}"]`).evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal((await fill(malloc)).replace(/\s/g, ''), (await swatch('alloc')).replace(/\s/g, ''));
    // Hover: the frame's full name, kind, self and total with their share of the root.
    await malloc.locator('rect').hover();
    const title = (await malloc.locator('title').textContent()) ?? '';
    assert.match(
      title,
      /^runtime\.mallocgc \S+malloc\.go:\d+\nallocator\nself \d+ samples? \([\d.]+ ms, [\d.]+ ns\/op\), [\d.]+% of the root\ntotal \d+ samples? /,
    );
    // The text alternative lists it with its kind; by total, the root comes first with 100%.
    assert.equal(await flame.locator('[data-testid="cpu-frame-row"][data-kind="alloc"][data-name="runtime.mallocgc"]').count(), 1);
    await flame.locator('[data-testid="cpu-frames"] summary').click();
    await flame.locator('[data-testid="cpu-sort-total"]').click();
    assert.match(
      await flame.locator('[data-testid="cpu-frame-row"]').first().innerText(),
      /^\d+ [\d.]+%\t\d+ 100\.0%\tother code\tBenchmarkCreatePointer \(cost run\)$/,
    );

    await panel.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(artifacts, `bench-cost-${colorScheme}.png`) });

    // By keyboard: Tab from the benchmark's row reaches a frame of the flame; Enter on CreatePointer's frame opens
    // the line it spent most on, `return &BigStruct{...}`.
    await page.locator('[data-testid="bench-row"][data-name="BenchmarkCreatePointer"]').focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('[data-testid="cpu-flame"] g.frame') === true);
    }
    assert.ok(reached, 'Tab reaches the CPU flame graph');
    await flame.locator('g.frame[aria-label^="examples.CreatePointer,"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="source-view"]')?.getAttribute('data-line') === '118');
    assert.equal(await flame.getAttribute('data-selected-frame'), 'example.com/heapscope/examples.CreatePointer');

    // The lines by the CPU spent allocating for them, then by B/op.
    const lines = panel.locator('[data-testid="cost-lines"]');
    assert.equal(await lines.locator('th[aria-sort="descending"]').innerText(), 'CPU in the allocator');
    const first = lines.locator('[data-testid="cost-line"]').first();
    assert.deepEqual([await first.getAttribute('data-file'), await first.getAttribute('data-line')], ['alloc.go', '118']);
    assert.equal(await first.locator('td[data-key="cpuShare"]').innerText(), `${Math.round(ret!.cpuShare! * 1000) / 10}%`);
    await lines.locator('[data-testid="cost-sort-bytesPerOp"]').click();
    assert.equal(await lines.locator('th[aria-sort="descending"]').innerText(), 'B/op');

    assert.deepEqual(await axeViolations(page), [], colorScheme);
    assert.deepEqual(problems, [], colorScheme);
    await page.context().close();
  }
});

test('a cost run too short to sample: the shares are unknown with the count that says why, no CPU flame graph', async () => {
  const file = join(tempDir('heapscope-browser-cost-'), 'short.html');
  const r = runCli([
    'bench',
    '--format',
    'html',
    '-o',
    file,
    '--bench',
    '^BenchmarkCreatePointer$',
    '--benchtime',
    '1x',
    '-C',
    examplesDir,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const { data } = pageParts(readFileSync(file, 'utf8'));
  const b = bench(data, 'BenchmarkCreatePointer');
  assert.equal(b.cpu.allocShare, null, JSON.stringify(b.cpu));
  const { page, problems } = await openReport(browser(), `file://${file}`);
  await page.locator('[data-testid="bench-row"][data-name="BenchmarkCreatePointer"]').click();
  const panel = page.locator('[data-testid="cost-panel"]');
  const share = panel.locator('[data-testid="cost-alloc-share"]');
  assert.equal(await share.getAttribute('data-value'), 'null');
  assert.match(await share.innerText(), new RegExp(`^CPU in the allocator\tunknown\t.*\tonly ${b.cpu.samples} samples?: 20 are needed`));
  assert.equal(await panel.locator('[data-testid="cost-gc-share"]').getAttribute('data-value'), 'null');
  // Without a sample there is no graph, and the panel says so (a GC worker's sample alone would make one).
  await panel.locator(b.cpuFlame === null ? '[data-testid="cost-no-flame"]' : '[data-testid="cpu-flame"]').waitFor();
  assert.equal(await panel.locator('[data-testid="cost-line"] td[data-key="cpuShare"]').first().innerText(), 'unknown');
  assert.deepEqual(problems, []);
  await page.context().close();
});
