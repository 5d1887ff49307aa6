// heapscope diff in the terminal: a headline with the counts, then the added, removed and changed heap sites
// grouped by cause, each a `file:line:col:` line (added and changed at their position on the newer side, removed
// at theirs on the older).

import pc from 'picocolors';
import type { DiffReport } from '../model/diff.js';
import type { Site } from '../model/types.js';
import { groupBy } from '../model/group.js';
import { safeText as q } from '../model/safe-text.js';
import { display, headline } from './text.js';
import type { ReportOptions } from './registry.js';
import { padEnd, say, width } from './words.js';

export function* renderDiffText(r: DiffReport, opts: ReportOptions): Generator<string> {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  const at = (s: Site): string => `${display(r, s.file, opts.cwd)}:${s.line}:${s.column}`;
  const fn = (s: Site): string => {
    const f = s.goName?.function ?? s.function;
    return f ? say('report.inFunction', { fn: q(f) }) : '';
  };
  for (const p of r.packages)
    for (const e of p.errors)
      out.push(`${c.red(say('report.label.error'))} (${p.side === 'from' ? q(r.from.label) : q(r.to.label)}): ${q(p.importPath)}: ${q(e)}`);
  out.push(
    c.bold(`heapscope diff ${q(r.from.label)} (${q(r.from.go)}) → ${q(r.to.label)} (${q(r.to.go)})`) +
      say('report.diff.counts', { added: r.added.length, removed: r.removed.length, changed: r.changed.length, count: r.changed.length }),
  );
  const section = (title: 'report.diff.added' | 'report.diff.removed', list: Site[], colour: (s: string) => string): void => {
    if (!list.length) return;
    out.push('', c.bold(say(title, { n: list.length })));
    const byCause = [...groupBy(list, (s) => s.cause?.id ?? 'unexplained')].sort(
      (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
    );
    for (const [cause, sites] of byCause) {
      out.push(c.dim(`  [${q(cause)}] ${sites.length}`));
      for (const s of sites)
        out.push(
          say('report.site.line', {
            where: at(s),
            headline: colour(q(headline(s))),
            fn: fn(s),
            summary: s.cause ? q(s.cause.summary) : say('report.site.noExplanation'),
            id: '',
          }),
        );
    }
  };
  section('report.diff.added', r.added, c.red);
  section('report.diff.removed', r.removed, c.green);
  if (r.changed.length) {
    out.push('', c.bold(say('report.diff.changed', { n: r.changed.length })));
    for (const ch of r.changed) {
      out.push(`${at(ch.after)}: ${c.yellow(q(headline(ch.after)))}${fn(ch.after)}`);
      for (const w of ch.what) out.push(`    ${q(w)}`);
    }
  }
  if (r.bench) {
    out.push(
      '',
      c.bold(
        say('report.diff.benchHeading', {
          pattern: q(r.bench.pattern),
          runs: r.bench.count,
          threshold: (r.bench.threshold * 100).toFixed(1),
        }),
      ),
    );
    const rows: string[][] = [['', q(r.from.label), '', q(r.to.label), '', say('report.diff.vsBase')]];
    for (const b of r.benchmarks)
      for (const m of b.metrics)
        rows.push([
          `${q(b.name)}${b.procs > 1 ? `-${b.procs}` : ''} ${m.unit}`,
          fmtValue(m.from.center),
          m.from.text,
          fmtValue(m.to.center),
          m.to.text,
          m.regression ? c.red(say('report.diff.regression', { change: m.comparison.text })) : m.comparison.text,
        ]);
    // Columns in terminal columns (string-width leaves colour codes out and counts a CJK character as two).
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i]!))));
    for (const row of rows)
      out.push(
        row
          .map((cell, i) => padEnd(cell, widths[i]!))
          .join('  ')
          .trimEnd(),
      );
    const reg = r.benchmarks.filter((b) => b.regression).length;
    out.push(reg ? c.red(say('report.diff.regressed', { count: reg, n: reg })) : c.green(say('report.diff.noneRegressed')));
  }
  if (r.matchedBy === 'position') out.push('', c.dim(say('report.diff.byPosition')));
  yield out.join('\n') + '\n';
}

/** A figure in a table: four significant digits, as benchstat shows them. */
function fmtValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(0) : Number(v.toPrecision(4)).toString();
}
