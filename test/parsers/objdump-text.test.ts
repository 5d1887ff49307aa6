// The disassembly of library functions (go tool objdump) read into allocation calls, on a captured listing of the
// examples' test binary (test/fixtures/asm/objdump-go1.26/COMMANDS.txt), with the symbol table beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseObjdump } from '../../src/parsers/objdump-text.js';
import { parseNmText } from '../../src/parsers/nm-text.js';
import { splitLines } from '../../src/parsers/line-splitter.js';
import { SymbolTable } from '../../src/model/symbols.js';
import { fixturesDir } from '../helpers/paths.js';

const dir = join(fixturesDir, 'asm', 'objdump-go1.26');
const nm = parseNmText(splitLines(readFileSync(join(dir, 'nm.txt'), 'utf8')));
const symbols = new SymbolTable(nm.symbols, nm.data);
const r = parseObjdump(splitLines(readFileSync(join(dir, 'objdump.txt'), 'utf8')), { dataSymbolAt: (a) => symbols.data.get(a) ?? null });

test('objdump: each allocation call of a library function, at its offset in the function', () => {
  assert.deepEqual(
    r.calls.map((c) => [c.function, c.runtime, c.kind, c.pc, c.line]),
    [
      ['internal/strconv.formatBits', 'growslice', 'slice-growth', 0x408886 - 0x408700, 140],
      ['internal/strconv.formatBits', 'slicebytetostring', 'string', 0x408905 - 0x408700, 143],
      ['fmt.init.func1', 'newobject', 'object', 0x4c4035 - 0x4c4020, 147],
    ],
  );
  assert.equal(r.arch, 'amd64');
  assert.deepEqual(r.unrecognised, []);
});

test('objdump: the symbols a profile address falls in, and the table of named data', () => {
  assert.equal(symbols.at(0x408886)?.name, 'internal/strconv.formatBits');
  assert.equal(symbols.at(0x4c4035)?.name, 'fmt.init.func1');
  assert.equal(symbols.at(0x3fffff), null);
  // The linker keeps no name for each type descriptor (one `type:*` symbol covers them), but itabs keep theirs.
  assert.ok([...nm.data.values()].some((n) => n.startsWith('go:itab.')));
  assert.ok(![...nm.data.values()].some((n) => /^type:\w/.test(n)));
});
