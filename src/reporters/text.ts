// The terminal report: first a one-screen summary (the costliest heap sites with cause and fix, counts by cause
// and package), then heap sites as `file:line:col: message` lines like go vet, grouped by package (hot before
// cold, by position or by cost), each followed by the compiler's reasons and the fix, then a summary with counts.
// Names are shown in Go's words (join/go-names.ts); the compiler's own are in the JSON.

import { isAbsolute, join, relative } from 'node:path';
import pc from 'picocolors';
import { type AnalysisModel, type Site, type SiteCost } from '../model/types.js';
import { byCost, costliest, groupCost, groupsOf, type Group } from '../model/ranking.js';
import { groupBy } from '../model/group.js';
import { safeText as q } from '../model/safe-text.js';
import type { ReportOptions } from './registry.js';

/** A file as the user sees it; escaped, since a `//line` directive can name any file. */
export function display(model: Pick<AnalysisModel, 'root'>, file: string, cwd: string): string {
  if (file === '' || file.startsWith('<') || file.startsWith('$')) return q(file) || '<no position>';
  const abs = isAbsolute(file) ? file : join(model.root, file);
  const rel = relative(cwd, abs);
  return q(rel.startsWith('..') && isAbsolute(file) ? abs : rel || abs);
}

export function headline(s: Site): string {
  const expr = q(s.goName?.expr ?? s.expr);
  if (s.kind === 'moved-to-heap') return `${expr} moved to heap`;
  return `${expr} escapes to heap`;
}

const fnName = (s: { function: string | null; goName?: { function?: string } }): string | null => s.goName?.function ?? s.function;

function costText(c: SiteCost): string {
  if (c.source === 'measured')
    return c.profile !== undefined
      ? q(c.basis)
      : `${q(c.basis)}${c.bytesPerOp !== undefined ? `, ${Math.round(c.bytesPerOp)} B/op` : ''} (measured by heapscope bench)`;
  return `estimated weight ${c.score >= 1 ? Math.round(c.score) : c.score}: ${q(c.basis)}`;
}

/** The first sentence of a fix, for the summary. */
function firstSentence(t: string): string {
  const m = /^(.+?[.;])(\s|$)/.exec(t);
  return (m ? m[1]! : t).replace(/;$/, '.');
}

/** The compiler's explanation of one site: each flow edge once, then the notes under it. */
export function flowLines(model: Pick<AnalysisModel, 'root'>, s: Site, cwd: string, c: ReturnType<typeof pc.createColors>): string[] {
  const out: string[] = [];
  let edge = '';
  let first = true;
  for (const f of s.flow) {
    const e = `${q(f.goText?.dst ?? f.dst)} ← ${q(f.goText?.src ?? f.src)}`;
    if (e !== edge) {
      out.push(`    ${first ? c.cyan('why:') : '    '} ${c.dim('flow')} ${e}`);
      edge = e;
      first = false;
    }
    // An edge printed without notes has no step text of its own.
    if (f.text !== '')
      out.push(
        `           ${q(f.goText?.text ?? f.text)} ${c.dim(`(${q(f.reason) || '?'})`)} at ${display(model, f.file, cwd)}:${f.line}:${f.column}`,
      );
  }
  if (s.truncated) out.push(`           ${c.dim('(the compiler cut this explanation short: assignment cycle)')}`);
  return out;
}

/** The whole report as one string (tests, small models). */
export function renderText(model: AnalysisModel, opts: ReportOptions): string {
  return [...renderTextChunks(model, opts)].join('');
}

/** Lines held before they are handed on: the report of std is hundreds of MB as one string. */
const CHUNK_LINES = 4096;

/** Generic functions not analysed, listed per package without --verbose. */
const NOT_ANALYSED_SHOWN = 10;

/** The report in chunks of whole lines, made as they are written. */
export function* renderTextChunks(model: AnalysisModel, opts: ReportOptions): Generator<string> {
  const c = pc.createColors(opts.color);
  let out: string[] = [];
  const flush = (): string => {
    const text = out.join('\n') + '\n';
    out = [];
    return text;
  };
  const where = (f: { file: string; line: number; column: number }): string => `${display(model, f.file, opts.cwd)}:${f.line}:${f.column}`;
  // Decisions the runtime never allocates for (constants, zero-size values, static closures) are listed apart
  // and left out of the heap counts.
  const heap = model.sites.filter((s) => s.heap && s.allocates !== 'never');
  const never = model.sites.filter((s) => s.heap && s.allocates === 'never');
  const byPkg = groupBy(heap, (s) => s.package);
  const neverByPkg = groupBy(never, (s) => s.package);
  for (const p of model.packages) {
    for (const e of p.errors) out.push(`${c.red('error')}: ${q(p.importPath)}: ${q(e)}`);
  }
  if (out.length) out.push('');
  const cold = heap.filter((s) => s.cold);

  const top = opts.top ?? 0;
  if (top > 0 && heap.length) {
    const { picked, groups } = costliest(heap, top);
    const measured = heap.some((s) => s.cost?.source === 'measured');
    out.push(
      // The count the summary below gives (every site); entries are decisions, a generic's instances together.
      c.bold(`The ${picked.length} costliest of ${heap.length} heap site${heap.length === 1 ? '' : 's'}`) +
        (groups !== heap.length ? c.dim(` (${groups} decisions: the instances of one are ranked together)`) : '') +
        c.dim(
          measured
            ? model.measuredBy?.time === ''
              ? ` (from ${q(model.measuredBy.command)} where it has the line, estimated elsewhere)`
              : ` (measured by heapscope bench${model.measuredBy ? ` at ${q(model.measuredBy.time)}` : ''} where it ran them, estimated elsewhere)`
            : ' (estimated from the source: run heapscope bench to measure)',
        ),
    );
    picked.forEach(({ group, more }, i) => {
      const s = group[0]!;
      const cost = groupCost(group);
      const fn = fnName(s);
      out.push(
        `${String(i + 1).padStart(3)}. ${where(s)}: ${c.yellow(headline(s))}${fn ? c.dim(` in ${q(fn)}`) : ''}${c.dim(s.cause ? ` [${s.cause.id}]` : '')}`,
      );
      const fix = s.rootCause ?? s.cause;
      out.push(
        `     ${cost ? costText(cost) : ''}${s.cold ? c.dim(` (cold: ${q(s.coldReason ?? '')})`) : ''}${fix ? `; ${c.green('fix:')} ${q(firstSentence(fix.fix))}` : ''}`,
      );
      if (more) out.push(c.dim(`     and ${more} more heap site${more === 1 ? '' : 's'} in ${q(fn ?? 'this function')} ranked below`));
    });
    const causes = new Map<string, number>();
    for (const s of heap) if (!s.cold) causes.set(s.cause?.id ?? 'unexplained', (causes.get(s.cause?.id ?? 'unexplained') ?? 0) + 1);
    const pkgs = new Map<string, number>();
    for (const s of heap) if (!s.cold) pkgs.set(s.package, (pkgs.get(s.package) ?? 0) + 1);
    const list = (m: Map<string, number>, n: number): string => {
      const all = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return (
        all
          .slice(0, n)
          .map(([k, v]) => `${q(k)} ${v}`)
          .join(', ') + (all.length > n ? `, ${all.length - n} more` : '')
      );
    };
    out.push(`  hot sites by cause: ${list(causes, 8)}`);
    if (pkgs.size > 1) out.push(`  hot sites by package: ${list(pkgs, 6)}`);
    if (cold.length) out.push(`  ${cold.length} more on error or panic paths (cold), listed after the hot ones`);
    out.push('');
  }

  const sortGroups = (gs: Group[]): Group[] => (opts.sort === 'cost' ? byCost(gs) : opts.sort === 'allocs' ? byCost(gs, 'allocs') : gs);
  const instantiations = groupBy(model.instantiations ?? [], (i) => i.package);
  const notAnalysed = groupBy(model.notAnalysed ?? [], (n) => n.package);
  for (const p of model.packages) {
    const list = byPkg.get(p.importPath) ?? [];
    const free = neverByPkg.get(p.importPath) ?? [];
    const inst = instantiations.get(p.importPath) ?? [];
    const missing = notAnalysed.get(p.importPath) ?? [];
    if (!list.length && !free.length && !inst.length && !missing.length) continue;
    const nCold = list.filter((s) => s.cold).length;
    out.push(
      c.bold(`# ${q(p.importPath)}`) +
        c.dim(` (${list.length} heap site${list.length === 1 ? '' : 's'}${nCold ? `, ${nCold} of them cold` : ''})`),
    );
    const groups = groupsOf(list);
    const ordered = [...sortGroups(groups.filter((g) => !g[0]!.cold)), ...sortGroups(groups.filter((g) => g[0]!.cold))];
    let coldHeading = false;
    for (const group of ordered) {
      const s = group[0]!;
      if (s.cold && !coldHeading) {
        out.push(c.dim('cold: reached only on error or panic paths'));
        coldHeading = true;
      }
      const fns = [...new Set(group.map((g) => fnName(g)).filter((f): f is string => !!f))].map(q);
      const fn =
        group.length > 1
          ? c.dim(` in ${group.length} instances${fns.length ? ': ' + fns.join(', ') : ''}`)
          : fnName(s)
            ? c.dim(` in ${q(fnName(s)!)}`)
            : '';
      out.push(
        `${where(s)}: ${c.yellow(headline(s))}${fn}: ${q(s.cause?.summary ?? 'no explanation printed by the compiler')}${c.dim(s.cause ? ` [${s.cause.id}]` : '')}`,
      );
      if (s.detail) out.push(`    ${c.cyan('because:')} ${q(s.detail)}`);
      if (s.cold) out.push(`    ${c.dim(`cold: ${q(s.coldReason ?? '')}`)}`);
      const cost = groupCost(group);
      if (cost) out.push(`    ${c.dim(`cost: ${costText(cost)}`)}`);
      if (s.allocates === 'sometimes') out.push(`    ${c.dim(`allocates sometimes: ${q(s.allocatesReason ?? '')}`)}`);
      const shown = new Set<string>();
      for (const inst of group) {
        const chain = flowLines(model, inst, opts.cwd, c);
        const k = chain.join('\n');
        if (shown.has(k)) continue;
        if (shown.size > 0) out.push(`    ${c.dim(`in ${q(fnName(inst) ?? 'another instance')}:`)}`);
        shown.add(k);
        out.push(...chain);
      }
      // An escape that follows from another one: the chain to the root, whose fix removes both.
      if (s.chain?.length) {
        const root = s.chain[s.chain.length - 1]!;
        const expr = (l: typeof root): string => q(l.goName?.expr ?? l.expr);
        if (s.chain.length > 1) out.push(`    ${c.cyan('chain:')} ${s.chain.map((l) => `${expr(l)} (${where(l)})`).join(' → ')}`);
        const rootFn = root.goName?.function ?? root.function;
        out.push(
          `    ${c.cyan('root:')} ${expr(root)} at ${where(root)}${rootFn ? ` in ${q(rootFn)}` : ''}: ${q(s.rootCause?.summary ?? '')}${c.dim(s.rootCause ? ` [${s.rootCause.id}]` : '')}`,
        );
      }
      const notes = [...new Set(group.flatMap((g) => g.notes ?? []))];
      for (const n of notes) out.push(`    ${c.magenta('note:')} ${q(n)}`);
      const fix = s.rootCause ?? s.cause;
      if (fix) out.push(`    ${c.green('fix:')} ${q(fix.fix)}`);
      if (out.length >= CHUNK_LINES) yield flush();
    }
    for (const i of inst) {
      const at = i.calls.length ? i.calls.map((x) => where(x)).join(', ') : `somewhere in ${q(p.importPath)}`;
      out.push(
        `${at}: ${c.dim(`brings in ${q(i.callee)} code (instantiated or inlined here) with ${i.sites} heap site${i.sites === 1 ? '' : 's'} (${i.functions.slice(0, 3).map(q).join(', ')}${i.functions.length > 3 ? ', ...' : ''}); --all lists them`)}`,
      );
    }
    if (free.length) {
      out.push(c.dim(`escapes in the compiler's words, but the runtime never allocates for it (${free.length}):`));
      for (const s of free) {
        out.push(
          `${where(s)}: ${headline(s)}${fnName(s) ? ` in ${q(fnName(s)!)}` : ''}: ${c.dim(`${q(s.allocatesReason ?? '')} [${s.allocatesRule ?? ''}]`)}`,
        );
      }
    }
    if (missing.length) {
      out.push(
        c.dim(
          `not analysed: ${missing.length} generic function${missing.length === 1 ? '' : 's'} nothing in the analysed packages instantiates (the compiler compiles a generic function only for its instantiations; a test or benchmark that instantiates it, with --tests, gets it analysed):`,
        ),
      );
      const shownMissing = opts.verbose ? missing : missing.slice(0, NOT_ANALYSED_SHOWN);
      for (const n of shownMissing) out.push(`${where(n)}: ${q(n.function)}`);
      if (shownMissing.length < missing.length)
        out.push(c.dim(`  and ${missing.length - shownMissing.length} more (--verbose or --format json lists them)`));
    }
    out.push('');
  }

  const count = (k: Site['kind']): number => model.sites.filter((s) => s.kind === k).length;
  const causes = new Map<string, number>();
  for (const s of heap) if (s.cause) causes.set(s.cause.id, (causes.get(s.cause.id) ?? 0) + 1);
  const failed = model.packages.filter((p) => p.errors.length).length;
  const inl = model.functions.filter((f) => f.inlinable).length;
  out.push(c.bold('Summary'));
  out.push(
    `  ${model.packages.length} package${model.packages.length === 1 ? '' : 's'} analysed with ${q(model.go.version)} ${q(model.go.goos)}/${q(model.go.goarch)}` +
      (failed ? c.red(`, ${failed} with errors`) : ''),
  );
  const countHeap = (k: Site['kind']): number => heap.filter((s) => s.kind === k).length;
  out.push(
    `  ${heap.length} heap sites: ${countHeap('moved-to-heap')} moved to heap, ${countHeap('escapes')} escaping expressions` +
      (never.length ? `; ${never.length} more escape but never allocate (listed apart)` : ''),
  );
  out.push(
    `  ${count('does-not-escape')} stack decisions, ${count('leaking-param') + count('leaking-param-content') + count('leaking-param-to-result')} leaking parameters`,
  );
  out.push(`  ${model.functions.length} functions (${inl} inlinable), ${model.inlinedCalls.length} inlined calls`);
  if (cold.length) out.push(`  ${cold.length} of the heap sites are cold (reached only on error or panic paths)`);
  const f = model.filtered;
  if (f?.external)
    out.push(`  ${f.external} heap sites in other modules' generic code are charged to the calls that instantiate it (--all lists them)`);
  if (f?.sites)
    out.push(
      `  ${f.sites} heap sites left out by the filters${f.byMinAllocs ? ' (--min-allocs keeps only sites heapscope bench measured)' : ''}`,
    );
  if (model.notAnalysed?.length) out.push(`  ${model.notAnalysed.length} generic functions not analysed: nothing here instantiates them`);
  if (causes.size) {
    const parts = [...causes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, n]) => `${id} ${n}`);
    out.push(`  by cause: ${parts.join(', ')}`);
  }
  if (model.unrecognised.length) {
    out.push(
      `  ${model.unrecognised.length} compiler line${model.unrecognised.length === 1 ? '' : 's'} not recognised${opts.verbose ? ':' : ' (--verbose lists them)'}`,
    );
    if (opts.verbose) for (const u of model.unrecognised) out.push(`    ${q(u.package)}: ${q(u.text)}`);
  }
  yield flush();
}
