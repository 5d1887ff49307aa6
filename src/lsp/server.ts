// heapscope lsp: the wiring of the language server (stdio, LSP 3.17). Diagnostics are built per module analysis
// (modules.ts), hovers, lenses and code actions are answered from the model in memory. Freshness: a document whose
// unsaved text no longer matches the text the analysis read gets no diagnostics on the lines that changed, and none
// at all once lines were added or removed; the save that follows re-analyses (through heapscope's cache) and
// publishes again.

import { dirname } from 'node:path';
import {
  CodeLensRefreshRequest,
  createConnection,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, readSettings, type LspSettings } from './config.js';
import { buildDiagnostics, SOURCE } from './diagnostics.js';
import { absOf, modelFileOf, pathOf, readText, uriOf } from './files.js';
import { findModules, moduleAbove, ModuleState, type Scope } from './modules.js';
import { functionAt, sitesOnLine, sitesThroughLine } from './model-queries.js';
import { functionHover, siteHover, type AllocationFacts } from './hover.js';
import { codeLenses, MEASURE_COMMAND, OPEN_REPORT_COMMAND } from './code-lens.js';
import { codeActions } from './code-actions.js';
import { splitLines } from './positions.js';
import { measurePackage, stopMeasures } from './measure.js';
import { siteAllocations, storesWritten, type ModuleAnalysis } from './engine-adapter.js';
import { benchmarksReaching } from './reach.js';
import { msg } from './messages.js';
import { VERSION } from '../version.js';
import { t } from '../i18n/t.js';
import { langOf, type Lang } from '../i18n/lang.js';

/** Sent before each publish: `{ root, scope: 'packages' | 'module', replayed, sites, failed }` (docs/editors.md). */
export const ANALYSIS_NOTIFICATION = 'heapscope/analysis';

/** How long after `initialized` the first module-wide run waits for the editor's opens (see onInitialized). */
const OPEN_GRACE_MS = 100;

/** `langChosen`: --lang or HEAPSCOPE_LANG named the language main() set (t.lang()), rather than the locale. */
export function runLsp(env: NodeJS.ProcessEnv, { langChosen = false } = {}): Promise<never> {
  const connection = createConnection(process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const modules = new Map<string, ModuleState>();
  let settings: LspSettings = DEFAULT_SETTINGS;
  let canPullConfig = false;
  let canRefreshLenses = false;
  /** Set by shutdown: no analysis starts after it. */
  let shuttingDown = false;
  /** What each file's diagnostics were built against: its text as analysed, and all of them before filtering. */
  const published = new Map<string, { root: string; text: string; diagnostics: Diagnostic[] }>();
  /** What the compiled code allocates per site, per analysis: read once after it is published, kept in memory. */
  const allocationFacts = new WeakMap<ModuleAnalysis, AllocationFacts>();
  // The session's language (docs/editors.md): heapscope.lang, else --lang or HEAPSCOPE_LANG, else the editor's UI
  // locale when heapscope has it, else the process's locale (main() already resolved the last two into t.lang()).
  const processLang = t.lang();
  let clientLang: Lang | null = null;
  const sessionLang = (): Lang => settings.lang || (langChosen ? processLang : (clientLang ?? processLang));
  const analyseOptions = () => ({ tests: settings.tests, ...(settings.tags ? { tags: settings.tags } : {}), env });
  function readAllocations(a: ModuleAnalysis): void {
    if (allocationFacts.has(a)) return;
    allocationFacts.set(a, { state: 'pending' });
    const started = Date.now();
    siteAllocations(a, analyseOptions()).then(
      (r) => {
        allocationFacts.set(a, { state: 'ready', ...r });
        connection.console.log(`heapscope: ${a.model.root}: allocated types of ${r.bySite.size} sites read in ${Date.now() - started} ms`);
      },
      (e: unknown) => allocationFacts.set(a, { state: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
  }

  const moduleOf = (abs: string): ModuleState | undefined => {
    let best: ModuleState | undefined;
    for (const m of modules.values()) if (abs.startsWith(m.root + '/') && (!best || m.root.length > best.root.length)) best = m;
    return best;
  };
  const ensureModule = (root: string): ModuleState => {
    let m = modules.get(root);
    if (!m) {
      m = new ModuleState(root, analyseOptions, publishModule);
      modules.set(root, m);
    }
    return m;
  };

  /** The diagnostics a file may show now: all when the editor's text is what was analysed, none on changed lines. */
  function visible(uri: string): Diagnostic[] {
    const p = published.get(uri);
    if (!p) return [];
    const doc = documents.get(uri);
    if (!doc || doc.getText() === p.text) return p.diagnostics;
    const now = splitLines(doc.getText());
    const then = splitLines(p.text);
    if (now.length !== then.length) return [];
    return p.diagnostics.filter((d) => d.range.start.line === d.range.end.line && now[d.range.start.line] === then[d.range.start.line]);
  }
  const send = (uri: string): void => void connection.sendDiagnostics({ uri, diagnostics: visible(uri) });

  /** Publishes the module's analysis, or with scope 'packages' its package-first one: then only the files of
   *  those packages are touched (the other files keep what the module's last analysis gave them). */
  function publishModule(m: ModuleState, scope: Scope = 'module'): void {
    const texts = new Map<string, string | null>();
    const textOf = (abs: string): string | null => {
      if (!texts.has(abs)) texts.set(abs, readText(abs));
      return texts.get(abs)!;
    };
    const byFile = new Map<string, Diagnostic[]>();
    // For clients that show the state (a status bar) and for the tests: which analysis this publish comes from.
    const shown = scope === 'packages' ? m.packages : m.analysis;
    void connection.sendNotification(ANALYSIS_NOTIFICATION, {
      root: m.root,
      scope,
      replayed: !!shown?.replayed,
      sites: shown?.model.sites.length ?? 0,
      failed: scope === 'module' && m.error !== null,
    });
    const build = (a: ModuleAnalysis): void => {
      const started = Date.now();
      for (const [abs, ds] of buildDiagnostics(a, settings, textOf)) byFile.set(abs, ds);
      connection.console.log(`heapscope: ${m.root}: ${a.model.sites.length} sites, diagnostics built in ${Date.now() - started} ms`);
    };
    const inPackages = (abs: string): boolean => m.packageDirs.includes(dirname(abs));
    if (scope === 'packages') {
      if (m.packages) {
        readAllocations(m.packages); // hovers and fixes read this analysis until the module's lands
        build(m.packages);
      }
    } else if (m.analysis) {
      readAllocations(m.analysis);
      build(m.analysis);
    }
    // The module's run failed after its package-first one: those packages' files keep the newer diagnostics.
    if (scope === 'module' && m.packages) {
      for (const abs of [...byFile.keys()]) if (inPackages(abs)) byFile.delete(abs);
      build(m.packages);
    }
    if (m.error && scope === 'module') {
      const gomod = absOf(m.root, 'go.mod');
      byFile.set(gomod, [
        ...(byFile.get(gomod) ?? []),
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 1,
          source: SOURCE,
          code: 'analysis-failed',
          message: t('lsp.module.failed', { error: m.error }),
        },
      ]);
    }
    const seen = new Set<string>();
    for (const [abs, diagnostics] of byFile) {
      const uri = uriOf(abs);
      seen.add(uri);
      published.set(uri, { root: m.root, text: textOf(abs) ?? '', diagnostics });
      send(uri);
    }
    for (const [uri, p] of published)
      if (p.root === m.root && !seen.has(uri) && (scope === 'module' || inPackages(pathOf(uri) ?? ''))) {
        published.delete(uri);
        send(uri);
      }
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  /** The newest analysis covering the file (its package's until the module's lands) and the file's model name, when
   *  the editor's text still matches what was analysed at `line`. */
  function fresh(uri: string, line: number): { m: ModuleState; a: ModuleAnalysis; file: string; lines: string[] } | null {
    const abs = pathOf(uri);
    const m = abs ? moduleOf(abs) : undefined;
    const a = abs ? m?.analysisFor(abs) : null;
    const p = published.get(uri);
    const doc = documents.get(uri);
    if (!abs || !m || !a || !doc) return null;
    const lines = splitLines(doc.getText());
    if (p) {
      const then = splitLines(p.text);
      if (then.length !== lines.length || then[line] !== lines[line]) return null;
    }
    return { m, a, file: modelFileOf(a.model.root, abs), lines };
  }

  async function pullSettings(): Promise<void> {
    if (!canPullConfig) return;
    const raw: unknown = await connection.workspace.getConfiguration('heapscope').catch(() => null);
    settings = readSettings(raw, settings);
    t.setLang(sessionLang());
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
    clientLang = params.locale ? langOf(params.locale) : null;
    t.setLang(sessionLang());
    canPullConfig = !!params.capabilities.workspace?.configuration;
    canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)) ?? [params.rootUri ? pathOf(params.rootUri) : null];
    for (const f of folders) if (f) for (const root of findModules(f)) ensureModule(root);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: true,
        executeCommandProvider: { commands: [MEASURE_COMMAND, OPEN_REPORT_COMMAND] },
      },
      serverInfo: { name: 'heapscope', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    const before = settings;
    const langBefore = t.lang();
    await pullSettings();
    connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.go' }, { globPattern: '**/go.mod' }, { globPattern: '**/go.work' }],
      })
      .catch(() => undefined);
    // An open may have started a run before the workspace's settings arrived: at once, run again where they change
    // the analysis, publish again where they change only what is shown (severities; a package-first result alone
    // is followed by its module's, which is published with them).
    const reanalyse = before.tests !== settings.tests || before.tags !== settings.tags || t.lang() !== langBefore;
    if (!reanalyse && settings !== before) for (const m of modules.values()) if (m.analysis) publishModule(m);
    // Otherwise, an editor opens its visible files right after `initialized`: waiting for them lets the first run
    // analyse their packages first, where a module-wide run started at once would be stopped by the first open and
    // begun again (50-100 ms lost on a warm start).
    if (!reanalyse) await new Promise((resolve) => setTimeout(resolve, OPEN_GRACE_MS));
    // One module at a time: the machine's cores go to the go command's compilers. A run under way (for an open
    // file's package) goes on to its module.
    for (const m of modules.values()) {
      if (shuttingDown) return;
      if (reanalyse || (!m.busy && !m.analysis)) await m.request();
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    const before = settings;
    const langBefore = t.lang();
    settings = readSettings((change.settings as { heapscope?: unknown } | null)?.heapscope, settings);
    t.setLang(sessionLang());
    await pullSettings();
    // The model's prose (causes' summaries and fixes, notes) is written in the language of the analysis.
    const reanalyse = before.tests !== settings.tests || before.tags !== settings.tags || t.lang() !== langBefore;
    for (const m of modules.values())
      if (reanalyse) void m.request();
      else publishModule(m);
  });

  documents.onDidOpen((e) => {
    const abs = pathOf(e.document.uri);
    if (!abs || !abs.endsWith('.go')) return;
    let m = moduleOf(abs);
    if (!m) {
      const root = moduleAbove(abs);
      if (root) m = ensureModule(root);
    }
    // No analysis yet: this file's package first (a module-wide run under way restarts with it, the go command's
    // cache keeping what it compiled), then the module.
    if (m && !m.analysis && !m.covers(m.patternOf(abs))) void m.request(m.patternOf(abs));
    else send(e.document.uri);
  });
  documents.onDidChangeContent((e) => send(e.document.uri));
  documents.onDidSave((e) => {
    const abs = pathOf(e.document.uri);
    const m = abs ? moduleOf(abs) : undefined;
    // A Go file's package is analysed and published first, then the module (its importers).
    if (abs && m) void m.request(abs.endsWith('.go') ? m.patternOf(abs) : undefined, abs.endsWith('.go'));
  });
  documents.onDidClose((e) => send(e.document.uri));

  connection.onDidChangeWatchedFiles((p) => {
    const todo = new Set<ModuleState>();
    for (const c of p.changes) {
      const abs = pathOf(c.uri);
      if (!abs) continue;
      if (abs.endsWith('/go.mod') || abs.endsWith('/go.work')) {
        if (abs.endsWith('/go.mod')) ensureModule(dirname(abs));
        for (const m of modules.values()) if (m.root === dirname(abs) || m.root.startsWith(dirname(abs) + '/')) todo.add(m);
      } else {
        const m = moduleOf(abs);
        if (m) todo.add(m);
      }
    }
    for (const m of todo) void m.request();
  });

  connection.onHover((p) => {
    const f = fresh(p.textDocument.uri, p.position.line);
    if (!f) return null;
    const a = f.a;
    const fn = functionAt(a, f.file, p.position.line + 1, f.lines[p.position.line] ?? '', p.position.character);
    if (fn) return { contents: { kind: 'markdown', value: functionHover(a, fn) } };
    const sites = sitesOnLine(a, f.file, p.position.line + 1);
    if (sites.length) return { contents: { kind: 'markdown', value: siteHover(a, sites, allocationFacts.get(a)) } };
    const through = sitesThroughLine(a, f.file, p.position.line + 1);
    if (!through.length) return null;
    const lead = through.map((s) => t('lsp.hover.through', { expr: s.goName?.expr ?? s.expr, line: s.line })).join('\n\n');
    return { contents: { kind: 'markdown', value: `${lead}\n\n${siteHover(a, through, allocationFacts.get(a))}` } };
  });

  connection.onCodeLens((p) => {
    const doc = documents.get(p.textDocument.uri);
    const pub = published.get(p.textDocument.uri);
    // Lenses sit on a function's line: none while lines have moved.
    if (doc && pub && splitLines(doc.getText()).length !== splitLines(pub.text).length) return [];
    const f = fresh(p.textDocument.uri, 0);
    if (!f) return [];
    return codeLenses(f.a, f.file, f.lines, (file) => './' + dirname(file));
  });

  connection.onCodeAction((p) => {
    const f = fresh(p.textDocument.uri, p.range.start.line);
    if (!f) return [];
    // A fix rests on the types of the analysed text: offered only while the editor's text is exactly that (an unsaved
    // edit elsewhere, say to a parameter's type, could make it wrong); the directives only need their own line.
    const exact = published.get(p.textDocument.uri)?.text === documents.get(p.textDocument.uri)?.getText();
    const facts = exact ? allocationFacts.get(f.a) : undefined;
    return codeActions(f.a, f.file, p.textDocument.uri, f.lines, p.range, facts);
  });

  connection.onExecuteCommand(async (p) => {
    const args = p.arguments ?? [];
    if (p.command === OPEN_REPORT_COMMAND) {
      const [id, file, line] = args as [string | null, string, number];
      if (!settings.serveUrl) {
        void connection.window.showInformationMessage(t('lsp.window.noReport'));
        return;
      }
      const hash = id ? `site=${encodeURIComponent(id)}` : `file=${encodeURIComponent(file)}&line=${line}`;
      await connection.window
        .showDocument({ uri: `${settings.serveUrl.replace(/#.*$/, '')}#${hash}`, external: true })
        .catch(() => undefined);
      return;
    }
    if (p.command === MEASURE_COMMAND) {
      const [root, pkg, fn] = args as [string, string, string];
      const m = modules.get(root);
      if (!m) return;
      const info = m.analysis?.model.functions.find((f) => f.name === fn && './' + dirname(f.file) === pkg);
      const reach =
        info && m.analysis
          ? benchmarksReaching(m.analysis, info, absOf(root, dirname(info.file)))
          : { benchmarks: [], how: 'none' as const };
      const how = msg.reach(reach.how);
      const progress = await connection.window.createWorkDoneProgress();
      progress.begin(msg.measureTitle(pkg), undefined, msg.measureScope(fn, reach.benchmarks, how), false);
      // heapscope bench's progress in the session's language.
      const r = await measurePackage(
        root,
        pkg,
        reach.benchmarks,
        { ...env, HEAPSCOPE_LANG: t.lang() },
        { report: (l) => progress.report(l.slice(0, 200)) },
      );
      progress.done();
      if (r.code !== 0 && r.code !== 1)
        void connection.window.showWarningMessage(
          t(r.code === null ? 'lsp.window.benchCrashed' : 'lsp.window.benchFailed', {
            pkg,
            code: String(r.code),
            last: r.tail.trim().split('\n').at(-1) ?? '',
          }),
        );
      await m.request();
    }
  });

  connection.onShutdown(async () => {
    shuttingDown = true;
    stopMeasures();
    await Promise.all([...modules.values()].map((m) => m.cancel()));
    await storesWritten();
  });

  documents.listen(connection);
  connection.listen();
  return new Promise<never>(() => {});
}
