// Reads `go tool objdump -s REGEXP BINARY` (src/cmd/internal/objfile/disasm.go, PrintGoSyntax): for each function a
// line "TEXT pkg.F(SB) /abs/file.go", then one line per instruction, "  file.go:LINE\t\t0xADDR\t\tHEX\t\tOP ARGS".
// Used for functions outside the module, which the -S listing of the build does not cover: the allocation calls of
// a library function that allocated while a benchmark ran (strconv.FormatInt's string, fmt's boxing).
//
//   TEXT internal/strconv.FormatInt(SB) /usr/local/go/src/internal/strconv/itoa.go
//     itoa.go:172		0x40830c		488d0dcf721800		LEAQ 0x1872cf(IP), CX
//
// Each instruction is rewritten in the -S listing's form and read by the -S parser, so one register-tracking reader
// serves both: offsets from the function's start, jump targets as offsets, and an address an instruction loads
// (`0x1872cf(IP)`, relative to the next instruction) named by the binary's data symbol there (`type:string`), which
// is how the listing names it.
//
// The parser is pure: lines in, calls out.

import { AsmTextParser } from './asm-text.js';
import type { AsmParse } from '../model/alloc-types.js';

const RE_TEXT = /^TEXT (\S+)\(SB\)(?: (.*))?$/;
// "  itoa.go:172\t\t0x40830c\t\t488d0dcf721800\t\tLEAQ 0x1872cf(IP), CX\t\t\t"
const RE_INSTR = /^\s+(\S+?):(\d+)\t+0x([0-9a-f]+)\t+([0-9a-f]+)\t+(\S+)(?: (.*?))?\s*$/;

export interface ObjdumpOptions {
  /** The data symbol (a type descriptor, an itab) at an address of the binary, or null. */
  dataSymbolAt: (address: number) => string | null;
}

export function parseObjdump(lines: Iterable<string>, opts: ObjdumpOptions): AsmParse {
  const asm = new AsmTextParser();
  let start = -1;
  let file = '';
  let fn = '';
  for (const line of lines) {
    const t = RE_TEXT.exec(line);
    if (t) {
      start = -1;
      fn = t[1]!;
      file = t[2] ?? '';
      asm.push(`${t[1]} STEXT size=0 args=0x0 locals=0x0 funcid=0x0`);
      continue;
    }
    const m = RE_INSTR.exec(line);
    if (!m) continue;
    const addr = Number.parseInt(m[3]!, 16);
    const next = addr + m[4]!.length / 2;
    if (start < 0) {
      start = addr;
      asm.push(`\t0x0000 00000 (${file}:${m[2]})\tTEXT\t${fn}(SB), ABIInternal, $0-0`);
    }
    const off = addr - start;
    let args = m[6] ?? '';
    // An address relative to the next instruction: the symbol there, as the listing names it.
    args = args.replace(/(-?0x[0-9a-f]+)\(IP\)/g, (whole, disp: string) => {
      const sym = opts.dataSymbolAt(next + Number.parseInt(disp, 16));
      return sym ? `${sym}(SB)` : whole;
    });
    // A jump's absolute target, as an offset in the function.
    if (/^J/.test(m[5]!)) args = args.replace(/^0x([0-9a-f]+)$/, (_w, a: string) => String(Number.parseInt(a, 16) - start));
    asm.push(
      `\t0x${off.toString(16).padStart(4, '0')} ${String(off).padStart(5, '0')} (${m[1]}:${m[2]})\t${m[5]}${args ? `\t${args}` : ''}`,
    );
  }
  return asm.end();
}
