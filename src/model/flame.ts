// A benchmark's allocations as a flame graph: the memory profile's stacks below the benchmark function merged
// into a tree, each node with the allocs/op and B/op of everything allocated below it.

import type { Frame, MemProfile } from './profile.js';
import { benchmarkTop } from './cpu-classes.js';

export interface FlameNode {
  /** The frame's function ('' for the root, which is the benchmark). */
  name: string;
  file: string;
  line: number;
  allocs: number;
  bytes: number;
  children: FlameNode[];
}

/** Frames per stack kept below the benchmark function: deeper ones are merged into their parent. */
const MAX_DEPTH = 64;

function node(name: string, file: string, line: number): FlameNode {
  return { name, file, line, allocs: 0, bytes: 0, children: [] };
}

/** Adds one profile's samples below `root`, weighted (+1/n for the longer run, -1/n for the shorter). */
function addProfile(
  root: FlameNode,
  profile: MemProfile,
  owns: (f: Frame) => boolean,
  weight: number,
  place: (f: Frame) => { file: string; line: number },
): void {
  for (const s of profile.samples) {
    // Innermost first: the benchmark's frame is the outermost one it owns, or what testing.(*B).runN called (a
    // sub-benchmark whose body is a function of another name: fastjson's benchmarkParse.func1).
    const top = benchmarkTop(s.stack, owns);
    if (top < 0) continue;
    let n = root;
    n.allocs += s.allocObjects * weight;
    n.bytes += s.allocBytes * weight;
    for (let i = top - 1, depth = 0; i >= 0 && depth < MAX_DEPTH; i--, depth++) {
      const f = s.stack[i]!;
      const at = place(f);
      let child = n.children.find((c) => c.name === f.function && c.line === at.line && c.file === at.file);
      if (!child) n.children.push((child = node(f.function, at.file, at.line)));
      child.allocs += s.allocObjects * weight;
      child.bytes += s.allocBytes * weight;
      n = child;
    }
  }
}

/**
 * Makes each node at least as wide as its children. The per-node difference of two runs need not nest: the tiny
 * allocator records a 16-byte block under whichever object opened it, so one run charges the block to the caller's
 * line (its self) and the other to a callee, and a child's difference can exceed its parent's (BenchmarkDescribe:
 * `fmt.Sprint` 21.4 B/op under `Describe` 17.5). A node's own difference sums every stack below it, so it is the
 * better figure: children are clamped at zero and, when they still add up to more than the parent, scaled down to
 * it, each measure on its own. The root keeps the slope of the whole benchmark, which the per-line figures use.
 */
function nest(n: FlameNode): void {
  n.allocs = Math.max(0, n.allocs);
  n.bytes = Math.max(0, n.bytes);
  for (const c of n.children) {
    c.allocs = Math.max(0, c.allocs);
    c.bytes = Math.max(0, c.bytes);
  }
  const allocs = n.children.reduce((t, c) => t + c.allocs, 0);
  const bytes = n.children.reduce((t, c) => t + c.bytes, 0);
  for (const c of n.children) {
    if (allocs > n.allocs) c.allocs *= n.allocs / allocs;
    if (bytes > n.bytes) c.bytes *= n.bytes / bytes;
    nest(c);
  }
}

function prune(n: FlameNode): FlameNode | null {
  // The difference of two runs leaves rounding dust, and setup paths the longer run did not repeat at zero.
  if (n.allocs < 0.005 && n.bytes < 0.5) return null;
  // Rounded down so that rounding never makes the children add up to more than their parent.
  n.allocs = Math.floor(n.allocs * 1000 + 1e-9) / 1000;
  n.bytes = Math.floor(n.bytes * 100 + 1e-9) / 100;
  n.children = n.children.map(prune).filter((c): c is FlameNode => c !== null);
  n.children.sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
  return n;
}

/**
 * Per-op figures from two profiled runs of `iterations` each: the difference over the difference in iterations, so
 * setup (the work before the loop) cancels as it does for the per-line figures. Each frame is named by the line it
 * is at, so one function calling another from two lines gives two nodes. Every node is at least as wide as the sum
 * of its children (see nest).
 */
export function flameGraph(
  benchmark: string,
  low: { profile: MemProfile; iterations: number },
  high: { profile: MemProfile; iterations: number },
  owns: (f: Frame) => boolean,
  place: (f: Frame) => { file: string; line: number },
): FlameNode | null {
  const dn = high.iterations - low.iterations;
  if (dn <= 0) return null;
  const root = node(benchmark, '', 0);
  addProfile(root, high.profile, owns, 1 / dn, place);
  addProfile(root, low.profile, owns, -1 / dn, place);
  nest(root);
  return prune(root);
}
