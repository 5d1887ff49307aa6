// Reads `go tool nm -size -sort address BINARY` (src/cmd/internal/objfile, printed by cmd/nm/nm.go): one symbol a
// line, "ADDRESS SIZE TYPE NAME" with the address in hex and the size in decimal, right-aligned. TYPE is T/t for
// text (code), D/d, B/b, R/r for data, U for undefined. Names can hold spaces (`pkg.F[go.shape.struct { a int }]`),
// so the name is the rest of the line.
//
//   52e840        177 T example.com/heapscope/examples.BenchmarkCounter
//
// The parser is pure: lines in, text symbols out; lines it does not know are counted, never thrown.

import type { TextSymbol } from '../model/symbols.js';

const RE_SYMBOL = /^\s*([0-9a-f]+)\s+(\d+)\s+([A-Za-z_?])\s(.+)$/;

export function parseNmText(lines: Iterable<string>): { symbols: TextSymbol[]; data: Map<number, string>; unrecognised: number } {
  const symbols: TextSymbol[] = [];
  // Type descriptors and itabs, by address: what an instruction that loads one names (objdump-text.ts).
  const data = new Map<number, string>();
  let unrecognised = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = RE_SYMBOL.exec(line);
    if (!m) {
      unrecognised++;
      continue;
    }
    const start = Number.parseInt(m[1]!, 16);
    if (m[3] !== 'T' && m[3] !== 't') {
      const name = m[4]!;
      if (Number.isSafeInteger(start) && (name.startsWith('type:') || name.startsWith('go:itab.'))) data.set(start, name);
      continue;
    }
    const size = Number(m[2]);
    if (Number.isSafeInteger(start) && Number.isSafeInteger(size)) symbols.push({ name: m[4]!, start, size });
  }
  return { symbols, data, unrecognised };
}
