// Which allocation CALL of the compiled code a memory profile's address is: the binary's symbol table (go tool nm)
// gives the function an address falls in, and the -S listing the calls in that function with their offsets.

import type { AsmAllocCall } from '../model/alloc-types.js';
import type { Frame, MemProfile } from '../model/profile.js';
import type { SymbolTable } from '../model/symbols.js';
import { groupBy } from '../model/group.js';
import { pathKind } from '../model/paths.js';
import { trimInlineHash } from '../model/expressions.js';

/** The listing's allocation calls by function symbol, in address order, once per test binary. */
export function callsBySymbol(asm: AsmAllocCall[]): Map<string, AsmAllocCall[]> {
  // go1.27 names a closure made by inlining `F.func1#HASH#` in the listing and `F.func1` in the binary.
  return groupBy(
    [...asm].sort((a, b) => a.pc - b.pc),
    (c) => trimInlineHash(c.function),
  );
}

/** What the profile's addresses mean in the binary: the symbols, the calls of the listing by symbol, and the load offset. */
export interface AddressMap {
  symbols: SymbolTable;
  callsBySymbol: Map<string, AsmAllocCall[]>;
  slide: number;
}

/**
 * Relates a profile's addresses to the binary's symbols: the binary is loaded where it was linked (slide 0) unless
 * it is position-independent, when the main mapping's start, less its file offset, is the slide. A slide is kept
 * only if the frames' own function names agree with the symbols at their addresses; otherwise none (the lines
 * are still attributed, without the exact call).
 */
export function addressMap(
  profile: MemProfile,
  symbols: SymbolTable | null,
  callsBySymbol: Map<string, AsmAllocCall[]>,
): AddressMap | null {
  if (!symbols || symbols.size === 0) return null;
  const frames: Frame[] = [];
  for (const s of profile.samples) {
    for (const f of s.stack) if (f.physical && f.address !== undefined) frames.push(f);
    if (frames.length >= 200) break;
  }
  if (frames.length === 0) return null;
  const main = profile.mappings?.[0];
  const candidates = [0, ...(main ? [main.start - main.offset] : [])];
  for (const slide of candidates) {
    let agree = 0;
    for (const f of frames) {
      const sym = symbols.at(f.address! - slide);
      if (sym && sameFunction(sym.name, f.function)) agree++;
    }
    if (agree >= frames.length * 0.9) return { symbols, callsBySymbol, slide };
  }
  return null;
}

/** A symbol and a profile's function name for the same function (the runtime prints a generic's type arguments as `[...]`). */
function sameFunction(symbol: string, fn: string): boolean {
  if (symbol === fn) return true;
  const generic = (s: string): string => s.replace(/\[.*?\](?=\.|$)/g, '[...]');
  return generic(symbol) === generic(fn);
}

/**
 * The allocation CALL a frame's address points into. A profile records a caller's frame at its return address
 * less one (runtime/pprof), inside the CALL instruction: the call just before it. When the allocating function
 * was inlined from the runtime (runtime.CallersFrames' &Frames{}), the profile drops that frame, and the address
 * left is the inlined call's parent PC at the line that called it: the allocation call follows it, at the
 * runtime's own position.
 */
export function callAt(frame: Frame, map: AddressMap | null, exactOnly = false): { call: AsmAllocCall; symbol: string } | null {
  if (!map || frame.address === undefined) return null;
  const sym = map.symbols.at(frame.address - map.slide);
  if (!sym) return null;
  const calls = map.callsBySymbol.get(sym.name);
  if (!calls) return null;
  const off = frame.address - map.slide - sym.start;
  let prev: AsmAllocCall | null = null;
  let next: AsmAllocCall | null = null;
  for (const c of calls) {
    if (c.pc < off) prev = c;
    else {
      next = c;
      break;
    }
  }
  // A CALL is 5 bytes on amd64 and 4 on arm64: ret-1 lands 1 to 4 bytes after its start.
  if (prev && off - prev.pc <= 8) return { call: prev, symbol: sym.name };
  // The inlined runtime call follows the address with no other call between. An address just after another
  // CALL is that call's return: the allocation was made inside it (a runtime function whose frames the profile
  // trims), and the next allocation call of the function is another path's.
  const between = next?.prevCallPc !== null && next?.prevCallPc !== undefined && next.prevCallPc + 8 >= off;
  if (!exactOnly && next && !between && pathKind(next.file) === 'external') return { call: next, symbol: sym.name };
  return null;
}

/** Whether a frame's address lies in a function whose allocation calls the listing holds: then it knows them all. */
export function listedAt(frame: Frame, map: AddressMap | null): boolean {
  if (!map || frame.address === undefined) return false;
  const sym = map.symbols.at(frame.address - map.slide);
  return sym !== null && map.callsBySymbol.has(sym.name);
}
