// bench --compare A B: two benchmarks side by side, one row per figure, with the ratio B/A. The rows of the
// other cost passes (gc, cpu) are read through the report's contract names when a pass set them; the trace rows
// when bench --trace ran.
import type { BenchmarkReport } from './bench-report.js';
import { t } from '../i18n/t.js';

export interface CompareRow {
  /** Stable id: the figure's JSON path in a benchmark (`nsPerOp`, `gc.cycles`, `trace.mmu.1ms`). */
  id: string;
  label: string;
  a: number | null;
  b: number | null;
  /** b / a; 1 when both are 0; null when either is missing or a alone is 0. */
  ratio: number | null;
}

export interface BenchCompare {
  a: string;
  b: string;
  rows: CompareRow[];
  notes: string[];
}

/** The other helpers' fields, as the shared contract names them (read only when present). */
interface OtherCosts {
  gc?: { cycles?: number; stwNsPerOp?: number } | null;
  cpu?: { allocShare?: number | null; gcShare?: number | null } | null;
}

function top(name: string): string {
  return name.split('/')[0]!;
}

/**
 * The benchmark a --compare name means among the declared top-level names: the name itself, or the one name it
 * is a suffix of (`CreatePointer`, `Pointer`); a sub-benchmark's name resolves by its first part.
 */
export function resolveCompareName(given: string, declared: string[]): { name: string } | { error: string } {
  const head = top(given);
  const rest = given.slice(head.length);
  const names = [...new Set(declared)];
  if (names.includes(head)) return { name: given };
  const hits = names.filter((n) => n.endsWith(head));
  if (hits.length === 1) return { name: hits[0]! + rest };
  if (hits.length === 0) return { error: t('prose.compare.noMatch', { given }) };
  return { error: t('prose.compare.ambiguous', { given, n: String(hits.length), names: hits.slice(0, 5).join(', ') }) };
}

function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  if (a === 0) return b === 0 ? 1 : null;
  return b / a;
}

export function compareBenchmarks(aName: string, bName: string, benchmarks: BenchmarkReport[]): BenchCompare {
  const a = benchmarks.find((x) => x.name === aName);
  const b = benchmarks.find((x) => x.name === bName);
  const notes: string[] = [];
  for (const [n, r] of [
    [aName, a],
    [bName, b],
  ] as const)
    if (!r) notes.push(t('prose.compare.missing', { name: n }));
  const rows: CompareRow[] = [];
  const add = (id: string, label: string, get: (r: BenchmarkReport) => number | null | undefined): void => {
    const va = a ? (get(a) ?? null) : null;
    const vb = b ? (get(b) ?? null) : null;
    rows.push({ id, label, a: va, b: vb, ratio: ratio(va, vb) });
  };
  add('nsPerOp', 'ns/op', (r) => r.nsPerOp);
  add('bytesPerOp', 'B/op', (r) => r.bytesPerOp);
  add('allocsPerOp', 'allocs/op', (r) => r.allocsPerOp);
  const other = (r: BenchmarkReport): OtherCosts => r as OtherCosts;
  const either = (has: (r: BenchmarkReport) => boolean): boolean => [a, b].some((r) => r !== undefined && has(r));
  if (either((r) => typeof other(r).gc?.cycles === 'number')) {
    add('gc.cycles', t('prose.compare.gcCycles'), (r) => other(r).gc?.cycles);
    add('gc.stwNsPerOp', t('prose.compare.gcPause'), (r) => other(r).gc?.stwNsPerOp);
  }
  if (either((r) => (other(r).cpu ?? null) !== null)) {
    add('cpu.allocShare', t('prose.compare.cpuAlloc'), (r) => other(r).cpu?.allocShare);
    add('cpu.gcShare', t('prose.compare.cpuGc'), (r) => other(r).cpu?.gcShare);
  }
  if (either((r) => (r.trace ?? null) !== null)) {
    add('trace.ops', t('prose.compare.traceOps'), (r) => r.trace?.ops);
    add('trace.gcCycles', t('prose.compare.traceGcCycles'), (r) => r.trace?.gcCycles);
    add('trace.stwEvents', t('prose.compare.traceStwEvents'), (r) => r.trace?.stwEvents);
    add('trace.stwTotalNs', t('prose.compare.traceStwTotal'), (r) => r.trace?.stwTotalNs);
    add('trace.assistNs', t('prose.compare.traceAssist'), (r) => r.trace?.assistNs);
    add('trace.goroutinesCreated', t('prose.compare.traceGoroutines'), (r) => r.trace?.goroutinesCreated);
    add('trace.mmu.1ms', t('prose.compare.traceMmu1'), (r) => r.trace?.mmu['1ms']);
    add('trace.mmu.10ms', t('prose.compare.traceMmu10'), (r) => r.trace?.mmu['10ms']);
  }
  return { a: aName, b: bName, rows, notes };
}
