// Which files of a commit heapscope diff unpacks: Go, module and the other compile inputs, and what `//go:embed`
// patterns name (as the go command matches them, or wider), never anything else; submodules are reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementPattern, revisionFiles, type TreeEntry } from '../../src/model/revision-files.js';
import { embedPatterns, parseEmbedLines, parseLsTree } from '../../src/parsers/git-tree.js';

const blob = (path: string, size = 10): TreeEntry => ({ mode: '100644', type: 'blob', size, path });

test('Go, module, assembly, cgo and embedded files are kept; a big unembedded file and a submodule are not', () => {
  const tree: TreeEntry[] = [
    blob('go.mod'),
    blob('go.sum'),
    blob('go.work'),
    blob('go.work.sum'),
    blob('main.go'),
    blob('asm_amd64.s'),
    blob('c/x.c'),
    blob('c/x.h'),
    blob('cmd/app/default.pgo'),
    blob('vendor/modules.txt'),
    blob('video.mp4', 150 * 1024 ** 2),
    blob('README.md'),
    blob('web/embed.go'),
    blob('web/static/a.txt'),
    blob('web/static/deep/b.css'),
    blob('web/static.txt'),
    blob('web/tmpl/page.html'),
    blob('web/tmpl/page.txt'),
    blob('web/a b.txt'),
    blob('web/other/c.txt'),
    blob('other/static/a.txt'),
    { mode: '160000', type: 'commit', size: 0, path: 'lib' },
  ];
  const directives = [{ file: 'web/embed.go', patterns: ['static', 'tmpl/*.html', 'a b.txt'] }];
  const r = revisionFiles(tree, directives);
  assert.deepEqual(r.files, [
    'asm_amd64.s',
    'c/x.c',
    'c/x.h',
    'cmd/app/default.pgo',
    'go.mod',
    'go.sum',
    'go.work',
    'go.work.sum',
    'main.go',
    'vendor/modules.txt',
    'web/a b.txt',
    'web/embed.go',
    'web/static/a.txt',
    'web/static/deep/b.css',
    'web/tmpl/page.html',
  ]);
  assert.equal(r.bytes, 150);
  assert.deepEqual(r.submodules, ['lib']);
});

test("embed patterns: path.Match per element, a directory's files with it, all: and quoted patterns", () => {
  const cases: [string, string, boolean][] = [
    ['*.txt', 'a.txt', true],
    ['*.txt', 'a.txt.bak', false],
    ['?.go', 'ab.go', false],
    ['[a-c]x', 'bx', true],
    ['[^a-c]x', 'bx', false],
    ['\\*', '*', true],
    ['a-b', 'a-b', true],
    ['a.b', 'axb', false],
    ['é?', 'é😀', true],
  ];
  for (const [p, name, want] of cases) assert.equal(elementPattern(p)?.test(name), want, `${p} ${name}`);
  assert.equal(elementPattern('[a-'), null);
  const tree = [blob('p/all/.hidden'), blob('p/x/y.txt'), blob('q/x/y.txt')];
  assert.deepEqual(revisionFiles(tree, [{ file: 'p/p.go', patterns: ['all:all'] }]).files, ['p/all/.hidden']);
  // A pattern that does not parse keeps its package's directory rather than break the build.
  assert.deepEqual(revisionFiles(tree, [{ file: 'p/p.go', patterns: ['[x/*.txt'] }]).files, ['p/x/y.txt']);
  assert.deepEqual(embedPatterns(' a.txt  "b c.txt" `d e`  all:f '), ['a.txt', 'b c.txt', 'd e', 'all:f']);
  assert.deepEqual(embedPatterns('"q\\"uote"'), ['q"uote']);
});

test('git ls-tree -z -l and git grep -z output', () => {
  const ls =
    '100644 blob 89157440ff50a36709976954aad2c29af1352aff      30\tgo.mod\0' +
    '160000 commit 279e3dfe5490a85875cf92e11cb2c4774932782d       -\tlib\0' +
    '100644 blob 45b983be36b73c0788dc9cbcb76cbb80fc7bb057 157286400\tweb/a\nb.bin\0';
  assert.deepEqual(parseLsTree(ls), [
    { mode: '100644', type: 'blob', size: 30, path: 'go.mod' },
    { mode: '160000', type: 'commit', size: 0, path: 'lib' },
    { mode: '100644', type: 'blob', size: 157286400, path: 'web/a\nb.bin' },
  ]);
  const c = 'd000fa7fa51015033c58004b0fe369ed45af1996';
  assert.deepEqual(parseEmbedLines(`${c}:e.go\0//go:embed web/static/*.txt "a b.txt"\n${c}:x/y.go\0\t//go:embed  z\n`, `${c}:`), [
    { file: 'e.go', patterns: ['web/static/*.txt', 'a b.txt'] },
    { file: 'x/y.go', patterns: ['z'] },
  ]);
});
