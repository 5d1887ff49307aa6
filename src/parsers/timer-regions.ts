// Where a benchmark function's own code runs with the benchmark timer stopped or before it is reset, read from the
// Go source of the function. The testing package counts allocations only while the timer runs
// (testing/benchmark.go: StartTimer and StopTimer read runtime.ReadMemStats, ResetTimer zeroes what was counted), and
// a memory profile cannot see the timer: an allocation made on these lines, b.N times, is setup and no part of
// go test's allocs/op. The lines are those of the benchmark's own frame (the call on that line, whatever it calls).
//
//   func BenchmarkSetup(b *testing.B) {       // the body's lines up to a top-level b.ResetTimer() ...
//       inputs := make([]string, b.N)
//       b.ResetTimer()
//       for i := 0; i < b.N; i++ {
//           b.StopTimer()                      // ... and from each b.StopTimer() to the next b.StartTimer()
//           in := prepare(i)
//           b.StartTimer()
//
// Only gofmt'd layout is read: a top-level statement is indented one tab more than `func`. A ResetTimer nested in a
// loop or a branch is not taken, as whether it runs after the lines above it depends on the control flow.

import { functionEnd, lineStarts } from './go-source.js';

/** Inclusive ranges of 1-based lines. */
type LineRange = [number, number];

/** The lines of function `name` (a top-level function, `BenchmarkX`) that run outside the benchmark timer. */
export function untimedLines(src: Uint8Array, name: string): LineRange[] {
  const text = new TextDecoder().decode(src);
  const lines = text.split('\n');
  // func BenchmarkSetup(b *testing.B) {
  const decl = new RegExp(`^func (${name})\\(\\s*(\\w+)\\s+\\*\\w+\\.B\\s*\\)`);
  const at = lines.findIndex((l) => decl.test(l));
  if (at < 0) return [];
  const b = decl.exec(lines[at]!)![2]!;
  const starts = lineStarts(src);
  const end = functionEnd(src, at + 1, 'func '.length + 1, starts);
  if (!end) return [];
  const call = (method: string): RegExp => new RegExp(`^(\\t*)${b}\\.${method}\\(\\)\\s*(//.*)?$`);
  const [reset, stop, start] = [call('ResetTimer'), call('StopTimer'), call('StartTimer')];
  const out: LineRange[] = [];
  let lastReset = -1;
  let stoppedAt = -1;
  for (let i = at + 1; i < end.line - 1; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    const r = reset.exec(l);
    if (r && r[1]!.length === 1) lastReset = i + 1;
    if (stoppedAt < 0 && stop.test(l)) stoppedAt = i + 1;
    else if (stoppedAt >= 0 && start.test(l)) {
      out.push([stoppedAt, i + 1]);
      stoppedAt = -1;
    }
  }
  if (stoppedAt >= 0) out.push([stoppedAt, end.line]);
  if (lastReset > 0) out.unshift([at + 1, lastReset]);
  return out;
}
