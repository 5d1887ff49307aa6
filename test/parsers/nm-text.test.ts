// go tool nm's symbol table read into code symbols and the data symbols an instruction can name, on a captured
// table of the examples' package archive (test/fixtures/parsers/nm-text/COMMANDS.txt): T and t lines become
// symbols with their address and size, type descriptors and itabs are kept by address, undefined symbols (no
// address) are counted as lines it does not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNmText } from '../../src/parsers/nm-text.js';
import { splitLines } from '../../src/parsers/line-splitter.js';
import { fixturesDir } from '../helpers/paths.js';

const text = readFileSync(join(fixturesDir, 'parsers', 'nm-text', 'nm.txt'), 'utf8');
const lines = [...splitLines(text)].filter((l) => l.trim() !== '');
const r = parseNmText(lines);

test('nm: each function of the archive with its address (hex) and size (decimal)', () => {
  const byName = new Map(r.symbols.map((s) => [s.name, s]));
  assert.deepEqual(byName.get('example.com/heapscope/examples.AddressOfParam'), {
    name: 'example.com/heapscope/examples.AddressOfParam',
    start: 0x86aa,
    size: 153,
  });
  assert.deepEqual(byName.get('example.com/heapscope/examples.NewPoint'), {
    name: 'example.com/heapscope/examples.NewPoint',
    start: 0x8653,
    size: 87,
  });
  // Every T or t line, and nothing else.
  const code = lines.filter((l) => / [Tt] /.test(l));
  assert.equal(r.symbols.length, code.length);
  assert.ok(r.symbols.length >= 15);
  assert.ok(r.symbols.every((s) => Number.isSafeInteger(s.start) && s.size >= 0));
});

test('nm: type descriptors kept by address, other data left out, undefined symbols counted as unread', () => {
  assert.equal(r.data.get(0x8d89), 'type:example.com/heapscope/examples.item');
  assert.ok([...r.data.values()].every((n) => n.startsWith('type:') || n.startsWith('go:itab.')));
  assert.ok(r.data.size >= 20);
  // `                  0 U runtime.wbMove`: an undefined symbol has no address, only its size column.
  const undefinedLines = lines.filter((l) => /^\s+\d+ U( |$)/.test(l));
  assert.ok(undefinedLines.length >= 50);
  assert.equal(r.unrecognised, undefinedLines.length);
  assert.equal(parseNmText(['garbage', '', '  12 34 T']).unrecognised, 2);
});
