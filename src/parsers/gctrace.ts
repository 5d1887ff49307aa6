// Reads what a Go program prints on stderr with GODEBUG=gctrace=1: one line per garbage collection cycle.
//
// Printed by src/runtime/mgc.go, gcMarkTermination ("Print gctrace before dropping worldsema"), documented in
// src/runtime/extern.go (GODEBUG gctrace). The line is the same in go1.21.13, go1.26.8 and go1.27.4 (captures in
// test/fixtures/gctrace/) except for one addition:
//   gc 1 @0.011s 2%: 0.018+0.45+0.003 ms clock, 0.073+0.11/0.40/0.55+0.013 ms cpu, 4->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P
//   gc 3 @0.005s 14% (checking for goroutine leaks): 1.5+0.19+0.002 ms clock, ... 2 P (forced)
// go1.26 prints " (checking for goroutine leaks)" after "P%" on the cycle that looked for leaked goroutines (the
// goroutineleak profile: GOEXPERIMENT=goroutineleakprofile in go1.26, always there in go1.27). " (forced)" ends
// the line of a cycle runtime.GC() started. Times come from fmtNSAsMS (two significant digits, whole ms from
// 10 ms); sizes are bytes>>20 (MiB rounded down). Lines before go1.18 had no "MB stacks" and "MB globals": both
// are optional here. The runtime writes a line in several writes, so the program's own stderr output can come
// before it on the same line ("tick5 gc 4 @0.017s ...", chatty.txt) or, rarely, tear it in two: a torn line is
// kept as unread, with its cycle number.
// Other runtime lines: "GC forced" (proc.go forcegchelper, before a cycle sysmon starts after two idle minutes),
// "scav ..." (mgcscavenge.go printScavTrace, with GODEBUG=scavtrace=1), "scvg..." (older releases).
//
// The parser is pure: lines in, cycles out. Lines it does not know are counted, never thrown.

import { GC_UNREAD_KEPT, GC_UNREAD_TEXT_MAX } from '../model/gc-trace.js';
import type { GcCycle, GcTraceParse } from '../model/gc-trace.js';

// 0.018 | 10 | 0 (fmtNSAsMS)
const MS = String.raw`(\d+(?:\.\d+)?)`;
// gc 1 @0.011s 2%: 0.018+0.45+0.003 ms clock, 0.073+0.11/0.40/0.55+0.013 ms cpu, 4->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)
const RE_CYCLE = new RegExp(
  String.raw`^gc (\d+) @(\d+(?:\.\d+)?)s (\d+)%( \(checking for goroutine leaks\))?: ` +
    String.raw`${MS}\+${MS}\+${MS} ms clock, ${MS}\+${MS}/${MS}/${MS}\+${MS} ms cpu, ` +
    String.raw`(\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (?:(\d+) MB stacks, )?(?:(\d+) MB globals, )?(\d+) P( \(forced\))?\s*$`,
);
// gc 12 @ (a gctrace line's start: at the start of the line, or after the program's own output without a line end)
const RE_START = /gc (\d+) @/;
// GC forced
const RE_PERIODIC = /^GC forced\s*$/;
// scav 0 KiB work (bg), 0 KiB work (eager), 2044 KiB now, 99% util | scvg: 0 MB released | scvg0: inuse: 3, ...
const RE_SCAVENGER = /^(?:scav |scvg)/;

export function parseGcTrace(lines: Iterable<string>): GcTraceParse {
  const out: GcTraceParse = { cycles: [], unread: [], unreadNumbers: [], periodic: 0, scavenger: 0, other: 0 };
  let n = 0;
  for (const raw of lines) {
    n++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const start = RE_START.exec(line);
    if (!start) {
      if (RE_PERIODIC.test(line)) out.periodic++;
      else if (RE_SCAVENGER.test(line)) out.scavenger++;
      else out.other++;
      continue;
    }
    const text = line.slice(start.index);
    const cycle = readCycle(text, n);
    if (cycle) {
      out.cycles.push(cycle);
      continue;
    }
    const n1 = Number(start[1]);
    const number = Number.isSafeInteger(n1) ? n1 : null;
    out.unreadNumbers.push(number);
    if (out.unread.length < GC_UNREAD_KEPT) out.unread.push({ line: n, number, text: text.slice(0, GC_UNREAD_TEXT_MAX) });
  }
  return out;
}

/** A whole text (a captured stderr), split on line ends. */
export function parseGcTraceText(text: string): GcTraceParse {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return parseGcTrace(lines);
}

function readCycle(text: string, line: number): GcCycle | null {
  const m = RE_CYCLE.exec(text);
  if (!m) return null;
  const num = (i: number): number => Number(m[i]);
  const opt = (i: number): number | null => (m[i] === undefined ? null : Number(m[i]));
  const cycle: GcCycle = {
    number: num(1),
    atSeconds: num(2),
    gcCpuPercent: num(3),
    clockMs: { sweepTermination: num(5), mark: num(6), markTermination: num(7) },
    cpuMs: { sweepTermination: num(8), assist: num(9), background: num(10), idle: num(11), markTermination: num(12) },
    heapMB: { start: num(13), end: num(14), live: num(15) },
    goalMB: num(16),
    stacksMB: opt(17),
    globalsMB: opt(18),
    procs: num(19),
    forced: m[20] !== undefined,
    leakCheck: m[4] !== undefined,
    line,
  };
  // Digits past what a double holds exactly are damage, not a measurement.
  const counts = [
    cycle.number,
    cycle.goalMB,
    cycle.procs,
    cycle.heapMB.start,
    cycle.heapMB.end,
    cycle.heapMB.live,
    cycle.stacksMB ?? 0,
    cycle.globalsMB ?? 0,
  ];
  const times = [cycle.atSeconds, cycle.gcCpuPercent, ...Object.values(cycle.clockMs), ...Object.values(cycle.cpuMs)];
  return counts.every((v) => Number.isSafeInteger(v)) && times.every((v) => Number.isFinite(v)) ? cycle : null;
}
