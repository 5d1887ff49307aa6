// bench --trace in the page (Debian's chromium through playwright-core): the selected benchmark's trace figures
// and its live-heap chart, whose text alternative (an SVG image named by its title and description, and a table
// of its points) says what it shows; axe-core finds no serious or critical violation in it, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir, repoRoot } from '../helpers/paths.js';
import { artifacts, openReport, useBrowser } from '../helpers/browser.js';

const browser = useBrowser();
const axePath = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

test('bench --trace page: the trace figures and the heap chart with its text alternative, axe-clean light and dark', async () => {
  const file = join(tempDir('heapscope-browser-trace-'), 'trace.html');
  const r = runCli(['bench', '--format', 'html', '-o', file, '--trace', '--bench', 'CreatePointer$', '-C', examplesDir]);
  assert.equal(r.code, 0, r.stderr);
  for (const scheme of ['light', 'dark'] as const) {
    const { page, problems } = await openReport(browser(), `file://${file}`, { colorScheme: scheme, bypassCSP: true });
    await page.locator('[data-testid="bench-row"][data-name="BenchmarkCreatePointer"]').click();
    const block = page.locator('[data-testid="trace"]');
    await block.waitFor();
    const figures = await block.locator('[data-testid="trace-figures"] dt').allTextContents();
    assert.deepEqual(figures, [
      'ops traced',
      'GC cycles',
      'GC pauses (stop the world)',
      'mark assists',
      'goroutines created',
      'MMU at 1 ms',
      'MMU at 10 ms',
    ]);
    const gc = Number((await block.locator('[data-testid="trace-figures"] dd').nth(1).textContent())!.replace(/,/g, ''));
    assert.ok(gc > 0, `${gc} GC cycles`);
    const chart = block.locator('svg[data-testid="trace-heap"]');
    assert.equal(await chart.getAttribute('role'), 'img');
    const [title, desc] = (await chart.getAttribute('aria-labelledby'))!.split(' ');
    assert.equal(await page.locator(`#${title}`).textContent(), 'Live heap over time');
    assert.match(
      (await page.locator(`#${desc}`).textContent())!,
      new RegExp(`^Live heap over the timed run of [\\d,]+ ops .*peak .*; ${gc} GC cycles\\.$`),
    );
    // The points as a table, for whoever cannot see the line.
    const points = await block.locator('.trace-points tbody tr').count();
    assert.ok(points > 2 && points <= 200, `${points} points`);
    assert.equal(await block.locator('path.heap-line').count(), 1);
    await block.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, `trace-view-${scheme}.png`) });

    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      type AxeViolation = { id: string; impact: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run(c: Element): Promise<{ violations: AxeViolation[] }> } }).axe;
      const res = await axe.run(document.querySelector('[data-testid="trace"]')!);
      return res.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
    });
    assert.deepEqual(violations, [], scheme);
    assert.deepEqual(problems, [], scheme);
    await page.context().close();
  }
});
