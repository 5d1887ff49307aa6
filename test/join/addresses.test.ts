// Which allocation call of the listing a profile's address is (join/addresses.ts callAt), on the captured listing
// of test/fixtures/asm/benchlines-go1.26 (Fill: makemap_small, mapassign_fast64, then errors.New inlined).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAsmText } from '../../src/parsers/asm-text.js';
import { splitLines } from '../../src/parsers/line-splitter.js';
import { callAt, callsBySymbol, type AddressMap } from '../../src/join/addresses.js';
import { SymbolTable } from '../../src/model/symbols.js';
import { fixturesDir } from '../helpers/paths.js';

const FILL = 'example.com/benchlines.Fill';
const START = 0x4a0000;
const listing = parseAsmText(splitLines(readFileSync(join(fixturesDir, 'asm', 'benchlines-go1.26', 'S.txt'), 'utf8')));
const fill = listing.calls.filter((c) => c.function === FILL);
const mapassign = fill.find((c) => c.runtime === 'mapassign_fast64')!;
const errorsNew = fill.find((c) => c.runtime === 'newobject')!;

function mapOf(calls: typeof fill): AddressMap {
  return { symbols: new SymbolTable([{ name: FILL, start: START, size: 0x200 }]), callsBySymbol: callsBySymbol(calls), slide: 0 };
}
const frame = (off: number) => ({ function: FILL, file: 'lines.go', line: 29, address: START + off, physical: true });

test('an address inside a CALL is that call; one just after a call the listing does not count never borrows the next', () => {
  // runtime/pprof records a caller's frame at its return address less one: inside the CALL.
  assert.equal(callAt(frame(mapassign.pc + 4), mapOf(fill))?.call, mapassign);
  // Were mapassign not known, the allocation made inside it is still not errors.New's, the next allocation call.
  const withoutInsert = fill.filter((c) => c !== mapassign);
  assert.equal(callAt(frame(mapassign.pc + 4), mapOf(withoutInsert)), null);
  // An inlined runtime allocation with no call between the address and it is still found (&Frames{} in CallersFrames).
  assert.equal(callAt(frame(mapassign.pc + 12), mapOf(withoutInsert))?.call, errorsNew);
});
