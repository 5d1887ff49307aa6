// Reads go/tracesum's output: one JSON line summarising an execution trace (go/tracesum/main.go prints it; its
// `summary` struct is the shape), or {"error": "..."} when the trace could not be read. Anything else is refused
// whole, with the reason: the benchmark then gets a note instead of a trace summary.
//
// Example (go/tracesum on a go1.26.8 trace of the examples' BenchmarkCreatePointer, heap cut short):
//   {"format":1,"durationNs":115400513,"events":196136,"goroutinesCreated":0,"windowStartNs":7367616,
//    "windowEndNs":114983424,"gcCycles":47,"stwEvents":93,"stwTotalNs":7212736,"assistNs":13823808,"heap":[[195072,2480696]],
//    "mmu":{"10ms":0.3729312,"1ms":0}}

import type { TraceSummary } from '../model/trace-summary.js';

export type TraceSummaryResult = { ok: true; summary: TraceSummary } | { ok: false; error: string; fromTool: boolean };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const share = (v: unknown): v is number | null => v === null || (typeof v === 'number' && v >= 0 && v <= 1);

/** The heap series is at most this long (go/tracesum's maxHeapPoints). */
export const MAX_HEAP_POINTS = 200;

export function parseTraceSummary(text: string): TraceSummaryResult {
  const refuse = (error: string): TraceSummaryResult => ({ ok: false, error, fromTool: false });
  let v: unknown;
  try {
    v = JSON.parse(text.trim());
  } catch {
    return refuse('not JSON');
  }
  if (!isObj(v)) return refuse('not a JSON object');
  if (typeof v.error === 'string') return { ok: false, error: v.error, fromTool: true };
  if (v.format !== 1) return refuse(`format ${JSON.stringify(v.format)}, not 1`);
  for (const k of [
    'durationNs',
    'events',
    'windowStartNs',
    'windowEndNs',
    'goroutinesCreated',
    'gcCycles',
    'stwEvents',
    'stwTotalNs',
    'assistNs',
  ])
    if (!count(v[k])) return refuse(`${k} is not a count`);
  if ((v.windowStartNs as number) > (v.windowEndNs as number) || (v.windowEndNs as number) > (v.durationNs as number))
    return refuse('the timed run window is not within the trace');
  if (!Array.isArray(v.heap) || v.heap.length > MAX_HEAP_POINTS) return refuse(`heap is not a series of at most ${MAX_HEAP_POINTS} points`);
  const heap: [number, number][] = [];
  let last = -1;
  for (const p of v.heap) {
    if (!Array.isArray(p) || p.length !== 2 || !count(p[0]) || !count(p[1])) return refuse('a heap point is not [ns, bytes]');
    if (p[0] < last) return refuse('the heap series goes back in time');
    last = p[0];
    heap.push([p[0], p[1]]);
  }
  const mmu = v.mmu;
  if (!isObj(mmu) || !share(mmu['1ms']) || !share(mmu['10ms'])) return refuse('mmu is not {"1ms", "10ms"} of 0–1 or null');
  return {
    ok: true,
    summary: {
      format: 1,
      durationNs: v.durationNs as number,
      events: v.events as number,
      windowStartNs: v.windowStartNs as number,
      windowEndNs: v.windowEndNs as number,
      goroutinesCreated: v.goroutinesCreated as number,
      gcCycles: v.gcCycles as number,
      stwEvents: v.stwEvents as number,
      stwTotalNs: v.stwTotalNs as number,
      assistNs: v.assistNs as number,
      heap,
      mmu: { '1ms': mmu['1ms'] as number | null, '10ms': mmu['10ms'] as number | null },
    },
  };
}
