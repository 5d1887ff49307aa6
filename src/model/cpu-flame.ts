// A benchmark's CPU as a flame graph, from the cost pass's CPU profile (runners/cost-pass.ts): the stacks of the
// samples its cost figures count (join/cpu-cost.ts) merged into a tree, each frame marked allocator, GC work or
// other (model/cpu-classes.ts) so the page can colour them apart. The benchmark's own stacks start at its function
// (what ran above it, the testing package's runN, is the same for every sample); the GC work of the process's
// other goroutines (background marking and sweeping, the pauses) is beside it under the root, so the root is the
// same `samples` the shares are taken over, and a frame's width over the root's is its share of them.

import { benchmarkTop, isAllocFunction, isGcFunction, type CpuClass, type CpuProfile } from './cpu-classes.js';
import { benchmarkOwns, type Frame } from './profile.js';

export type CpuFrameKind = CpuClass | 'other';

export interface CpuFlameNode {
  /** The frame's function (the benchmark's name for the root). */
  name: string;
  /** Where the function spent most of this node's samples (its leaf line, or the line it called from); '' and 0
   *  for the root. */
  file: string;
  line: number;
  /** What the frame's samples were doing, told from the path from the root to it: GC work once a GC function is
   *  on it, else allocating once an allocator function is, else other. A leaf's kind is its samples' class. */
  kind: CpuFrameKind;
  /** Profiler ticks (10 ms each at the default rate) in this frame and below it. */
  samples: number;
  children: CpuFlameNode[];
}

export interface CpuFlame {
  /** CPU nanoseconds per sample, and the iterations of the cost run: samples × periodNs / ops is CPU ns per op. */
  periodNs: number;
  ops: number;
  /** The process's samples left out: start-up, the testing package's own work, the scheduler looking for work. */
  outside: number;
  root: CpuFlameNode;
}

/** Frames per stack kept below where it starts; deeper ones are merged into their parent. */
const MAX_DEPTH = 64;

interface Building extends CpuFlameNode {
  children: Building[];
  /** Samples per position, to pick the node's file and line. */
  at: Map<string, { file: string; line: number; samples: number }>;
}

function node(name: string, kind: CpuFrameKind): Building {
  return { name, file: '', line: 0, kind, samples: 0, children: [], at: new Map() };
}

function finish(n: Building): CpuFlameNode {
  let best: { file: string; line: number; samples: number } | undefined;
  for (const a of n.at.values()) if (!best || a.samples > best.samples) best = a;
  const children = n.children.map(finish);
  children.sort((a, b) => b.samples - a.samples || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { name: n.name, file: best?.file ?? '', line: best?.line ?? 0, kind: n.kind, samples: n.samples, children };
}

/**
 * The flame graph of a benchmark's cost run. Frames are merged by function (a CPU profile's leaf lines differ from
 * sample to sample); `place` turns a profile's file into the report's. Null without samples to show.
 */
export function cpuFlameGraph(benchmark: string, profile: CpuProfile, ops: number, place: (file: string) => string): CpuFlame | null {
  const owns = benchmarkOwns(benchmark.split('/')[0]!);
  const root = node(benchmark, 'other');
  let outside = 0;
  for (const s of profile.samples) {
    // Innermost first: the benchmark's frame is the outermost one it owns.
    let top = benchmarkTop(s.stack, (f) => owns(f.function));
    if (top < 0) {
      // Another goroutine's: counted when it does GC work, as the shares count it.
      if (!s.stack.some((f) => isGcFunction(f.function))) {
        outside += s.count;
        continue;
      }
      top = s.stack.length - 1;
      // runtime.goexit is every goroutine's outermost frame: nothing to see.
      if (top > 0 && s.stack[top]!.function === 'runtime.goexit') top--;
    }
    root.samples += s.count;
    let n = root;
    let kind: CpuFrameKind = 'other';
    for (let i = top, depth = 0; i >= 0 && depth < MAX_DEPTH; i--, depth++) {
      const f: Frame = s.stack[i]!;
      if (kind !== 'gc') kind = isGcFunction(f.function) ? 'gc' : kind === 'alloc' || isAllocFunction(f.function) ? 'alloc' : 'other';
      let child = n.children.find((c) => c.name === f.function && c.kind === kind);
      if (!child) n.children.push((child = node(f.function, kind)));
      child.samples += s.count;
      const file = f.file ? place(f.file) : '';
      const key = `${file}:${f.line}`;
      const at = child.at.get(key);
      if (at) at.samples += s.count;
      else child.at.set(key, { file, line: f.line, samples: s.count });
      n = child;
    }
  }
  if (root.samples === 0) return null;
  return { periodNs: profile.periodNs, ops, outside, root: finish(root) };
}
