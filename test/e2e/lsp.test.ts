// heapscope lsp end to end over stdio, as an editor drives it: a workspace of three real modules (a copy of the
// examples, the directives fixture, a module with a package that does not compile), diagnostics at the compiler's
// position with the cause id, hover, code lens, code actions, an edit that moves lines then a save, and an exit
// that leaves no child behind (a measure run is in flight when the client shuts the server down).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, Diagnostic, Hover } from 'vscode-languageserver/node';
import { examplesDir, fixturesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/cli.js';
import { startLsp } from '../helpers/lsp-client.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findCause } from '../../src/model/causes.js';
import { englishRuns } from '../helpers/english.js';

const uri = (p: string): string => pathToFileURL(p).href;
const at = (d: Diagnostic[], code: string, line: number): Diagnostic | undefined =>
  d.find((x) => x.code === code && x.range.start.line === line);

/** Whether a file URL's #anchor is the slug GitHub gives one of that Markdown file's headings (lower case, code
 *  spans' backticks and punctuation other than - and _ dropped, letters of every script kept, spaces made -). */
function hasAnchor(href: string): boolean {
  const url = new URL(href);
  const slugs = readFileSync(fileURLToPath(url), 'utf8')
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) =>
      l
        .replace(/^#+ /, '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
        .replace(/ /g, '-'),
    );
  return slugs.includes(decodeURIComponent(url.hash.slice(1)));
}

/** The process groups still alive among `pgids`. */
function alive(pgids: number[]): number[] {
  const ps = execFileSync('ps', ['-e', '-o', 'pgid='], { encoding: 'utf8' }).split('\n').map(Number);
  return pgids.filter((g) => ps.includes(g));
}

test(
  'heapscope lsp: diagnostics, hover, lens, actions, an edit then a save, broken and directive modules, clean exit',
  { timeout: 300_000 },
  async () => {
    const ws = tempDir('heapscope-lsp-');
    const ex = join(ws, 'examples');
    cpSync(examplesDir, ex, { recursive: true });
    const broken = join(fixturesDir, 'modules', 'broken');
    const directives = join(fixturesDir, 'modules', 'directives');
    const cross = join(ws, 'crosspkg');
    cpSync(join(fixturesDir, 'modules', 'crosspkg'), cross, { recursive: true });
    const c = startLsp({ cwd: ws });
    const init = (await c.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(ws),
      workspaceFolders: [ex, broken, directives, cross].map((d) => ({ uri: uri(d), name: d })),
      capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } }, window: { workDoneProgress: true } },
      // The editor's UI is Chinese, the lang setting English: English until the setting is emptied (below).
      locale: 'zh-CN',
      initializationOptions: { minSeverity: 'hint', lang: 'en' },
    })) as { capabilities: { hoverProvider: boolean; executeCommandProvider: { commands: string[] } } };
    assert.equal(init.capabilities.hoverProvider, true);
    assert.deepEqual(init.capabilities.executeCommandProvider.commands, ['heapscope.measure', 'heapscope.openReport']);
    void c.conn.sendNotification('initialized', {});

    const file = join(ex, 'alloc.go');
    const text = readFileSync(file, 'utf8');
    const u = uri(file);
    const first = c.diagnostics(u, (d) => d.length > 0);
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'go', version: 1, text } });
    const diags = await first;
    // AddressOfParam's parameter `values` (alloc.go:24:21, byte column 21 = UTF-16 20), moved to the heap by `return &values`.
    const d = at(diags, 'returned-address', 23);
    assert.ok(d, JSON.stringify(diags.map((x) => [x.code, x.range.start])));
    assert.deepEqual(d.range, { start: { line: 23, character: 20 }, end: { line: 23, character: 26 } });
    assert.equal(d.source, 'heapscope');
    assert.equal(d.severity, 3); // Information: allocates, estimated straight-line code
    assert.match(d.codeDescription!.href, /^file:.*\/docs\/causes\.md#returned-address-/);
    assert.ok(hasAnchor(d.codeDescription!.href), d.codeDescription!.href);
    assert.ok(
      d.relatedInformation?.some((r) => r.location.uri === u && r.location.range.start.line === 24),
      'the flow step at return &values',
    );
    // Describe's "n=" is boxed into static data: the runtime never allocates, a Hint.
    assert.equal(
      diags.find((x) => x.code === 'interface-conversion' && x.range.start.line === 42 && x.range.start.character === 19)?.severity,
      4,
    );

    // Hover on the site's line: the cause id and its fix; on the function's name: inlining facts.
    const t0 = performance.now();
    const h = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: u },
      position: { line: 23, character: 22 },
    })) as Hover;
    const hoverMs = performance.now() - t0;
    const hv = (h.contents as { value: string }).value;
    assert.match(hv, /`returned-address`/);
    assert.ok(hv.includes(findCause('returned-address')!.fix), hv);
    assert.ok(hoverMs < 1000, `hover took ${hoverMs} ms`);
    const hf = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: u },
      position: { line: 23, character: 8 },
    })) as Hover;
    assert.match(
      (hf.contents as { value: string }).value,
      /`AddressOfParam`: 1 heap allocation; the compiler cannot inline it: marked go:noinline/,
    );

    const lenses = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: u } })) as CodeLens[];
    const onFn = lenses.filter((l) => l.range.start.line === 23);
    assert.deepEqual(
      onFn.map((l) => [l.command?.command, l.command?.title]),
      [
        ['heapscope.openReport', '1 heap allocation · not measured'],
        ['heapscope.measure', 'measure'],
      ],
    );

    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 23, character: 0 }, end: { line: 23, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const edits = actions.map((a) => a.edit!.changes![u]![0]!);
    assert.deepEqual(edits[0], {
      range: { start: { line: 23, character: 0 }, end: { line: 23, character: 0 } },
      newText: '//heapscope:noalloc\n',
    });
    assert.equal(edits[1]!.range.start.character, text.split('\n')[23]!.length);
    assert.match(edits[1]!.newText, /^ \/\/heapscope:ignore \S/);

    // Two lines added above: the diagnostics are hidden (they would point at the wrong lines), then the save
    // re-analyses and they come back two lines down.
    const hidden = c.diagnostics(u, (x) => x.length === 0);
    const edited = text.replace('package examples\n', 'package examples\n\n// two lines\n');
    void c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: u, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n// two lines\n' }],
    });
    await hidden;
    assert.equal(
      (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 23, character: 22 } })) as Hover | null,
      null,
    );
    writeFileSync(file, edited);
    const moved = c.diagnostics(u, (x) => !!at(x, 'returned-address', 25));
    void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: u } });
    assert.equal(at(await moved, 'returned-address', 25)?.range.start.character, 20);

    // The module that does not compile: one diagnostic saying so, at the compiler's error.
    const bad = await c.published(uri(join(broken, 'bad', 'bad.go')), (x) => x.length > 0);
    const allBroken = [...c.latest].filter(([k]) => k.startsWith(uri(broken) + '/')).flatMap(([, v]) => v);
    assert.deepEqual(
      allBroken.filter((x) => x.code === 'does-not-compile').map((x) => [x.severity, x.range.start.line, x.range.start.character]),
      [[1, 3, 8]],
    );
    assert.ok(bad.some((x) => x.code === 'does-not-compile'));
    // The directives fixture: check's violations as Errors on the directive, stale directives as Warnings.
    const dd = await c.published(uri(join(directives, 'directives.go')), (x) => x.some((y) => y.code === 'stale-directive'));
    assert.deepEqual(
      dd.filter((x) => x.code === 'check-noalloc' || x.code === 'check-inline').map((x) => [x.code, x.severity, x.range.start.line]),
      [
        ['check-noalloc', 1, 19],
        ['check-inline', 1, 46],
      ],
    );
    assert.deepEqual(
      dd.filter((x) => x.code === 'stale-directive').map((x) => x.range.start.line),
      [71, 74, 79, 83, 87],
    );

    // In Chinese (heapscope.lang emptied: the editor's locale): the examples re-analysed and re-published; the message, the hover on the site
    // `return &values` moves to the heap (the parameter's line) and the lens hold no English sentence outside code and Go names; the ids stay; the cause's link is
    // an anchor of docs/causes.zh-CN.md.
    const zh = c.diagnostics(u, (x) => /[\u4e00-\u9fff]/.test(String(at(x, 'returned-address', 25)?.message ?? '')));
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { heapscope: { lang: '' } } });
    const zd = at(await zh, 'returned-address', 25)!;
    assert.deepEqual(englishRuns(String(zd.message)), [], String(zd.message));
    assert.match(zd.codeDescription!.href, /^file:.*\/docs\/causes\.zh-CN\.md#returned-address-/);
    assert.ok(hasAnchor(zd.codeDescription!.href), zd.codeDescription!.href);
    const zhHover = (
      (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 25, character: 22 } })) as Hover
    ).contents as { value: string };
    assert.match(zhHover.value, /`returned-address`/);
    assert.deepEqual(englishRuns(zhHover.value), [], zhHover.value);
    const zhLenses = ((await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: u } })) as CodeLens[]).filter(
      (l) => l.range.start.line === 25,
    );
    assert.deepEqual(
      zhLenses.map((l) => l.command?.command),
      ['heapscope.openReport', 'heapscope.measure'],
    );
    for (const l of zhLenses) assert.deepEqual(englishRuns(l.command!.title), [], l.command!.title);
    assert.match(zhLenses[0]!.command!.title, /^1 处堆分配/);
    // A save in a module of two packages: the saved package's diagnostics come first and alone (its package is
    // analysed before the module), then the module's; the other package's are never cleared meanwhile.
    const libFile = join(cross, 'lib', 'lib.go');
    const libUri = uri(libFile);
    const appFile = join(cross, 'app.go');
    const appUri = uri(appFile);
    const has = (x: Diagnostic[], line: number): boolean => x.some((y) => y.range.start.line === line);
    await c.published(libUri, (x) => has(x, 5));
    const open = (u: string, text: string): void =>
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'go', version: 1, text } });
    open(libUri, readFileSync(libFile, 'utf8'));
    const appText = readFileSync(appFile, 'utf8') + '\nvar Sink []byte\n\nfunc Keep(n int) { Sink = make([]byte, n) }\n';
    writeFileSync(appFile, appText);
    open(appUri, appText);
    const keep = c.diagnostics(appUri, (x) => has(x, 9));
    const settled = c.diagnostics(libUri, (x) => has(x, 5));
    void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: appUri } });
    await keep;
    await settled; // the module's publish after the package's
    const libText = readFileSync(libFile, 'utf8').replace('package lib\n', 'package lib\n\n');
    writeFileSync(libFile, libText);
    const hidden2 = c.diagnostics(libUri, (x) => x.length === 0); // lines moved: hidden until the save's analysis
    void c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: libUri, version: 2 },
      contentChanges: [{ text: libText }],
    });
    await hidden2;
    const since = c.history.length;
    void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: libUri } });
    const libPublishes = (): number => c.history.slice(since).filter((h) => h.uri === libUri).length;
    for (let i = 0; i < 1200 && libPublishes() < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const after = c.history.slice(since).filter((h) => h.uri.startsWith(uri(cross) + '/'));
    const summary = JSON.stringify(after.map((h) => [h.uri.slice(uri(cross).length), h.diagnostics.map((d) => d.range.start.line)]));
    assert.equal(after[0]?.uri, libUri, summary);
    assert.ok(has(after[0]!.diagnostics, 6), summary);
    assert.equal(after.filter((h) => h.uri === libUri && has(h.diagnostics, 6)).length, 2, summary);
    assert.ok(
      after.filter((h) => h.uri === appUri).every((h) => has(h.diagnostics, 9)),
      summary,
    );

    // A measure run in flight, then shutdown and exit: the server ends 0 and its child's process group is gone.
    const begun = new Promise<void>((ok) =>
      c.conn.onNotification('$/progress', (p: { value: { kind: string } }) => {
        if (p.value.kind === 'begin') ok();
      }),
    );
    const measuring = c.conn.sendRequest('workspace/executeCommand', {
      command: 'heapscope.measure',
      arguments: onFn[1]!.command!.arguments,
    });
    await begun;
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(c.proc.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    assert.ok(children.length > 0, 'heapscope bench runs as a child');
    void measuring.catch(() => undefined);
    await c.conn.sendRequest('shutdown');
    const exited = new Promise<number | null>((ok) => c.proc.on('exit', (code) => ok(code)));
    void c.conn.sendNotification('exit');
    assert.equal(await exited, 0);
    for (let i = 0; i < 50 && alive(children).length; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(alive(children), []);
    assert.ok(c.serverRequests.includes('workspace/configuration'));
  },
);

/** allocs/op of each benchmark of the module at `dir` (go test -bench -benchmem, a fixed count of iterations). */
function allocsPerOp(dir: string): Map<string, number> {
  const out = execFileSync('go', ['test', '-run', '^$', '-bench', '.', '-benchmem', '-benchtime', '2000x', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return new Map([...out.matchAll(/^(Benchmark\w+)-\d+\s.*?([\d.]+) allocs\/op/gm)].map((m) => [m[1]!, Number(m[2])]));
}

test(
  'heapscope lsp: hover with the allocated type and size, fixes that build and remove the allocation, measure runs only the benchmarks that reach the function',
  { timeout: 300_000 },
  async () => {
    const ws = tempDir('heapscope-lspfix-');
    const mod = join(ws, 'lspfix');
    cpSync(join(fixturesDir, 'modules', 'lspfix'), mod, { recursive: true });
    // HEAPSCOPE_LANG is a choice made for heapscope: it wins over the editor's Chinese UI (the texts below are English).
    const c = startLsp({ cwd: ws, env: { HEAPSCOPE_LANG: 'en' } });
    await c.conn.sendRequest('initialize', {
      processId: process.pid,
      locale: 'zh-CN',
      rootUri: uri(mod),
      workspaceFolders: [{ uri: uri(mod), name: 'lspfix' }],
      capabilities: { window: { workDoneProgress: true } },
    });
    void c.conn.sendNotification('initialized', {});
    const open = async (name: string): Promise<{ u: string; text: string; diags: Diagnostic[] }> => {
      const text = readFileSync(join(mod, name), 'utf8');
      const u = uri(join(mod, name));
      const d = c.published(u, (x) => x.length > 0);
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'go', version: 1, text } });
      return { u, text, diags: await d };
    };
    const itoa = await open('itoa.go');
    const echo = await open('echo.go');
    // The package's analysis is published first, then the module's: the types read below, and the fixes that rest
    // on them, are the latter's (those read for the package's analysis are not carried over).
    for (let i = 0; i < 1200 && c.history.filter((p) => p.uri === itoa.u && p.diagnostics.length).length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    assert.ok(at(itoa.diags, 'interface-conversion', 8), JSON.stringify(itoa.diags.map((x) => [x.code, x.range.start])));

    // Hover: the type and size the compiled code allocates, once read (in the background after the analysis).
    const hover = async (u: string, line: number, character: number): Promise<string> => {
      for (let i = 0; ; i++) {
        const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line, character } })) as Hover;
        const v = (h.contents as { value: string }).value;
        if (!v.includes('reading the compiled code') || i > 300) return v;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    assert.match(await hover(itoa.u, 8, 27), /- allocates: `int` \(8 B\) by `runtime\.convT64`/);
    assert.match(await hover(echo.u, 12, 20), /- allocates: `string` \(16 B\) by `runtime\.convTstring`/);
    assert.match(await hover(echo.u, 17, 27), /- allocates: `lspfix\.ID` \(8 B\) by `runtime\.convT64`/);

    // Fixes: offered for the int and the string, not for the named ID nor for a format other than "%d", "%s", "%v".
    const actionsAt = async (u: string, line: number): Promise<CodeAction[]> =>
      (
        (await c.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri: u },
          range: { start: { line, character: 0 }, end: { line, character: 0 } },
          context: { diagnostics: [] },
        })) as CodeAction[]
      ).filter((a) => a.title.includes('replace'));
    const itoaFix = await actionsAt(itoa.u, 8);
    const echoFix = await actionsAt(echo.u, 12);
    const countFix = await actionsAt(echo.u, 28);
    assert.deepEqual(
      [...itoaFix, ...echoFix, ...countFix].map((a) => a.title),
      [
        'heapscope: replace fmt.Sprintf("%d", n) with strconv.Itoa(n) (same output, no boxing)',
        'heapscope: replace fmt.Sprint(s) with s (same output, no boxing)',
        'heapscope: replace fmt.Sprintf("%d", n) with strconv.Itoa(n) (same output, no boxing)',
      ],
    );
    assert.deepEqual(await actionsAt(echo.u, 17), []);
    assert.deepEqual(await actionsAt(echo.u, 22), []);
    // An unsaved edit of n's type (the line of the call unchanged): the types read are old, no fix until it matches.
    const retype = (version: number, from: string, to: string): void =>
      void c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: itoa.u, version },
        contentChanges: [{ range: { start: { line: 7, character: 11 }, end: { line: 7, character: 11 + from.length } }, text: to }],
      });
    retype(2, 'n int', 'n int8');
    assert.deepEqual(await actionsAt(itoa.u, 8), []);
    retype(3, 'n int8', 'n int');
    assert.equal((await actionsAt(itoa.u, 8)).length, 1);
    // Applied to a copy: it vets, its output test passes, and the boxing allocations are gone.
    const fixed = join(ws, 'fixed');
    cpSync(mod, fixed, { recursive: true });
    // Echo's and Count's fixes together in echo.go: fmt stays (Named and Shout use it), strconv joins its group.
    for (const [name, doc, actions] of [
      ['itoa.go', itoa, itoaFix],
      ['echo.go', echo, [...echoFix, ...countFix]],
    ] as const) {
      const td = TextDocument.create(doc.u, 'go', 1, doc.text);
      writeFileSync(
        join(fixed, name),
        TextDocument.applyEdits(
          td,
          actions.flatMap((a) => a.edit!.changes![doc.u]!),
        ),
      );
    }
    assert.match(readFileSync(join(fixed, 'echo.go'), 'utf8'), /^import \(\n\t"fmt"\n\t"strconv"\n\t"strings"\n\)\n/m);
    assert.match(readFileSync(join(fixed, 'echo.go'), 'utf8'), /\treturn s\n[^]*\treturn strconv\.Itoa\(n\)\n/);
    assert.match(readFileSync(join(fixed, 'itoa.go'), 'utf8'), /^import "strconv"\n\n\/\/ Label[^]*return strconv\.Itoa\(n\)\n/m);
    assert.doesNotMatch(readFileSync(join(fixed, 'itoa.go'), 'utf8'), /fmt/);
    execFileSync('go', ['vet', './...'], { cwd: fixed });
    execFileSync('go', ['test', '-run', 'TestOutput', '.'], { cwd: fixed });
    const before = allocsPerOp(mod);
    const after = allocsPerOp(fixed);
    assert.deepEqual([before.get('BenchmarkLabel'), before.get('BenchmarkEcho')], [2, 2]);
    assert.deepEqual([after.get('BenchmarkLabel'), after.get('BenchmarkEcho')], [1, 0]);

    // Measure Label: only BenchmarkLabel reaches it (through render, a function of the test file). The progress
    // names it and why; bench's own progress names the benchmarks it times and profiles: BenchmarkLabel, never
    // BenchmarkEcho. Named is reached by no benchmark: all of the package's run, BenchmarkEcho among them.
    const progress: { kind: string; message?: string }[] = [];
    c.conn.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => {
      progress.push(p.value);
    });
    const measureOf = async (u: string, fn: string): Promise<string[]> => {
      const lenses = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: u } })) as CodeLens[];
      const lens = lenses.find((l) => l.command?.command === 'heapscope.measure' && l.command.arguments?.[2] === fn)!;
      progress.length = 0;
      await c.conn.sendRequest('workspace/executeCommand', { command: 'heapscope.measure', arguments: lens.command!.arguments });
      return progress.map((p) => p.message ?? '');
    };
    const label = await measureOf(itoa.u, 'Label');
    assert.match(label[0]!, /^measuring Label: BenchmarkLabel \(their bodies call it/);
    assert.ok(
      label.some((m) => m === 'heapscope: measuring the cost of BenchmarkLabel'),
      JSON.stringify(label),
    );
    assert.ok(!label.some((m) => m.includes('BenchmarkEcho')), JSON.stringify(label));
    // With the tests analysed too: a site in a test file says its type is not read (the listing is of the package
    // without its tests) rather than that the compiled code makes no allocation for it.
    const testFile = uri(join(mod, 'labels_test.go'));
    const withTests = c.diagnostics(testFile, (x) => x.some((d) => d.range.start.line === 31));
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { heapscope: { tests: true } } });
    await withTests;
    void c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: testFile, languageId: 'go', version: 1, text: readFileSync(join(mod, 'labels_test.go'), 'utf8') },
    });
    assert.match(await hover(testFile, 31, 40), /- type and size: not read for test files/);

    // Pad is reached only through a function value in a variable, which the static look does not follow: the first
    // measure runs all of the package's benchmarks; the figures it stores name BenchmarkPad for Pad's site, so the
    // second runs that one alone.
    const pad = await open('pad.go');
    const all = await measureOf(pad.u, 'Pad');
    assert.match(all[0]!, /^measuring Pad: all of the package's benchmarks \(no benchmark found/);
    for (const b of ['BenchmarkLabel', 'BenchmarkEcho', 'BenchmarkPad'])
      assert.ok(all.includes(`heapscope: measuring the cost of ${b}`), JSON.stringify(all));
    const lensTitles = (await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: pad.u } })) as CodeLens[];
    assert.ok(
      lensTitles.some((l) => l.command?.title === '1 heap allocation · 1 allocs/op in BenchmarkPad'),
      JSON.stringify(lensTitles.map((l) => l.command?.title)),
    );
    const again = await measureOf(pad.u, 'Pad');
    assert.match(again[0]!, /^measuring Pad: BenchmarkPad \(they measured its sites last time\)$/);
    assert.deepEqual(
      again.filter((m) => m.startsWith('heapscope: measuring the cost of')),
      ['heapscope: measuring the cost of BenchmarkPad'],
    );

    await c.conn.sendRequest('shutdown');
    void c.conn.sendNotification('exit');
  },
);

test('heapscope lsp: a module analysed before is replayed from the cache, never once a file changed', { timeout: 300_000 }, async () => {
  const ws = tempDir('heapscope-lspreplay-');
  const mod = join(ws, 'lspfix');
  cpSync(join(fixturesDir, 'modules', 'lspfix'), mod, { recursive: true });
  const cache = tempDir('heapscope-lspreplay-cache-');
  const file = join(mod, 'itoa.go');
  type Analysis = { root: string; scope: string; replayed: boolean; sites: number };
  // One editor session: open itoa.go, exit as soon as the module's analysis is announced (its publish follows in
  // the same turn; the store for replay must not be lost to the exit). Its analyses and itoa.go's diagnostics.
  const session = async (): Promise<{ analyses: Analysis[]; lines: number[] }> => {
    const c = startLsp({ cwd: ws, env: { HEAPSCOPE_CACHE: cache } });
    const analyses: Analysis[] = [];
    const moduleDone = new Promise<void>((ok) =>
      c.conn.onNotification('heapscope/analysis', (a: Analysis) => {
        analyses.push(a);
        if (a.scope === 'module') ok();
      }),
    );
    await c.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(mod),
      workspaceFolders: [{ uri: uri(mod), name: 'lspfix' }],
      capabilities: {},
    });
    void c.conn.sendNotification('initialized', {});
    void c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(file), languageId: 'go', version: 1, text: readFileSync(file, 'utf8') },
    });
    await moduleDone;
    await c.conn.sendRequest('shutdown');
    const lines = (c.latest.get(uri(file)) ?? []).filter((d) => d.code === 'interface-conversion').map((d) => d.range.start.line);
    const exited = new Promise((ok) => c.proc.on('exit', ok));
    void c.conn.sendNotification('exit');
    await exited;
    return { analyses, lines };
  };
  const first = await session();
  assert.equal(first.analyses.at(-1)!.scope, 'module');
  assert.ok(
    first.analyses.every((a) => !a.replayed),
    JSON.stringify(first.analyses),
  );
  assert.deepEqual(first.lines, [8]);
  // Nothing changed: both analyses read back, the same diagnostics.
  // (The package-first step is there when the open reaches the server within its grace after `initialized`.)
  const second = await session();
  assert.equal(second.analyses.at(-1)!.scope, 'module');
  assert.ok(
    second.analyses.every((a) => a.replayed),
    JSON.stringify(second.analyses),
  );
  assert.deepEqual(second.lines, first.lines);
  assert.equal(second.analyses.at(-1)!.sites, first.analyses.at(-1)!.sites);
  // A file changed on disk while no editor ran (two lines added above the site): analysed afresh, at the new line.
  writeFileSync(file, readFileSync(file, 'utf8').replace('import "fmt"\n', 'import "fmt"\n\n// moved\n'));
  const third = await session();
  assert.equal(third.analyses.at(-1)!.scope, 'module');
  assert.ok(
    third.analyses.every((a) => !a.replayed),
    JSON.stringify(third.analyses),
  );
  assert.deepEqual(third.lines, [10]);
});
