// The report page in a real browser (Debian's chromium through playwright-core): a user finds why an allocation
// happens by clicking; a benchmark's flame graph leads to its line; the playground shows a typed snippet's
// decision; serve's page follows an edit; and a module whose file name, comments and strings are markup and
// script shows them as text, with nothing run and nothing fetched. Screenshots of each view are kept in
// test-artifacts/ (HEAPSCOPE_ARTIFACTS), to look at, not to compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { PageData } from '../../src/reporters/html/page-data.js';
import { runCli, tempDir, testCache } from '../helpers/cli.js';
import { cliPath, examplesDir, fixturesDir, repoRoot } from '../helpers/paths.js';
import { englishRuns } from '../helpers/english.js';
import { artifacts, openReport, useBrowser, type Watched } from '../helpers/browser.js';

const browser = useBrowser();
const open = (url: string): Promise<Watched> => openReport(browser(), url);

test('a report: select a site, see its flow and its allocation call in the assembly, follow a step to its line', async () => {
  const file = join(tempDir('heapscope-browser-'), 'examples.html');
  const r = runCli(['analyze', '--format', 'html', '--asm', '-o', file, '-C', examplesDir, '--tests']);
  assert.equal(r.code, 0, r.stderr);
  const { page, problems } = await open(`file://${file}`);

  // Describe's n: boxed for fmt.Sprint at alloc.go:43.
  const item = page.locator('[data-testid="summary-item"]', { hasText: 'Describe' }).first();
  const id = await item.getAttribute('data-site-id');
  await item.click();
  const detail = page.locator('[data-testid="site-detail"]');
  await detail.locator('text=interface-conversion').first().waitFor();
  assert.match(page.url(), new RegExp(`#site=${id}`));
  const view = page.locator('[data-testid="source-view"]');
  assert.equal(await view.getAttribute('data-file'), 'alloc.go');
  assert.equal(await view.getAttribute('data-line'), '43');
  // The assembly pane: Describe's call that boxes n, with its type and size.
  const call = page.locator('[data-testid="asm-pane"] [data-testid="asm-call"]').first();
  await call.waitFor();
  assert.match(await call.innerText(), /convT64[\s\S]*int[\s\S]*8 B/);
  // Readable whole at any width: the annotation wraps under the call inside the listing, not cut off at its right.
  await page.setViewportSize({ width: 1200, height: 900 });
  const fits = await call.evaluate((row) => {
    const note = row.querySelector('.asm-alloc')!.getBoundingClientRect();
    const box = row.closest('.asm-listing')!.getBoundingClientRect();
    return note.left >= box.left && note.right <= box.right;
  });
  assert.ok(fits);
  await page.setViewportSize({ width: 1500, height: 900 });
  await page.screenshot({ path: join(artifacts, 'report-site.png') });

  // Positions in the notes' text are links to their lines, in files the report carries: alloc_test.go:39 is
  // where Describe is inlined into BenchmarkDescribe.
  const notePos = detail.locator('[data-testid="note-pos"]');
  const files = await page.locator('[data-testid="tree-file"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
  for (const f of await notePos.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-file'))))
    assert.ok(files.includes(f), `${f} in ${files}`);
  const inlinedAt = notePos.filter({ hasText: /^alloc_test\.go:39:\d+$/ }).first();
  await inlinedAt.click();
  await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid="source-view"]');
    return v?.getAttribute('data-file') === 'alloc_test.go' && v?.getAttribute('data-line') === '39';
  });
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid="source-view"]')?.getAttribute('data-line') === '43');

  // A step of the compiler's flow in another place: the source view goes there.
  const steps = detail.locator('[data-testid="chain-step"]');
  assert.ok((await steps.count()) >= 2);
  const step = steps.nth(1);
  const [stepFile, stepLine] = [await step.getAttribute('data-file'), await step.getAttribute('data-line')];
  await step.click();
  await page.waitForFunction(
    ([f, l]) => {
      const v = document.querySelector('[data-testid="source-view"]');
      return v?.getAttribute('data-file') === f && v?.getAttribute('data-line') === l;
    },
    [stepFile, stepLine],
  );
  assert.equal(await page.locator('.cm-selected-line').count(), 1, 'the step line is marked');
  // The heap marks in the gutter carry counts.
  assert.ok((await page.locator('[data-testid="gutter-heap"]').count()) >= 5);
  assert.match((await page.locator('[data-testid="gutter-legend"]').textContent()) ?? '', /heap allocations the compiler decided/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('hostile input: markup in a file name, comments, strings and expressions stays text; a flame frame opens its line', async () => {
  const dir = join(fixturesDir, 'modules', 'markup');
  const file = join(tempDir('heapscope-browser-'), 'markup.html');
  const r = runCli(['bench', '--format', 'html', '-o', file, '-C', dir, '--benchtime', '2000x']);
  assert.equal(r.code, 0, r.stderr);
  const { page, problems } = await open(`file://${file}`);

  // The benchmark's flame graph: Render's frame opens the line in the file whose name is markup.
  await page.locator('[data-testid="bench-row"][data-name="BenchmarkRender"]').click();
  const flame = page.locator('[data-testid="flame"]');
  await flame.locator('g').first().waitFor();
  const frame = flame.locator('g', { has: page.locator('title', { hasText: 'markup.Render' }) }).first();
  await frame.locator('rect').click();
  await page.waitForFunction(() =>
    /markup\.Render/.test(document.querySelector('[data-testid="flame"]')?.getAttribute('data-selected-frame') ?? ''),
  );
  const view = page.locator('[data-testid="source-view"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="source-view"]')?.getAttribute('data-line') === '10');
  assert.equal(await view.getAttribute('data-file'), 'x<img src=x onerror=alert(1)>.go');
  await page.screenshot({ path: join(artifacts, 'bench-flame.png') });

  // The markup is on the page as text: in the source, the file tree, the detail of a site.
  const text = await page.locator('body').innerText();
  assert.ok(text.includes("<script>alert('string')</script>"), 'the string literal as text');
  assert.ok(text.includes('x<img src=x onerror=alert(1)>.go'), 'the file name as text');
  // Nothing from the data became an element: no img anywhere, no script but the page's four blocks.
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('script').count(), 3);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a real module on the newest Go: go.uber.org/zap with go1.27.4, every ranked site opens with its detail and line', async () => {
  const dl = spawnSync('go', ['mod', 'download', '-json', 'go.uber.org/zap@v1.28.0'], { encoding: 'utf8' });
  assert.equal(dl.status, 0, dl.stderr);
  const zap = join(tempDir('heapscope-browser-zap-'), 'zap');
  cpSync((JSON.parse(dl.stdout) as { Dir: string }).Dir, zap, { recursive: true, mode: 0 });
  spawnSync('chmod', ['-R', 'u+w', zap]);
  assert.equal(spawnSync('go', ['mod', 'download'], { cwd: zap }).status, 0);
  const file = join(tempDir('heapscope-browser-'), 'zap.html');
  const r = runCli(['analyze', '--format', 'html', '--asm', '-o', file, '-C', zap, './...'], { env: { GOTOOLCHAIN: 'go1.27.4' } });
  assert.equal(r.code, 0, r.stderr);
  const { page, problems } = await openReport(browser(), `file://${file}`, { width: 1440, height: 900 });
  assert.match(await page.locator('header').innerText(), /go1\.27\.4/);
  // The right column stays in the window (it grew to 6,199 px): the detail scrolls on its own and the assembly
  // shows under it in the first view.
  await page.locator('[data-testid="asm-pane"] .asm-body > *').first().waitFor();
  const right = await page.evaluate(() => {
    const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
    return { right: box('aside.right').bottom, asm: box('[data-testid="asm-pane"]').top, page: document.documentElement.scrollHeight };
  });
  assert.ok(right.right <= 900 && right.page <= 900 && right.asm < 900 - 100, JSON.stringify(right));
  const items = page.locator('[data-testid="summary-item"]');
  const n = Math.min(await items.count(), 10);
  assert.ok(n >= 5);
  for (let i = 0; i < n; i++) {
    const item = items.nth(i);
    const [where] = (await item.locator('.where').innerText()).split(':');
    await item.click();
    await page.waitForFunction((id) => location.hash.includes(id ?? ''), await item.getAttribute('data-site-id'));
    await page.locator('[data-testid="site-detail"] [data-testid="site-headline"]').waitFor();
    // The source view shows the file the summary names, at a marked heap line.
    await page.waitForFunction(
      (f) =>
        document
          .querySelector('[data-testid="source-view"]')
          ?.getAttribute('data-file')
          ?.endsWith(f ?? '') ?? false,
      where,
    );
    assert.ok((await page.locator('[data-testid="gutter-heap"]').count()) > 0);
  }
  await page.screenshot({ path: join(artifacts, 'zap-go1.27.4.png') });
  assert.deepEqual(problems, []);
  await page.context().close();
});

/** The code and names a report file's data carries (Go names and expressions, the compiler's flow, inlining
 *  reasons and errors, types, paths): every string of the data but its prose (the causes' text, notes, details,
 *  cost bases, cold reasons), which is in the run's language like the interface around it. */
function codeStrings(file: string): string[] {
  const b64 = /<script id="heapscope-data" type="application\/octet-stream">([^<]*)<\/script>/.exec(readFileSync(file, 'utf8'))![1]!;
  const data = JSON.parse(gunzipSync(Buffer.from(b64, 'base64')).toString('utf8')) as PageData;
  const prose = new Set<number | undefined>();
  for (const c of data.causes) for (const k of [c.title, c.summary, c.explanation, c.fix]) prose.add(k);
  for (const x of data.sites) {
    for (const k of [x.cost?.basis, x.allocatesReason, x.detail, x.cold, ...(x.notes ?? [])]) prose.add(k);
  }
  for (const b of data.benchmarks ?? []) for (const k of [...b.notes, ...b.lines.flatMap((l) => l.notes)]) prose.add(k);
  // Longest first, so that a string inside a longer one does not cut it; only those that hold two words or more.
  return data.strings.filter((s, i) => !prose.has(i) && /[A-Za-z] +[A-Za-z]/.test(s)).sort((a, b) => b.length - a.length);
}

/** What the page says in words: its visible text and the labels, titles and placeholders of its elements, without
 *  code (the source, the assembly, commands). Closed details are opened so their tables count too. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const code = [...document.querySelectorAll<HTMLElement>('code, pre, .editor-host, .playground-editor, .asm-listing, .asm-symbol')];
    const was = code.map((c) => c.style.display);
    for (const c of code) c.style.setProperty('display', 'none', 'important');
    const text = document.body.innerText;
    code.forEach((c, i) => (c.style.display = was[i]!));
    const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((e) =>
      ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''),
    );
    return [text, ...attrs].join('\n');
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('--lang zh-CN: the analyze and bench pages speak Chinese (html lang, no English sentence outside code and names), and axe passes on the first view', async () => {
  const dir = tempDir('heapscope-browser-zh-');
  const analyze = join(dir, 'analyze.html');
  const bench = join(dir, 'bench.html');
  let r = runCli(['analyze', '--lang', 'zh-CN', '--format', 'html', '--asm', '-o', analyze, '-C', examplesDir, '--tests']);
  assert.equal(r.code, 0, r.stderr);
  r = runCli(['bench', '--format', 'html', '--trace', '-o', bench, '-C', examplesDir, '--benchtime', '200x'], {
    env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', HEAPSCOPE_LANG: '' },
  });
  assert.equal(r.code, 0, r.stderr);

  const a = await openReport(browser(), `file://${analyze}`, { bypassCSP: true });
  assert.equal(await a.page.getAttribute('html', 'lang'), 'zh-CN');
  // The first view: the costliest site open, its detail and line; then one with a flow and a chain, and a search.
  await a.page.locator('[data-testid="site-detail"] [data-testid="site-headline"]').waitFor();
  await a.page.locator('[data-testid="source-view"] .cm-selected-line').waitFor();
  assert.deepEqual(await axeViolations(a.page), []);
  await a.page.screenshot({ path: join(artifacts, 'report-zh-CN.png') });
  const allow = codeStrings(analyze);
  const seen = [await pageWords(a.page)];
  await a.page.locator('[data-testid="summary-item"]', { hasText: 'Describe' }).first().click();
  await a.page.locator('[data-testid="site-detail"] [data-testid="chain-step"]').first().waitFor();
  await a.page.locator('[data-testid="search"]').fill('e');
  await a.page.locator('[data-testid="search-result"]').first().waitFor();
  seen.push(await pageWords(a.page));
  assert.deepEqual(englishRuns(seen.join('\n'), allow), []);
  // Chinese is what it says: the interface's fixed terms.
  assert.match(seen.join('\n'), /代价最高的堆分配/);
  assert.deepEqual(a.problems, []);
  await a.page.context().close();

  const b = await openReport(browser(), `file://${bench}`);
  assert.equal(await b.page.getAttribute('html', 'lang'), 'zh-CN');
  await b.page.locator('[data-testid="bench-row"]').first().click();
  await b.page.locator('[data-testid="cost-panel"]').waitFor();
  await b.page.locator('[data-testid="flame"] g').first().waitFor();
  await b.page.locator('[data-testid="flame-search"]').fill('Describe');
  await b.page.screenshot({ path: join(artifacts, 'bench-zh-CN.png') });
  // The benchmarks' notes (the cost and trace passes' too) are prose in the run's language like the rest.
  assert.deepEqual(englishRuns(await pageWords(b.page), codeStrings(bench)), []);
  assert.match(await b.page.locator('[data-testid="bench"]').innerText(), /基准测试/);
  assert.deepEqual(b.problems, []);
  await b.page.context().close();
});

test('serve --lang zh-CN: the playground speaks Chinese before any run, and the server words its refusals in Chinese', async (t) => {
  const mod = join(tempDir('heapscope-browser-serve-zh-'), 'm');
  cpSync(examplesDir, mod, { recursive: true });
  const { url, child } = await serve(mod, '--lang', 'zh-CN');
  t.after(() => child.kill('SIGTERM'));
  const play = await open(`${url}playground`);
  assert.equal(await play.page.getAttribute('html', 'lang'), 'zh-CN');
  await play.page.locator('[data-testid="summary-placeholder"]').waitFor();
  assert.deepEqual(englishRuns(await pageWords(play.page)), []);
  assert.match(await play.page.locator('[data-testid="playground-run"]').innerText(), /运行/);
  // A file name the playground does not take: the refusal names it, the rest is Chinese.
  const refused = await fetch(`${url}api/playground`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ files: { 'notes.txt': 'x' } }),
  });
  assert.equal(refused.status, 400);
  const { error } = (await refused.json()) as { error: string };
  assert.ok(error.startsWith('"notes.txt"：'), error);
  assert.deepEqual(englishRuns(error), []);
  assert.deepEqual(play.problems, []);
  await play.page.context().close();
});

async function serve(dir: string, ...flags: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cliPath, 'serve', ...flags, '-C', dir], {
    env: { ...process.env, HEAPSCOPE_CACHE: testCache, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((ok) => createInterface({ input: child.stdout! }).once('line', ok));
  return { url, child };
}

test('serve: the page follows an edit; the playground shows a typed snippet decision', async (t) => {
  const mod = join(tempDir('heapscope-browser-serve-'), 'm');
  cpSync(examplesDir, mod, { recursive: true });
  const { url, child } = await serve(mod);
  t.after(() => child.kill('SIGTERM'));

  const { page, problems } = await open(url);
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.getAttribute('data-state') === 'ready');
  appendFileSync(join(mod, 'alloc.go'), '\nfunc EditedLive() *[32]byte { var b [32]byte; return &b }\n');
  // The new site arrives without a reload: search finds it.
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('analysed') ?? false);
  await page.locator('[data-testid="search"]').fill('EditedLive');
  await page.locator('[data-testid="search-result"]', { hasText: 'EditedLive' }).first().waitFor({ timeout: 60_000 });
  await page.screenshot({ path: join(artifacts, 'serve-live.png') });
  assert.deepEqual(problems, []);
  await page.context().close();

  const play = await open(`${url}playground`);
  const editor = play.page.locator('[data-testid="playground-editor"] .cm-content');
  await editor.click();
  await play.page.keyboard.press('Control+A');
  await play.page.keyboard.press('Delete');
  await play.page.keyboard.insertText('package main\n\nvar sink *int\n\nfunc main() {\n\ttyped := 7\n\tsink = &typed\n}\n');
  await play.page.locator('[data-testid="playground-run"]').click();
  const item = play.page.locator('[data-testid="summary-item"]', { hasText: 'typed' }).first();
  await item.waitFor({ timeout: 60_000 });
  await item.click();
  await play.page.locator('[data-testid="site-detail"]', { hasText: 'moved to heap' }).waitFor();
  await play.page.screenshot({ path: join(artifacts, 'playground.png') });
  assert.deepEqual(play.problems, []);
  await play.page.context().close();
});
