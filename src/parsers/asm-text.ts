// Reads the compiler's assembly listing, `go build -gcflags=-S` (on stderr, relayed by the go command after a
// `# importpath` header), and finds every call to a runtime allocation entry point, with the type it allocates.
//
// Printed by (go1.26):
//   src/cmd/internal/obj/plist.go, objfile.go   the listing: for each symbol a header
//                     "pkg.F STEXT [flags] size=N args=0x.. locals=0x.. funcid=0x.. align=0x.." (data symbols:
//                     "type:T SRODATA [dupok] size=N"), then for a function one line per instruction
//                     "\t0x0023 00035 (/abs/file.go:3)\tLEAQ\ttype:[]int(SB), AX", then a hex dump
//                     "\t0x0000 49 3b 66 10 ...  I;f.." and relocations "\trel 38+4 t=R_PCREL type:[]int+0"
//   src/cmd/compile/internal/walk, ssagen       which runtime function each allocation becomes
//   src/cmd/compile/internal/typecheck/_builtin/runtime.go   their signatures (ALLOC_ENTRY_POINTS in the model)
//   src/cmd/compile/internal/abi                the register ABI: integer arguments in AX, BX, CX, DI, SI, R8, R9,
//                     R10, R11 on amd64 and R0..R15 on arm64, so growslice's element type (5th) is in SI / R4
// Positions are absolute paths. An instruction inlined from another function carries that function's position.
// Type descriptors are "type:T" since Go 1.20 and "type.T" before (Go 1.19: "type.[]int"); both are read.
// A type descriptor's data starts with the type's size, so the listing also tells the size of every type whose
// descriptor this package emits.
//
// How the type argument is found: the instructions of each function are replayed in order, tracking what each
// argument register holds (a symbol from LEAQ/MOVD $sym, a constant, a stack address, a copy of another register).
// Any other write, a CALL, a jump target, or the end of a block that never falls through (JMP, RET: the branches
// of a jump table follow one another) forgets it, so a type is reported only when the value in the register
// at the CALL is known; a generic function's type from its dictionary stays unknown (null), never guessed.
//
// The parser is pure: lines in, calls out. Lines it does not know are kept as data, never thrown.

import { type AllocEntryPoint, allocEntryPoint } from '../model/alloc-types.js';
import type { AsmAllocCall, AsmFunction, AsmListing, AsmParse, AsmUnrecognised } from '../model/alloc-types.js';
import { roundToSizeClass, splitTopLevel, typeSize } from '../model/size-classes.js';
import { t as say } from '../i18n/t.js';

// ---------------------------------------------------------------------------------------------------------------
// Types.

export interface ReadableType {
  /** The Go type with `type:`/`type.` and `noalg.` removed. */
  type: string;
  display: string;
  captures?: string[];
  methodValueReceiver?: string;
}

/** Strips the descriptor prefix: `type:[]int` and (Go 1.19) `type.[]int` → `[]int`; null for other symbols. */
export function typeFromSymbol(sym: string): string | null {
  if (sym.startsWith('type:') && sym[5] !== '.') return sym.slice(5);
  if (sym.startsWith('type.') && sym[5] !== '.') return sym.slice(5);
  return null;
}

/** The dynamic type of an itab symbol: `go:itab.*os.File,io.Writer` (Go 1.19: `go.itab.`) → `*os.File`. */
export function typeFromItab(sym: string): string | null {
  const rest = sym.startsWith('go:itab.') ? sym.slice(8) : sym.startsWith('go.itab.') ? sym.slice(8) : null;
  if (rest === null) return null;
  const parts = splitTopLevel(rest, ',');
  return parts.length >= 2 ? parts[0]! : null;
}

// example.com/heapscope/examples.item → examples.item (import path cut to its last element)
const RE_IMPORT_DIRS = /(?<![\w.~-])(?:[\w.~-]+\/)+(?=[\w.~-]*\.)/g;

/** Cuts import paths to their last element, as Go prints types for people: `*example.com/m/pkg.T` → `*pkg.T`. */
export function shortenPaths(t: string): string {
  return t.replace(RE_IMPORT_DIRS, '');
}

/**
 * Makes a type from the listing readable. A closure context `noalg.struct { F uintptr; X0 *int; X1 string }`
 * becomes "closure capturing *int, string" (the compiler names captures X0, X1, ..., never by variable; a
 * variable captured by reference shows as a pointer); `struct { F uintptr; R T }` is a method value's context.
 */
export function readableType(typeOrSymbol: string): ReadableType {
  let t = typeFromSymbol(typeOrSymbol) ?? typeOrSymbol;
  if (t.startsWith('noalg.')) t = t.slice(6);
  const out: ReadableType = { type: t, display: shortenPaths(t) };
  if (t.startsWith('struct { F uintptr; ') && t.endsWith(' }')) {
    const fields = splitTopLevel(t.slice(9, -2), '; ').map((f) => f.trim());
    const rest = fields.slice(1).map((f) => {
      const sp = f.indexOf(' ');
      return { name: f.slice(0, sp), type: f.slice(sp + 1) };
    });
    if (rest.length > 0 && rest.every((f) => /^X\d+$/.test(f.name))) {
      out.captures = rest.map((f) => f.type);
      out.display = say('sweep.type.closure', { types: out.captures.map(shortenPaths).join(', ') });
    } else if (rest.length === 1 && rest[0]!.name === 'R') {
      out.methodValueReceiver = rest[0]!.type;
      out.display = say('sweep.type.methodValue', { type: shortenPaths(rest[0]!.type) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Lines.

// 	0x0023 00035 (/SEED/repro.go:3)	LEAQ	type.[]int(SB), AX
// 	0x0017 00023 (<unknown line number>)	NOP
const RE_INSTR = /^\t0x[0-9a-f]+ (\d+) \((.*?)\)\t([A-Z][A-Z0-9.]*)(?:\t(.*))?$/;
// 	0x0000 49 3b 66 10 76 6e 48 83 ec 28 48 89 6c 24 20 48  I;f.vnH..(H.l$ H
const RE_HEX = /^\t0x([0-9a-f]+)((?: [0-9a-f]{2})+)(?:\s|$)/;
// 	rel 38+4 t=14 type.[]int+0 | 	rel 33+4 t=R_CALL runtime.newobject+0
const RE_REL = /^\trel \d+\+\d+ t=/;
// example.com/seed.memAllocRepro STEXT size=156 args=0x18 locals=0x28 funcid=0x0 align=0x0
// type:noalg.struct { F uintptr; X0 *int } SRODATA dupok size=128
// example.com/heapscope/examples.CreateCopy STEXT nosplit size=80 args=0x0 locals=0x58 funcid=0x0 align=0x0 leaf
const RE_SYMBOL = /^(.*) (S[A-Z0-9]+)((?: [a-z]+)*) size=(\d+)((?: \w+=0x[0-9a-f]+| [a-z]+)*)\s*$/;

interface Instr {
  pc: number;
  file: string;
  line: number;
  op: string;
  args: string[];
}

type RegValue = { k: 'sym'; sym: string } | { k: 'imm'; v: number } | { k: 'stack' };

const AMD64_ARGS = ['AX', 'BX', 'CX', 'DI', 'SI', 'R8', 'R9', 'R10', 'R11'];
const ARM64_ARGS = Array.from({ length: 16 }, (_, i) => 'R' + i);

// AX, R8, and the byte halves Go's assembler prints (AL, DL, SIB, R8B): a write to a part clobbers the whole.
const AMD64_REG = /^(?:([ABCD])[XLH]|(SI|DI|BP|SP)B?|(R(?:8|9|1[0-5]))[BWL]?)$/;
const ARM64_REG = /^R(\d|[12]\d|30)$/;

// Instructions whose last operand is read, not written (comparisons, branches, pseudo-instructions, pushes).
// CMPQ CX, BX | JHI 41 | PCDATA $1, $0 | PUSHQ BP | BTQ $3, AX
const AMD64_NO_WRITE = new RegExp(
  '^(?:CMP|TEST|UCOMIS|COMIS|PUSH|J|NOP|PCDATA|FUNCDATA|TEXT|RET|PREFETCH|[LMS]FENCE|PAUSE|INT|UD|BT[WLQ]?$)',
);
// Instructions that write registers they do not name (AX/DX for MUL/DIV, DI/SI/CX for string ops and DUFFCOPY).
// DUFFZERO $336 | MULQ CX | REP; STOSQ
const AMD64_IMPLICIT = new RegExp('^(?:I?MUL|I?DIV|CQO|CDQ|CWD|CPUID|RDTSC|REP|STOS|MOVS[BWLQ]$|DUFF|CMPXCHG|XCHG|XADD|LOCK|SYSCALL)');
// CMP R1, R2 | BLS 120 | CBZ R0, 84 | STP (R1, R2), mem
const ARM64_NO_WRITE = new RegExp(
  '^(?:CMPW?|CMNW?|TSTW?|FCMP\\w*|B|BL|BEQ|BNE|BCS|BHS|BCC|BLO|BMI|BPL|BVS|BVC|BHI|BLS|BGE|BLT|BGT|BLE' +
    '|CBN?ZW?|TBN?Z|JMP|RET|NOOP|NOP|PCDATA|FUNCDATA|TEXT|DMB|YIELD|ST\\w*)$',
);

// Jumps and returns after which execution never falls through: JMP 120 | JMP (CX)(DX*8) | RET | arm64 B 84.
const UNCONDITIONAL = /^(?:JMP|RET|B|UD2?)$/;

function amd64Reg(op: string): string | null {
  const m = AMD64_REG.exec(op);
  if (!m) return null;
  return m[1] ? m[1] + 'X' : (m[2] ?? m[3])!;
}

function parsePos(pos: string): { file: string; line: number } {
  const c = pos.lastIndexOf(':');
  if (c > 0) {
    const n = Number(pos.slice(c + 1));
    if (Number.isSafeInteger(n) && n >= 0) return { file: pos.slice(0, c), line: n };
  }
  return { file: '', line: 0 }; // "<unknown line number>"
}

/** `type:[]int(SB)` → `type:[]int`; `$type:[]int(SB)` (arm64) too; null when the operand is not a static symbol. */
function staticSymbol(arg: string): string | null {
  let a = arg.startsWith('$') ? arg.slice(1) : arg;
  if (!a.endsWith('(SB)')) return null;
  a = a.slice(0, -4);
  // "runtime.writeBarrier+8(SB)": an offset into a symbol is not the symbol.
  if (/\+\d+$/.test(a)) return null;
  return a;
}

/** `example.com/m..autotmp_2+24(SP)`, `+128(FP)`, arm64 `$example.com/m..autotmp_5-40(SP)`. */
function isStackAddress(arg: string): boolean {
  const a = arg.startsWith('$') ? arg.slice(1) : arg;
  return /\((?:SP|FP|RSP)\)$/.test(a);
}

function parseImmediate(arg: string): number | null {
  if (!arg.startsWith('$')) return null;
  const s = arg.slice(1);
  let n: number | null = null;
  if (/^-?\d+$/.test(s)) n = Number(s);
  else if (/^0x[0-9a-fA-F]+$/.test(s)) n = Number.parseInt(s, 16);
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

export interface AsmTextOptions {
  /** Maps a path as printed (absolute) to the model's form. '' (unknown) and `<autogenerated>` are not passed. */
  resolveFile?: (printed: string) => string;
  /** The listing's architecture; by default it is recognised from the instructions (amd64 or arm64). */
  arch?: 'amd64' | 'arm64';
  /** Keep the instructions of functions that allocate (AsmParse.listings). */
  listings?: boolean;
}

/** Instructions kept of one function's listing: a generated 50,000-instruction init is not read in a pane. */
const LISTING_MAX = 5000;

export class AsmTextParser {
  private pkg = '';
  private variant: string | null = null;
  private fn: { info: AsmFunction; instrs: Instr[]; abiInternal: boolean } | null = null;
  /** The type descriptor whose hex dump follows, waiting for its first word. */
  private descriptor: string | null = null;
  private arch: 'amd64' | 'arm64' | null;
  private lineNo = 0;
  private readonly functions: AsmFunction[] = [];
  private readonly calls: AsmAllocCall[] = [];
  private readonly listings: AsmListing[] = [];
  private readonly listingCalls: [AsmListing, [number, AsmAllocCall][]][] = [];
  private readonly typeSizes: Record<string, number> = {};
  private readonly unrecognised: AsmUnrecognised[] = [];
  private readonly fileCache = new Map<string, string>();

  constructor(private readonly opts: AsmTextOptions = {}) {
    this.arch = opts.arch ?? null;
  }

  push(raw: string): void {
    this.lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const c0 = line.charCodeAt(0);
    if (c0 === 9) {
      if (line.startsWith('\t0x')) {
        const m = RE_INSTR.exec(line);
        if (m) return this.instr(m);
        const h = RE_HEX.exec(line);
        if (h) return this.hex(h[1]!, h[2]!);
      } else if (RE_REL.test(line)) return;
      return this.unknown(line);
    }
    if (line === '') return;
    if (line.startsWith('# ')) return this.startPackage(line.slice(2).trim());
    const s = RE_SYMBOL.exec(line);
    if (s && Number.isSafeInteger(Number(s[4]))) return this.symbol(s[1]!, s[2]!, s[3]!.trim(), Number(s[4]));
    this.unknown(line);
  }

  end(): AsmParse {
    this.finishFunction();
    for (const c of this.calls) {
      if (c.type === null) continue;
      c.typeSize = this.typeSizes[c.type] ?? typeSize(c.type);
    }
    // Sizes are known once every descriptor of the package has been read.
    for (const [l, calls] of this.listingCalls)
      l.calls = calls.map(([index, c]) => ({
        index,
        runtime: c.runtime,
        type: c.display ?? c.type ?? '',
        size: c.typeSize ?? null,
        sizeClass: c.typeSize !== null && c.typeSize !== undefined ? roundToSizeClass(c.typeSize) : null,
      }));
    return {
      arch: this.arch,
      functions: this.functions,
      calls: this.calls,
      ...(this.opts.listings ? { listings: this.listings } : {}),
      typeSizes: this.typeSizes,
      unrecognised: this.unrecognised,
    };
  }

  private unknown(text: string): void {
    this.unrecognised.push({ line: this.lineNo, text });
  }

  private file(printed: string): string {
    if (printed === '' || printed.startsWith('<') || !this.opts.resolveFile) return printed;
    let f = this.fileCache.get(printed);
    if (f === undefined) {
      f = this.opts.resolveFile(printed);
      this.fileCache.set(printed, f);
    }
    return f;
  }

  private startPackage(header: string): void {
    this.finishFunction();
    this.descriptor = null;
    let importPath = header;
    let variant: string | null = null;
    const br = importPath.indexOf(' [');
    if (br > 0 && importPath.endsWith(']')) {
      variant = importPath.slice(br + 2, -1);
      importPath = importPath.slice(0, br);
    }
    this.pkg = importPath;
    this.variant = variant;
  }

  private symbol(name: string, kind: string, flags: string, size: number): void {
    this.finishFunction();
    this.descriptor = null;
    if (kind === 'STEXT') {
      const info: AsmFunction = {
        package: this.pkg,
        variant: this.variant,
        symbol: name,
        file: '',
        line: 0,
        size,
        flags: flags === '' ? [] : flags.split(' '),
      };
      this.fn = { info, instrs: [], abiInternal: true };
      return;
    }
    const t = typeFromSymbol(name);
    if (t !== null && kind === 'SRODATA') this.descriptor = readableType(t).type;
  }

  private hex(offset: string, bytes: string): void {
    const t = this.descriptor;
    this.descriptor = null;
    if (t === null || offset !== '0000') return;
    const b = bytes.trim().split(' ');
    if (b.length < 8) return;
    // The descriptor's first word is the type's size (abi.Type.Size_), little-endian on amd64 and arm64.
    let size = 0;
    for (let i = 7; i >= 0; i--) size = size * 256 + Number.parseInt(b[i]!, 16);
    if (Number.isSafeInteger(size)) this.typeSizes[t] = size;
  }

  private instr(m: RegExpExecArray): void {
    const fn = this.fn;
    const pc = Number(m[1]);
    if (!fn || !Number.isSafeInteger(pc)) return this.unknown(m[0]);
    const pos = parsePos(m[2]!);
    const op = m[3]!;
    const args = m[4] === undefined ? [] : splitTopLevel(m[4], ', ').map((a) => a.trim());
    if (op === 'TEXT') {
      fn.info.file = this.file(pos.file);
      fn.info.line = pos.line;
      // "TEXT pkg.F(SB), ABIInternal, $24-16" / "NOSPLIT|ABIInternal": only ABIInternal passes arguments in registers.
      fn.abiInternal = args.slice(1).some((a) => /(?:^|\|)ABIInternal(?:\||$)/.test(a));
    }
    if (this.arch === null) this.arch = detectArch(op, args);
    fn.instrs.push({ pc, file: pos.file, line: pos.line, op, args });
  }

  private finishFunction(): void {
    const fn = this.fn;
    this.fn = null;
    if (!fn) return;
    this.functions.push(fn.info);
    const before = this.calls.length;
    this.analyse(fn.info, fn.instrs, fn.abiInternal);
    if (this.opts.listings && this.calls.length > before) this.keepListing(fn.info, fn.instrs, this.calls.slice(before));
  }

  private keepListing(info: AsmFunction, instrs: Instr[], calls: AsmAllocCall[]): void {
    const kept = instrs.slice(0, LISTING_MAX);
    const index = new Map(kept.map((ins, i) => [ins.pc, i]));
    const listing: AsmListing = {
      package: this.pkg,
      symbol: info.symbol,
      file: info.file,
      line: info.line,
      column: 0,
      instructions: kept.map((ins) => ({
        file: this.file(ins.file),
        line: ins.line,
        text: `${ins.pc.toString(16).padStart(5, '0')}  ${ins.op}${ins.args.length ? '\t' + ins.args.join(', ') : ''}`,
      })),
      calls: [],
    };
    this.listings.push(listing);
    this.listingCalls.push([listing, calls.filter((c) => index.has(c.pc)).map((c) => [index.get(c.pc)!, c])]);
  }

  /** Replays a function's instructions, tracking argument registers, and records each allocation call. */
  private analyse(info: AsmFunction, instrs: Instr[], abiInternal: boolean): void {
    const arm = this.arch === 'arm64';
    const argRegs = arm ? ARM64_ARGS : AMD64_ARGS;
    const reg = arm ? (a: string) => (ARM64_REG.test(a) ? a : null) : amd64Reg;

    const targets = new Set<number>();
    for (const ins of instrs) {
      const last = ins.args[ins.args.length - 1];
      if (last !== undefined && /^\d{1,15}$/.test(last) && ins.op !== 'TEXT') targets.add(Number(last));
    }

    const regs = new Map<string, RegValue>();
    let lastPc = -1;
    let boxed: { call: AsmAllocCall; left: number } | null = null;
    // After a jump that always leaves (JMP, RET) the next instruction is reached only by a jump, maybe one the
    // listing does not name: a jump table's `JMP (CX)(DX*8)` lands on branches laid out one after another.
    let cut = false;
    let lastCall: number | null = null;

    for (const ins of instrs) {
      if (ins.pc !== lastPc) {
        // Another path arrives here: what we know may not hold.
        if (targets.has(ins.pc) || cut) regs.clear();
        cut = false;
        lastPc = ins.pc;
      }
      const op = ins.op;
      if (op === 'PCDATA' || op === 'FUNCDATA' || op === 'NOP' || op === 'NOOP') continue;
      if (UNCONDITIONAL.test(op)) cut = true;

      if (boxed) {
        const sym = ins.args.length === 2 && (op === 'LEAQ' || op === 'MOVD') ? staticSymbol(ins.args[0]!) : null;
        const t = sym ? (typeFromSymbol(sym) ?? typeFromItab(sym)) : null;
        if (t !== null) {
          setType(boxed.call, sym!, t, 'interface-word');
          boxed = null;
        } else if (op === 'CALL' || op === 'RET' || op.startsWith('J') || --boxed.left <= 0) boxed = null;
      }

      if (op === 'CALL') {
        const target = ins.args[0] ?? '';
        // CALL	runtime.newobject(SB)
        const m = /^runtime\.([\w.]+)\(SB\)$/.exec(target);
        const entry = m ? allocEntryPoint(m[1]!) : null;
        if (m && entry) {
          const call = this.record(info, ins, m[1]!, entry, abiInternal ? regs : new Map(), argRegs, lastCall);
          if (entry.boxed) boxed = { call, left: 4 };
        }
        lastCall = ins.pc;
        regs.clear();
        continue;
      }

      if (!arm && AMD64_IMPLICIT.test(op)) {
        regs.clear();
        continue;
      }
      if (arm ? ARM64_NO_WRITE.test(op) : AMD64_NO_WRITE.test(op)) continue;
      const dst = ins.args[ins.args.length - 1];
      if (dst === undefined) continue;
      // arm64 LDP mem, (R1, R2) writes both.
      if (dst.startsWith('(') && dst.endsWith(')') && dst.includes(',')) {
        for (const r of dst.slice(1, -1).split(',')) {
          const rr = reg(r.trim());
          if (rr) regs.delete(rr);
        }
        continue;
      }
      const d = reg(dst);
      if (!d) continue;
      const v = ins.args.length === 2 ? valueOf(op, ins.args[0]!, d, regs, reg, arm) : null;
      if (v) regs.set(d, v);
      else regs.delete(d);
    }
  }

  private record(
    info: AsmFunction,
    ins: Instr,
    runtimeFn: string,
    entry: AllocEntryPoint,
    regs: Map<string, RegValue>,
    argRegs: string[],
    prevCallPc: number | null,
  ): AsmAllocCall {
    const call: AsmAllocCall = {
      package: this.pkg,
      variant: this.variant,
      function: info.symbol,
      file: this.file(ins.file),
      line: ins.line,
      functionFile: info.file,
      functionLine: info.line,
      pc: ins.pc,
      prevCallPc,
      runtime: runtimeFn,
      kind: entry.kind,
      typeRole: entry.role,
      typeSymbol: null,
      type: null,
      display: null,
      typeFrom: null,
      typeSize: null,
      constants: {},
      stackBuffer: null,
    };
    entry.slots.forEach((slot, i) => {
      if (slot === '') return;
      const r = argRegs[i];
      const v = r === undefined ? undefined : regs.get(r);
      if (slot === 'typ') {
        const t = v?.k === 'sym' ? typeFromSymbol(v.sym) : null;
        if (t !== null) setType(call, (v as { sym: string }).sym, t, 'argument');
      } else if (slot === 'buf') {
        call.stackBuffer = v?.k === 'stack' ? true : v?.k === 'imm' && v.v === 0 ? false : null;
      } else if (v?.k === 'imm') call.constants[slot] = v.v;
    });
    this.calls.push(call);
    return call;
  }
}

function setType(call: AsmAllocCall, symbol: string, type: string, from: 'argument' | 'interface-word'): void {
  const r = readableType(type);
  call.typeSymbol = symbol;
  call.type = r.type;
  call.display = r.display;
  call.typeFrom = from;
  if (r.captures) call.captures = r.captures;
  if (r.methodValueReceiver) call.methodValueReceiver = r.methodValueReceiver;
}

/** What an instruction `OP src, dst` leaves in dst, when heapscope can tell. */
function valueOf(
  op: string,
  src: string,
  dst: string,
  regs: Map<string, RegValue>,
  reg: (a: string) => string | null,
  arm: boolean,
): RegValue | null {
  if (arm) {
    if (!op.startsWith('MOV')) return null;
    if (src === 'ZR') return { k: 'imm', v: 0 };
    const imm = parseImmediate(src);
    if (imm !== null) return { k: 'imm', v: imm };
    if (src.startsWith('$')) {
      const sym = staticSymbol(src);
      if (sym) return { k: 'sym', sym };
      return isStackAddress(src) ? { k: 'stack' } : null;
    }
    const s = reg(src);
    return s ? (regs.get(s) ?? null) : null;
  }
  if (op === 'LEAQ') {
    const sym = staticSymbol(src);
    if (sym) return { k: 'sym', sym };
    return isStackAddress(src) ? { k: 'stack' } : null;
  }
  if (op === 'XORL' || op === 'XORQ') return reg(src) === dst ? { k: 'imm', v: 0 } : null;
  if (op === 'MOVQ' || op === 'MOVL') {
    const imm = parseImmediate(src);
    if (imm !== null) return { k: 'imm', v: imm };
    const s = reg(src);
    return s ? (regs.get(s) ?? null) : null;
  }
  return null;
}

/** Mnemonics only one of the two architectures has: the first one seen decides how registers are read. */
const AMD64_OPS = new Set(['LEAQ', 'MOVQ', 'PUSHQ', 'SUBQ', 'ADDQ', 'CMPQ']);
const ARM64_OPS = new Set(['MOVD', 'STP', 'LDP', 'ADRP', 'MOVWU']);

function detectArch(op: string, args: string[]): 'amd64' | 'arm64' | null {
  if (AMD64_OPS.has(op)) return 'amd64';
  if (ARM64_OPS.has(op)) return 'arm64';
  for (const a of args) {
    if (AMD64_ARGS.includes(a) && !/^R\d/.test(a)) return 'amd64';
    if (a === 'ZR' || a === 'RSP') return 'arm64';
  }
  return null;
}

/** Parses a whole captured listing at once (fixtures, tests). */
export function parseAsmText(lines: Iterable<string>, opts: AsmTextOptions = {}): AsmParse {
  const p = new AsmTextParser(opts);
  for (const l of lines) p.push(l);
  return p.end();
}
