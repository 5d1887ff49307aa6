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
import { labelled, say, width } from './words.js';

/** A file as the user sees it; escaped, since a `//line` directive can name any file. */
export function display(model: Pick<AnalysisModel, 'root'>, file: string, cwd: string): string {
  if (file === '' || file.startsWith('<') || file.startsWith('$')) return q(file) || say('report.noPosition');
  const abs = isAbsolute(file) ? file : join(model.root, file);
  const rel = relative(cwd, abs);
  return q(rel.startsWith('..') && isAbsolute(file) ? abs : rel || abs);
}

export function headline(s: Site): string {
  const expr = q(s.goName?.expr ?? s.expr);
  return say(s.kind === 'moved-to-heap' ? 'report.site.moved' : 'report.site.escapes', { expr });
}

const fnName = (s: { function: string | null; goName?: { function?: string } }): string | null => s.goName?.function ?? s.function;

export function costText(c: SiteCost): string {
  if (c.source === 'measured')
    return c.profile !== undefined
      ? q(c.basis)
      : c.bytesPerOp !== undefined
        ? say('report.cost.measuredBytes', { basis: q(c.basis), bytes: Math.round(c.bytesPerOp) })
        : say('report.cost.measured', { basis: q(c.basis) });
  return say('report.cost.estimated', { score: c.score >= 1 ? Math.round(c.score) : c.score, basis: q(c.basis) });
}

/** The first sentence of a fix, for the summary (a Chinese sentence ends at 。 or ； with no space after). */
export function firstSentence(t: string): string {
  const m = /^(.+?(?:[.;](?=\s|$)|[。；]))/.exec(t);
  return (m ? m[1]! : t).replace(/;$/, '.').replace(/；$/, '。');
}

/** A function's name after a site (` in F`), dimmed by the caller. */
const inFn = (fn: string | null | undefined): string => (fn ? say('report.inFunction', { fn: q(fn) }) : '');

/** The compiler's explanation of one site: each flow edge once, then the notes under it. */
export function flowLines(model: Pick<AnalysisModel, 'root'>, s: Site, cwd: string, c: ReturnType<typeof pc.createColors>): string[] {
  const out: string[] = [];
  let edge = '';
  let first = true;
  // The edges line up after the label (`why: `, 为什么：), the steps two columns further, in terminal columns.
  const label = labelled(c.cyan(say('report.label.why')), '');
  const stepIndent = ' '.repeat(4 + width(label) + 2);
  for (const f of s.flow) {
    const e = `${q(f.goText?.dst ?? f.dst)} ← ${q(f.goText?.src ?? f.src)}`;
    if (e !== edge) {
      out.push(`    ${first ? label : ' '.repeat(width(label))}${c.dim('flow')} ${e}`);
      edge = e;
      first = false;
    }
    // An edge printed without notes has no step text of its own.
    if (f.text !== '')
      out.push(
        `${stepIndent}${q(f.goText?.text ?? f.text)} ${c.dim(`(${q(f.reason) || '?'})`)} at ${display(model, f.file, cwd)}:${f.line}:${f.column}`,
      );
  }
  if (s.truncated) out.push(`${stepIndent}${c.dim(say('report.flow.truncated'))}`);
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
    for (const e of p.errors) out.push(`${c.red(say('report.label.error'))}: ${q(p.importPath)}: ${q(e)}`);
  }
  if (out.length) out.push('');
  const cold = heap.filter((s) => s.cold);

  const top = opts.top ?? 0;
  if (top > 0 && heap.length) {
    const { picked, groups } = costliest(heap, top);
    const measured = heap.some((s) => s.cost?.source === 'measured');
    out.push(
      // The count the summary below gives (every site); entries are decisions, a generic's instances together.
      c.bold(say('report.top.heading', { picked: picked.length, count: heap.length, n: heap.length })) +
        (groups !== heap.length ? c.dim(say('report.top.decisions', { groups })) : '') +
        c.dim(
          measured
            ? model.measuredBy?.time === ''
              ? say('report.top.measuredFrom', { command: q(model.measuredBy.command) })
              : model.measuredBy
                ? say('report.top.measuredAt', { time: q(model.measuredBy.time) })
                : say('report.top.measured')
            : say('report.top.estimated'),
        ),
    );
    picked.forEach(({ group, more }, i) => {
      const s = group[0]!;
      const cost = groupCost(group);
      const fn = fnName(s);
      out.push(
        `${String(i + 1).padStart(3)}. ${where(s)}: ${c.yellow(headline(s))}${c.dim(inFn(fn))}${c.dim(s.cause ? ` [${s.cause.id}]` : '')}`,
      );
      const fix = s.rootCause ?? s.cause;
      out.push(
        `     ${cost ? costText(cost) : ''}${s.cold ? c.dim(say('report.top.cold', { reason: q(s.coldReason ?? '') })) : ''}${fix ? say('report.top.fix', { fix: labelled(c.green(say('report.label.fix')), q(firstSentence(fix.fix))) }) : ''}`,
      );
      if (more)
        out.push(c.dim(`     ${say('report.top.more', { count: more, n: more, fn: fn ? q(fn) : say('report.top.thisFunction') })}`));
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
          .join(say('report.list.sep')) + (all.length > n ? say('report.list.more', { n: all.length - n }) : '')
      );
    };
    out.push(`  ${say('report.top.byCause', { list: list(causes, 8) })}`);
    if (pkgs.size > 1) out.push(`  ${say('report.top.byPackage', { list: list(pkgs, 6) })}`);
    if (cold.length) out.push(`  ${say('report.top.coldMore', { n: cold.length })}`);
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
        c.dim(
          nCold
            ? say('report.pkg.countCold', { count: list.length, n: list.length, cold: nCold })
            : say('report.pkg.count', { count: list.length, n: list.length }),
        ),
    );
    const groups = groupsOf(list);
    const ordered = [...sortGroups(groups.filter((g) => !g[0]!.cold)), ...sortGroups(groups.filter((g) => g[0]!.cold))];
    let coldHeading = false;
    for (const group of ordered) {
      const s = group[0]!;
      if (s.cold && !coldHeading) {
        out.push(c.dim(say('report.pkg.coldHeading')));
        coldHeading = true;
      }
      const fns = [...new Set(group.map((g) => fnName(g)).filter((f): f is string => !!f))].map(q);
      const fn =
        group.length > 1
          ? c.dim(
              fns.length
                ? say('report.site.inInstancesOf', { n: group.length, fns: fns.join(', ') })
                : say('report.site.inInstances', { n: group.length }),
            )
          : c.dim(inFn(fnName(s)));
      out.push(
        say('report.site.line', {
          where: where(s),
          headline: c.yellow(headline(s)),
          fn,
          summary: s.cause ? q(s.cause.summary) : say('report.site.noExplanation'),
          id: c.dim(s.cause ? ` [${s.cause.id}]` : ''),
        }),
      );
      if (s.detail) out.push(`    ${labelled(c.cyan(say('report.label.because')), q(s.detail))}`);
      if (s.cold) out.push(`    ${c.dim(say('report.site.cold', { reason: q(s.coldReason ?? '') }))}`);
      const cost = groupCost(group);
      if (cost) out.push(`    ${c.dim(say('report.site.cost', { cost: costText(cost) }))}`);
      if (s.allocates === 'sometimes') out.push(`    ${c.dim(say('report.site.sometimes', { reason: q(s.allocatesReason ?? '') }))}`);
      const shown = new Set<string>();
      for (const inst of group) {
        const chain = flowLines(model, inst, opts.cwd, c);
        const k = chain.join('\n');
        if (shown.has(k)) continue;
        if (shown.size > 0)
          out.push(`    ${c.dim(say('report.site.inInstance', { fn: q(fnName(inst) ?? say('report.site.anotherInstance')) }))}`);
        shown.add(k);
        out.push(...chain);
      }
      // An escape that follows from another one: the chain to the root, whose fix removes both.
      if (s.chain?.length) {
        const root = s.chain[s.chain.length - 1]!;
        const expr = (l: typeof root): string => q(l.goName?.expr ?? l.expr);
        if (s.chain.length > 1)
          out.push(`    ${labelled(c.cyan(say('report.label.chain')), s.chain.map((l) => `${expr(l)} (${where(l)})`).join(' → '))}`);
        const rootFn = root.goName?.function ?? root.function;
        out.push(
          `    ${labelled(
            c.cyan(say('report.label.root')),
            say('report.site.root', {
              expr: expr(root),
              where: where(root),
              fn: inFn(rootFn),
              summary: q(s.rootCause?.summary ?? ''),
              id: c.dim(s.rootCause ? ` [${s.rootCause.id}]` : ''),
            }),
          )}`,
        );
      }
      const notes = [...new Set(group.flatMap((g) => g.notes ?? []))];
      for (const n of notes) out.push(`    ${labelled(c.magenta(say('report.label.note')), q(n))}`);
      const fix = s.rootCause ?? s.cause;
      if (fix) out.push(`    ${labelled(c.green(say('report.label.fix')), q(fix.fix))}`);
      if (out.length >= CHUNK_LINES) yield flush();
    }
    for (const i of inst) {
      const at = i.calls.length ? i.calls.map((x) => where(x)).join(', ') : say('report.inst.somewhere', { pkg: q(p.importPath) });
      const fns = `${i.functions.slice(0, 3).map(q).join(', ')}${i.functions.length > 3 ? ', ...' : ''}`;
      out.push(`${at}: ${c.dim(say('report.inst.line', { callee: q(i.callee), count: i.sites, n: i.sites, fns }))}`);
    }
    if (free.length) {
      out.push(c.dim(say('report.never.heading', { n: free.length })));
      for (const s of free) {
        out.push(
          say('report.site.line', {
            where: where(s),
            headline: headline(s),
            fn: inFn(fnName(s)),
            summary: c.dim(`${q(s.allocatesReason ?? '')} [${s.allocatesRule ?? ''}]`),
            id: '',
          }),
        );
      }
    }
    if (missing.length) {
      out.push(c.dim(say('report.notAnalysed.heading', { count: missing.length, n: missing.length })));
      const shownMissing = opts.verbose ? missing : missing.slice(0, NOT_ANALYSED_SHOWN);
      for (const n of shownMissing) out.push(`${where(n)}: ${q(n.function)}`);
      if (shownMissing.length < missing.length)
        out.push(c.dim(`  ${say('report.notAnalysed.more', { n: missing.length - shownMissing.length })}`));
    }
    out.push('');
  }

  const count = (k: Site['kind']): number => model.sites.filter((s) => s.kind === k).length;
  const causes = new Map<string, number>();
  for (const s of heap) if (s.cause) causes.set(s.cause.id, (causes.get(s.cause.id) ?? 0) + 1);
  const failed = model.packages.filter((p) => p.errors.length).length;
  const inl = model.functions.filter((f) => f.inlinable).length;
  out.push(c.bold(say('report.sum.heading')));
  out.push(
    `  ${say('report.sum.packages', { count: model.packages.length, n: model.packages.length, go: `${q(model.go.version)} ${q(model.go.goos)}/${q(model.go.goarch)}` })}` +
      (failed ? c.red(say('report.sum.failed', { n: failed })) : ''),
  );
  const countHeap = (k: Site['kind']): number => heap.filter((s) => s.kind === k).length;
  out.push(
    `  ${say('report.sum.sites', { n: heap.length, moved: countHeap('moved-to-heap'), escapes: countHeap('escapes') })}` +
      (never.length ? say('report.sum.never', { n: never.length }) : ''),
  );
  out.push(
    `  ${say('report.sum.stack', { stack: count('does-not-escape'), leaking: count('leaking-param') + count('leaking-param-content') + count('leaking-param-to-result') })}`,
  );
  out.push(`  ${say('report.sum.functions', { n: model.functions.length, inlinable: inl, calls: model.inlinedCalls.length })}`);
  if (cold.length) out.push(`  ${say('report.sum.cold', { n: cold.length })}`);
  const f = model.filtered;
  if (f?.external) out.push(`  ${say('report.sum.external', { n: f.external })}`);
  if (f?.sites) out.push(`  ${say(f.byMinAllocs ? 'report.sum.filteredMinAllocs' : 'report.sum.filtered', { n: f.sites })}`);
  if (model.notAnalysed?.length) out.push(`  ${say('report.sum.notAnalysed', { n: model.notAnalysed.length })}`);
  if (causes.size) {
    const parts = [...causes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, n]) => `${id} ${n}`);
    out.push(`  ${say('report.sum.byCause', { list: parts.join(say('report.list.sep')) })}`);
  }
  if (model.unrecognised.length) {
    const u = { count: model.unrecognised.length, n: model.unrecognised.length };
    out.push(`  ${say(opts.verbose ? 'report.sum.unrecognisedList' : 'report.sum.unrecognised', u)}`);
    if (opts.verbose) for (const u of model.unrecognised) out.push(`    ${q(u.package)}: ${q(u.text)}`);
  }
  yield flush();
}
