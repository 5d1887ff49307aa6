// What heapscope diff reads of a commit, on git's real output for a repository made for the capture
// (test/fixtures/parsers/git-tree/COMMANDS.txt): the tree listing with sizes, a name with a space and a submodule,
// and the //go:embed lines with their patterns as go/build reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { embedPatterns, parseEmbedLines, parseLsTree } from '../../src/parsers/git-tree.js';
import { fixturesDir } from '../helpers/paths.js';

const dir = join(fixturesDir, 'parsers', 'git-tree');
const commit = /COMMIT=([0-9a-f]{40})/.exec(readFileSync(join(dir, 'COMMANDS.txt'), 'utf8'))![1]!;

test('git ls-tree -r -z -l: every file with its mode, type and size; a submodule with size 0', () => {
  const entries = parseLsTree(readFileSync(join(dir, 'ls-tree.z'), 'utf8'));
  assert.deepEqual(entries, [
    { mode: '100644', type: 'blob', size: 30, path: 'go.mod' },
    { mode: '160000', type: 'commit', size: 0, path: 'lib' },
    { mode: '100644', type: 'blob', size: 10, path: 'sp ace.go' },
    { mode: '100644', type: 'blob', size: 3, path: 'web/a b.txt' },
    { mode: '100644', type: 'blob', size: 25, path: 'web/bare.go' },
    { mode: '100644', type: 'blob', size: 2, path: 'web/c.txt' },
    { mode: '100644', type: 'blob', size: 124, path: 'web/embed.go' },
    { mode: '100644', type: 'blob', size: 2, path: 'web/static/s.txt' },
  ]);
  // Anything else in the stream (a truncated record) is left out rather than misread.
  assert.deepEqual(parseLsTree('100644 blob 17e0 \0garbage\0'), []);
});

test('git grep -z: the //go:embed lines of the commit, by file, with bare, quoted and back-quoted patterns', () => {
  const lines = parseEmbedLines(readFileSync(join(dir, 'grep.z'), 'utf8'), `${commit}:`);
  assert.deepEqual(lines, [
    { file: 'web/bare.go', patterns: [] },
    { file: 'web/embed.go', patterns: ['static/*.txt', 'a b.txt', 'c.txt'] },
  ]);
  // Another commit's prefix: nothing of this output is its.
  assert.deepEqual(parseEmbedLines(readFileSync(join(dir, 'grep.z'), 'utf8'), `${'0'.repeat(40)}:`), []);
  assert.deepEqual(embedPatterns('"a\\"b" `x y` "unterminated'), ['a"b', 'x y', 'unterminated']);
});
