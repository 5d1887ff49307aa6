// The model (and the benchmark report) in the page's compact form (page-data.ts): strings interned, positions as
// triples, the summary ranked by model/ranking.ts exactly as the text report ranks it.

import { findCause } from '../../model/causes.js';
import { costliest, type RankedEntry } from '../../model/ranking.js';
import type { AnalysisModel, CauseRef, Position, Site } from '../../model/types.js';
import type { BenchReport, BenchLine } from '../../model/bench-report.js';
import type { FlameNode } from '../../model/flame.js';
import type { CpuFlameNode } from '../../model/cpu-flame.js';
import { pathKind } from '../../model/paths.js';
import type { AsmListing } from '../../model/alloc-types.js';
import { VERSION } from '../../version.js';
import { t } from '../../i18n/t.js';
import {
  PAGE_DATA_VERSION,
  type PageAsmFunction,
  type PageBenchmark,
  type PageCpuFlameNode,
  type PageData,
  type PageFlameNode,
  type PagePos,
  type PageSite,
  type Str,
} from './page-data.js';

/** Sites the summary ranks in the page: more than the terminal's ten, the list scrolls. */
const PAGE_TOP = 50;

class Strings {
  readonly list: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  of(s: string | null | undefined): Str {
    if (!s) return 0;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

export interface EncodeContext {
  /** Also make the first view (Encoded.preview): only a page written as a file paints one. */
  preview?: boolean;
  command: string;
  /** Whether heapscope can read a file's text for the page (the CLI's source reader decides). */
  hasSource: (file: string) => boolean;
}

/** The builder shared by both reports: tables of strings, files, packages and causes filled as sites are added. */
class Encoder {
  readonly strings = new Strings();
  readonly files: PageData['files'] = [];
  readonly packages: PageData['packages'] = [];
  readonly causes: PageData['causes'] = [];
  readonly sites: PageSite[] = [];
  private readonly fileIndex = new Map<string, number>();
  private readonly pkgIndex = new Map<string, number>();
  private readonly causeIndex = new Map<string, number>();
  readonly siteIndex = new Map<Site, number>();
  private readonly siteById = new Map<string, number>();

  constructor(private readonly ctx: EncodeContext) {}

  pkg(importPath: string, dir = '', errors: string[] = []): number {
    let i = this.pkgIndex.get(importPath);
    if (i === undefined) {
      i = this.packages.length;
      this.packages.push({ path: this.strings.of(importPath), dir: this.strings.of(dir), errors: errors.map((e) => this.strings.of(e)) });
      this.pkgIndex.set(importPath, i);
    }
    return i;
  }

  file(path: string, pkg = -1): number {
    let i = this.fileIndex.get(path);
    if (i === undefined) {
      i = this.files.length;
      this.files.push({ path: this.strings.of(path), package: pkg, source: this.ctx.hasSource(path), heap: 0, stack: 0 });
      this.fileIndex.set(path, i);
    } else if (pkg >= 0 && this.files[i]!.package < 0) this.files[i]!.package = pkg;
    return i;
  }

  fileList(): string[] {
    return [...this.fileIndex.keys()];
  }

  pos(p: Position, pkg = -1): PagePos {
    return [this.file(p.file, pkg), p.line, p.column];
  }

  cause(ref: CauseRef | null | undefined): number {
    if (!ref) return -1;
    let i = this.causeIndex.get(ref.id);
    if (i === undefined) {
      const full = findCause(ref.id);
      i = this.causes.length;
      this.causes.push({
        id: this.strings.of(ref.id),
        title: this.strings.of(full?.title ?? ref.id),
        summary: this.strings.of(ref.summary),
        explanation: this.strings.of(full?.explanation ?? ''),
        fix: this.strings.of(ref.fix),
      });
      this.causeIndex.set(ref.id, i);
    }
    return i;
  }

  /** Adds the sites; chains are linked once all are in, since a chain can lead to a site listed later. */
  addSites(list: Site[]): void {
    const s = this.strings;
    const groups = new Map<string, number>();
    for (const site of list) {
      if (this.siteIndex.has(site)) continue;
      const pkg = this.pkg(site.package);
      const pos = this.pos(site, pkg);
      const f = this.files[pos[0]]!;
      if (site.heap && site.allocates !== 'never') f.heap++;
      else if (!site.heap) f.stack++;
      const key = `${site.file}:${site.line}:${site.column}|${site.kind}|${site.expr}`;
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = this.sites.length));
      const fn = site.goName?.function ?? site.function ?? '';
      const expr = site.goName?.expr ?? site.expr;
      const page: PageSite = {
        id: s.of(site.id ?? ''),
        pos,
        package: pkg,
        function: s.of(fn),
        expr: s.of(expr),
        kind: site.kind,
        heap: site.heap,
        cause: this.cause(site.cause),
        rootCause: this.cause(site.rootCause),
        flow: site.flow.map((st) => ({
          pos: this.pos(st),
          text: s.of(st.goText?.text ?? st.text),
          reason: s.of(st.reason),
          dst: s.of(st.goText?.dst ?? st.dst),
          src: s.of(st.goText?.src ?? st.src),
        })),
        group,
      };
      if (site.function && site.function !== fn) page.functionRaw = s.of(site.function);
      if (site.expr !== expr) page.exprRaw = s.of(site.expr);
      if (site.allocates) page.allocates = site.allocates;
      if (site.allocatesReason) page.allocatesReason = s.of(site.allocatesReason);
      if (site.detail) page.detail = s.of(site.detail);
      if (site.notes?.length) page.notes = site.notes.map((n) => s.of(n));
      if (site.truncated) page.truncated = true;
      if (site.inlinedFrom) page.inlinedFrom = s.of(site.inlinedFrom);
      if (site.cold) page.cold = s.of(site.coldReason ?? 'cold');
      if (site.cost) {
        const c = site.cost;
        page.cost = { source: c.source, score: c.score, basis: s.of(c.basis) };
        if (c.allocsPerOp !== undefined) page.cost.allocsPerOp = c.allocsPerOp;
        if (c.bytesPerOp !== undefined) page.cost.bytesPerOp = c.bytesPerOp;
        if (c.benchmark) page.cost.benchmark = s.of(c.benchmark);
      }
      this.siteIndex.set(site, this.sites.length);
      if (site.id && !this.siteById.has(site.id)) this.siteById.set(site.id, this.sites.length);
      this.sites.push(page);
      (this.pending ??= []).push([page, site]);
    }
  }

  private pending: [PageSite, Site][] | undefined;

  /** A site of another model of the same code (bench's own analysis) by its identity. */
  siteOf(site: Site): number {
    return this.siteIndex.get(site) ?? (site.id ? this.siteById.get(site.id) : undefined) ?? -1;
  }

  linkChains(): void {
    for (const [page, site] of this.pending ?? []) {
      if (!site.chain?.length) continue;
      page.chain = site.chain.map((l) => ({
        site: this.siteById.get(l.id) ?? -1,
        pos: this.pos(l),
        expr: this.strings.of(l.goName?.expr ?? l.expr),
        function: this.strings.of(l.goName?.function ?? l.function ?? ''),
        cause: l.cause ? this.cause(findCause(l.cause) ?? null) : -1,
      }));
    }
    this.pending = undefined;
  }
}

function base(model: { go: PageData['go']; root: string }, kind: PageData['kind'], enc: Encoder, ctx: EncodeContext): PageData {
  return {
    version: PAGE_DATA_VERSION,
    kind,
    lang: t.lang(),
    tool: `heapscope ${VERSION}`,
    go: { version: model.go.version, goos: model.go.goos, goarch: model.go.goarch },
    root: model.root,
    command: ctx.command,
    strings: enc.strings.list,
    packages: enc.packages,
    files: enc.files,
    causes: enc.causes,
    sites: enc.sites,
    ranking: [],
    functions: [],
    inlined: [],
    instantiations: [],
    notAnalysed: [],
  };
}

export interface Encoded {
  data: PageData;
  /**
   * The first view of the page: the ranked sites alone, with the files and packages of `data` at the same indices
   * and the counts of the whole. A page paints it at once and swaps in `data` when that is decoded (37 MB of JSON
   * for std, a second to parse).
   */
  preview?: PageData;
  /** The files of data.files, in order, for the caller to attach their sources. */
  files: string[];
}

/** The analysis; with `bench`, the benchmarks of a run on the same code too, and the assembly (the playground). */
export function encodeAnalysis(model: AnalysisModel, ctx: EncodeContext, bench?: BenchReport, asm?: AsmListing[]): Encoded {
  const enc = new Encoder(ctx);
  const s = enc.strings;
  for (const p of model.packages) enc.pkg(p.importPath, p.dir, p.errors);
  // Heap sites first, so the ranking's indices and the lists of heap sites are small numbers.
  const heap = model.sites.filter((x) => x.heap);
  enc.addSites(heap);
  enc.addSites(model.sites.filter((x) => !x.heap));
  enc.linkChains();
  const data = base(model, 'analyze', enc, ctx);
  const allocating = heap.filter((x) => x.allocates !== 'never');
  const { picked } = costliest(allocating, PAGE_TOP);
  data.ranking = picked.map((e) => ({ site: enc.siteIndex.get(e.group[0]!)!, more: e.more }));
  if (model.measuredBy) data.measuredBy = model.measuredBy;
  data.functions = model.functions.map((f) => {
    const pkg = enc.pkg(f.package);
    return {
      name: s.of(f.name),
      package: pkg,
      pos: enc.pos(f, pkg),
      ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
      inlinable: f.inlinable,
      cost: f.cost,
      budget: f.budget,
      reason: s.of(f.reason),
    };
  });
  data.inlined = model.inlinedCalls.map((c) => ({ pos: enc.pos(c, enc.pkg(c.package)), callee: s.of(c.callee), caller: s.of(c.caller) }));
  data.instantiations = (model.instantiations ?? []).map((i) => ({
    package: enc.pkg(i.package),
    callee: s.of(i.callee),
    calls: i.calls.map((c) => enc.pos(c)),
    sites: i.sites,
    functions: i.functions.map((f) => s.of(f)),
  }));
  data.notAnalysed = (model.notAnalysed ?? []).map((n) => {
    const pkg = enc.pkg(n.package);
    return { package: pkg, pos: enc.pos(n, pkg), function: s.of(n.function) };
  });
  if (model.filtered) data.filtered = model.filtered;
  if (bench) {
    data.kind = 'bench';
    data.benchmarks = benchmarks(enc, bench);
  }
  if (asm) data.asm = asm.map((f) => encodeListing(enc, f));
  const files = enc.fileList();
  return { data, files, ...(ctx.preview ? { preview: preview(model, data, files, picked, ctx) } : {}) };
}

function preview(model: AnalysisModel, data: PageData, files: string[], picked: RankedEntry[], ctx: EncodeContext): PageData {
  const enc = new Encoder(ctx);
  // The same indices as the whole data: the sources block and the links are by file and package index.
  for (const p of model.packages) enc.pkg(p.importPath, p.dir, p.errors);
  for (const f of data.packages.slice(enc.packages.length)) enc.pkg(data.strings[f.path]!);
  files.forEach((f, i) => enc.file(f, data.files[i]!.package));
  enc.addSites(picked.flatMap((e) => e.group));
  enc.linkChains();
  const first = base(model, 'analyze', enc, ctx);
  first.files = data.files.map((f, i) => ({ ...f, path: first.files[i]!.path }));
  first.ranking = picked.map((e) => ({ site: enc.siteIndex.get(e.group[0]!)!, more: e.more }));
  if (data.filtered) first.filtered = data.filtered;
  if (data.measuredBy) first.measuredBy = data.measuredBy;
  const count = (key: (s: PageSite) => string): [string, number][] => {
    const m = new Map<string, number>();
    for (const s of data.sites) {
      if (!s.heap || s.cold || s.allocates === 'never') continue;
      const k = key(s);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  first.preview = {
    heapSites: data.sites.filter((s) => s.heap && s.allocates !== 'never').length,
    sites: data.sites.length,
    byCause: count((s) => (s.cause >= 0 ? data.strings[data.causes[s.cause]!.id]! : '')),
    byPackage: count((s) => data.strings[data.packages[s.package]!.path]!),
  };
  return first;
}

function encodeFlame(enc: Encoder, n: FlameNode): PageFlameNode {
  return {
    name: enc.strings.of(n.name),
    file: n.file ? enc.file(n.file) : -1,
    line: n.line,
    allocs: n.allocs,
    bytes: n.bytes,
    children: n.children.map((c) => encodeFlame(enc, c)),
  };
}

function encodeLine(enc: Encoder, l: BenchLine): PageBenchmark['lines'][number] {
  const s = enc.strings;
  const types = l.typeDetails.length ? l.typeDetails.map((t) => (t.size !== null ? `${t.type} (${t.size} B)` : t.type)) : l.types;
  return {
    file: enc.file(l.file),
    line: l.line,
    function: s.of(l.goFunction ?? l.function),
    innermost: s.of(l.innermost),
    allocsPerOp: l.allocsPerOp,
    bytesPerOp: l.bytesPerOp,
    types: types.map((t) => s.of(t)),
    sites: l.sites.map((x) => enc.siteOf(x)).filter((x) => x >= 0),
    cause: enc.cause(l.cause),
    notes: l.notes.map((n) => s.of(n)),
    ...(l.amortised ? { amortised: true } : {}),
    ...(l.cpuShare !== undefined ? { cpuShare: l.cpuShare } : {}),
    ...(l.gcShareEstimate !== undefined ? { gcShareEstimate: l.gcShareEstimate } : {}),
    ...(l.profiledAllocsPerOp !== undefined ? { profiledAllocsPerOp: l.profiledAllocsPerOp } : {}),
  };
}

function encodeCpuFlame(enc: Encoder, n: CpuFlameNode): PageCpuFlameNode {
  const mod = pathKind(n.file) === 'module';
  return {
    name: enc.strings.of(n.name),
    file: mod ? enc.file(n.file) : -1,
    at: mod || !n.file ? 0 : enc.strings.of(`${n.file}:${n.line}`),
    line: n.line,
    kind: n.kind,
    samples: n.samples,
    children: n.children.map((c) => encodeCpuFlame(enc, c)),
  };
}

export function encodeBench(report: BenchReport, ctx: EncodeContext, asm: AsmListing[] = []): Encoded {
  const enc = new Encoder(ctx);
  for (const p of report.packages) enc.pkg(p.importPath, p.dir, p.errors);
  const sites = [...new Set(report.benchmarks.flatMap((b) => b.lines.flatMap((l) => l.sites)))];
  enc.addSites(sites);
  enc.linkChains();
  const data = base(report, 'bench', enc, ctx);
  // The one ranking (model/ranking.ts), by the figures this run measured.
  const { picked } = costliest(
    sites.filter((x) => x.heap && x.allocates !== 'never'),
    PAGE_TOP,
  );
  data.ranking = picked.map((e) => ({ site: enc.siteIndex.get(e.group[0]!)!, more: e.more }));
  data.benchmarks = benchmarks(enc, report);
  data.asm = asm.map((f): PageAsmFunction => encodeListing(enc, f));
  return { data, files: enc.fileList() };
}

function encodeListing(enc: Encoder, f: AsmListing): PageAsmFunction {
  const s = enc.strings;
  return {
    symbol: s.of(f.symbol),
    pos: enc.pos(f),
    instructions: f.instructions.map((i) => [i.file ? enc.file(i.file) : -1, i.line, s.of(i.text)]),
    calls: f.calls.map((c) => ({ index: c.index, runtime: s.of(c.runtime), type: s.of(c.type), size: c.size, sizeClass: c.sizeClass })),
  };
}

function benchmarks(enc: Encoder, report: BenchReport): PageBenchmark[] {
  const s = enc.strings;
  return report.benchmarks.map((b) => ({
    name: s.of(b.name),
    package: enc.pkg(b.package),
    procs: b.procs,
    runs: b.runs,
    metrics: Object.entries(b.metrics).map(([name, figure]) => ({ name: s.of(name), figure })),
    setup: b.setup,
    lines: b.lines.map((l) => encodeLine(enc, l)),
    flame: b.flame ? encodeFlame(enc, b.flame) : null,
    notes: b.notes.map((n) => s.of(n)),
    ...(b.cpu !== undefined ? { cpu: b.cpu } : {}),
    ...(b.gc !== undefined ? { gc: b.gc } : {}),
    ...(b.cpuFlame !== undefined ? { cpuFlame: b.cpuFlame && { ...b.cpuFlame, root: encodeCpuFlame(enc, b.cpuFlame.root) } } : {}),
    ...(b.trace !== undefined ? { trace: b.trace } : {}),
  }));
}
