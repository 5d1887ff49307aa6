// The terminal form of bench --compare (model/compare.ts): A beside B, one row per figure, the ratio B/A; and the
// one line per benchmark that bench --trace adds to the text report.

import type { BenchCompare, CompareRow } from '../model/compare.js';
import type { TraceFigures } from '../model/trace-summary.js';
import { safeText as q } from '../model/safe-text.js';
import { labelled, padEnd, padStart, say, width } from './words.js';

type Colors = { bold: (s: string) => string; dim: (s: string) => string };

/** A figure as the table shows it: shares and utilisations as percentages, the rest with at most 2 decimals. */
function cell(row: CompareRow, v: number | null): string {
  if (v === null) return '-';
  if (row.id.startsWith('cpu.') || row.id.startsWith('trace.mmu.')) return `${(v * 100).toFixed(1)}%`;
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) < 0.01 ? String(Number(v.toPrecision(2))) : v.toFixed(2);
}

function ratioCell(row: CompareRow): string {
  if (row.ratio !== null) return `${row.ratio < 0.01 && row.ratio > 0 ? row.ratio.toPrecision(2) : row.ratio.toFixed(2)}x`;
  // A is 0 and B is not: as many times more as one likes.
  return row.a === 0 && row.b !== null ? 'inf' : '-';
}

export function renderCompareText(cmp: BenchCompare, c: Colors): string[] {
  const head = ['', q(cmp.a), q(cmp.b), 'B/A'];
  const body = cmp.rows.map((r) => [r.label, cell(r, r.a), cell(r, r.b), ratioCell(r)]);
  // Terminal columns: a row label or benchmark name in CJK characters is twice as wide as it is long.
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]!))));
  const line = (cells: string[]): string =>
    cells
      .map((s, i) => (i === 0 ? padEnd(s, widths[i]!) : padStart(s, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    c.bold(say('report.compare.heading', { a: q(cmp.a), b: q(cmp.b) })),
    c.bold(line(head)),
    ...body.map(line),
    ...cmp.notes.map((n) => c.dim(labelled(say('report.label.note'), q(n)))),
  ];
}

function ms(ns: number): string {
  return ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`;
}

/** bench --trace's line under a benchmark's figures. */
export function traceLine(t: TraceFigures): string {
  const mmu = (v: number | null): string => (v === null ? '-' : `${(v * 100).toFixed(0)}%`);
  return say('report.trace.line', {
    ops: t.ops.toLocaleString('en-US'),
    window: ms(t.windowNs),
    cycles: t.gcCycles,
    pauses: t.stwEvents,
    pauseTime: ms(t.stwTotalNs),
    assist: ms(t.assistNs),
    goroutines: t.goroutinesCreated,
    mmu1: mmu(t.mmu['1ms']),
    mmu10: mmu(t.mmu['10ms']),
  });
}
