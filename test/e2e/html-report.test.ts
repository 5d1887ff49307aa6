// The html format end to end: the page's data agrees site for site with the JSON report of the same run, ranks as
// the text report does, carries each source byte for byte, and is locked down by a CSP that names exactly the
// page's own script and style. (What the page does with it is tested in a browser: browser.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { pageParts } from '../helpers/page.js';
import { examplesDir } from '../helpers/paths.js';
import type { AnalysisModel } from '../../src/model/types.js';
import type { PageData } from '../../src/reporters/html/page-data.js';

const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

test('analyze --format html: the JSON report site for site, the text ranking, the sources, a strict CSP', () => {
  const out = join(tempDir('heapscope-html-'), 'report.html');
  const r = runCli(['analyze', '--format', 'html', '-o', out, '-C', examplesDir, '--tests']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '', 'with -o nothing goes to standard output');
  const html = readFileSync(out, 'utf8');
  const { data, sources, csp, script, style } = pageParts(html);

  const json = JSON.parse(runCli(['analyze', '--format', 'json', '-C', examplesDir, '--tests']).stdout) as AnalysisModel;
  const str = (i: number): string => data.strings[i]!;
  const file = (i: number): string => str(data.files[i]!.path);
  assert.equal(data.sites.length, json.sites.length);
  const byId = new Map(data.sites.map((s) => [str(s.id), s]));
  for (const s of json.sites) {
    const p = byId.get(s.id!);
    assert.ok(p, `site ${s.id} (${s.file}:${s.line}) in the page`);
    assert.deepEqual([file(p!.pos[0]), p!.pos[1], p!.pos[2]], [s.file, s.line, s.column]);
    assert.equal(p!.heap, s.heap);
    assert.equal(p!.cause >= 0 ? str(data.causes[p!.cause]!.id) : null, s.cause?.id ?? null);
    assert.equal(p!.flow.length, s.flow.length);
    assert.equal(str(p!.expr), s.goName?.expr ?? s.expr);
  }
  assert.equal(new Set(data.strings).size, data.strings.length, 'each string once');

  // The summary of the text report, entry by entry.
  const text = runCli(['analyze', '-C', examplesDir, '--tests']).stdout;
  const ranked = [...text.matchAll(/^ {1,2}\d+\. examples\/(\S+?):(\d+):(\d+): /gm)].map((m) => `${m[1]}:${m[2]}:${m[3]}`);
  assert.ok(ranked.length >= 5);
  const pageRanked = data.ranking.slice(0, ranked.length).map(({ site }) => {
    const p = data.sites[site]!;
    return `${file(p.pos[0])}:${p.pos[1]}:${p.pos[2]}`;
  });
  assert.deepEqual(pageRanked, ranked);

  // Sources byte for byte, by the file's index.
  assert.equal(sources.length, data.files.length);
  for (let i = 0; i < data.files.length; i++) {
    const f = file(i);
    if (f.endsWith('.go') && existsSync(join(examplesDir, f))) assert.equal(sources[i], readFileSync(join(examplesDir, f), 'utf8'), f);
  }

  // Only the page's own script and style may run; nothing may be fetched.
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.ok(csp.includes(`script-src ${hash(script)}`), 'script hash');
  assert.ok(csp.includes(`style-src ${hash(style)}`), 'style hash');
  assert.equal((html.match(/<script/g) ?? []).length, 4, 'the first view, the data, the page script, the sources');

  // The first view: the same ranked sites and the same file indices as the whole data, and its counts.
  const first = JSON.parse(/<script id="heapscope-first" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!) as PageData;
  const ids = (d: PageData): string[] => d.ranking.map((r) => d.strings[d.sites[r.site]!.id]!);
  assert.deepEqual(ids(first), ids(data));
  assert.deepEqual(
    first.files.map((f) => first.strings[f.path]),
    data.files.map((f) => data.strings[f.path]),
  );
  assert.equal(first.preview?.heapSites, json.sites.filter((s) => s.heap && s.allocates !== 'never').length);
  assert.equal(first.preview?.sites, json.sites.length);
  const hot = json.sites.filter((s) => s.heap && !s.cold && s.allocates !== 'never');
  assert.deepEqual(
    Object.fromEntries(first.preview!.byCause),
    Object.fromEntries(
      [...new Set(hot.map((s) => s.cause?.id ?? ''))].map((c) => [c, hot.filter((s) => (s.cause?.id ?? '') === c).length]),
    ),
  );
});

test('-o: an unwritable place is a usage error and leaves nothing; html on a terminal is refused', () => {
  const dir = tempDir('heapscope-html-out-');
  const r = runCli(['analyze', '--format', 'html', '-o', join(dir, 'missing', 'r.html'), '-C', examplesDir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^heapscope: -o .*r\.html: cannot write there \(ENOENT\)\n$/);
  assert.deepEqual(readdirSync(dir), []);
  // A report that fails part-way leaves no file either: a pattern that matches nothing.
  const bad = runCli(['analyze', '--format', 'html', '-o', join(dir, 'r.html'), '-C', examplesDir, './nosuchdir/...']);
  assert.equal(bad.code, 2, bad.stderr);
  assert.deepEqual(readdirSync(dir), []);
});

test('analyze --format html --asm: the assembly of the functions that allocate, with the allocation calls typed', () => {
  const out = join(tempDir('heapscope-html-asm-'), 'r.html');
  const r = runCli(['analyze', '--format', 'html', '--asm', '-o', out, '-C', examplesDir]);
  assert.equal(r.code, 0, r.stderr);
  const { data } = pageParts(readFileSync(out, 'utf8'));
  const str = (i: number): string => data.strings[i]!;
  const np = data.asm?.find((f) => str(f.symbol) === 'example.com/heapscope/examples.NewPoint');
  assert.ok(np, 'NewPoint listed');
  assert.deepEqual(
    np!.calls.map((c) => [str(c.runtime), str(c.type), c.size]),
    [['newobject', 'examples.Point', 16]],
  );
  // The call instruction is on the line of the moved variable.
  const ins = np!.instructions[np!.calls[0]!.index]!;
  assert.deepEqual([str(data.files[ins[0]]!.path), ins[1]], ['alloc.go', 17]);
  assert.match(str(ins[2]), /CALL\truntime\.newobject/);
  assert.equal(runCli(['analyze', '--asm', '-C', examplesDir]).code, 2, '--asm without html');
});

test('bench --format html: the ranking follows what this run measured, by bytes: the 80 KB buffer first', () => {
  const out = join(tempDir('heapscope-html-bench-'), 'bench.html');
  const r = runCli(['bench', '--format', 'html', '-o', out, '-C', examplesDir, '--benchtime', '2000x']);
  assert.equal(r.code, 0, r.stderr);
  const { data } = pageParts(readFileSync(out, 'utf8'));
  const str = (i: number): string => data.strings[i]!;
  const ranked = data.ranking.map((e) => data.sites[e.site]!);
  assert.ok(ranked.length >= 5);
  assert.equal(str(ranked[0]!.expr), 'make([]byte, 81920)');
  // Every site a benchmark measured ranks by its measured figures, above every estimate, by B/op.
  const measured = ranked.filter((x) => x.cost?.source === 'measured');
  assert.ok(measured.length >= 5, `${measured.length} measured`);
  assert.deepEqual(ranked.slice(0, measured.length), measured);
  const bytes = measured.map((x) => x.cost!.bytesPerOp ?? 0);
  assert.deepEqual(
    bytes,
    [...bytes].sort((a, b) => b - a),
  );
});
