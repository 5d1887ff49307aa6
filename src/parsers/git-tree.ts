// What heapscope diff reads of a commit before unpacking it: the listing of its tree, and its `//go:embed` lines.
//
// `git ls-tree -r -z -l --full-tree COMMIT` prints one entry per file, NUL-terminated (git's builtin/ls-tree.c,
// show_tree_long); the size is padded to seven columns and is `-` for a submodule (a "commit" entry):
//   100644 blob 89157440ff50a36709976954aad2c29af1352aff      30\tgo.mod
//   160000 commit 279e3dfe5490a85875cf92e11cb2c4774932782d       -\tlib
// `git grep -z -e PATTERN COMMIT -- '*.go'` prints each matching line after its file, named `COMMIT:PATH`, and a NUL:
//   279e3dfe…:web/embed.go\0//go:embed static/*.txt "a b.txt"

import type { EmbedDirective, TreeEntry } from '../model/revision-files.js';

const ENTRY = /^(\d{6}) (blob|commit|tree) [0-9a-f]+ +(\d+|-)\t([\s\S]*)$/;

/** The entries of `git ls-tree -r -z -l`; what does not have that shape is left out. */
export function parseLsTree(text: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  for (const rec of text.split('\0')) {
    const m = ENTRY.exec(rec.replace(/^\n/, ''));
    if (!m) continue;
    out.push({ mode: m[1]!, type: m[2] as TreeEntry['type'], size: m[3] === '-' ? 0 : Number(m[3]), path: m[4]! });
  }
  return out;
}

/** The `//go:embed` lines of `git grep -z` output for prefix `COMMIT:`. */
export function parseEmbedLines(text: string, prefix: string): EmbedDirective[] {
  const out: EmbedDirective[] = [];
  for (const line of text.split('\n')) {
    const nul = line.indexOf('\0');
    if (nul < 0 || !line.startsWith(prefix)) continue;
    const m = /^\s*\/\/go:embed(?:\s+(.*))?$/.exec(line.slice(nul + 1));
    if (m) out.push({ file: line.slice(prefix.length, nul), patterns: embedPatterns(m[1] ?? '') });
  }
  return out;
}

/**
 * The patterns of a `//go:embed` line's arguments as go/build reads them (parseGoEmbed in go/build/read.go):
 * separated by spaces, each bare or a Go string literal, "double-quoted" or `back-quoted`. A literal that does
 * not end is taken to the end of the line: it only widens what is kept.
 */
export function embedPatterns(args: string): string[] {
  const out: string[] = [];
  let s = args.trim();
  while (s !== '') {
    let p: string;
    if (s[0] === '`') {
      const end = s.indexOf('`', 1);
      p = end < 0 ? s.slice(1) : s.slice(1, end);
      s = end < 0 ? '' : s.slice(end + 1);
    } else if (s[0] === '"') {
      let i = 1;
      let v = '';
      for (; i < s.length && s[i] !== '"'; i++) {
        if (s[i] === '\\' && i + 1 < s.length) {
          const c = s[++i]!;
          v += c === 'n' ? '\n' : c === 't' ? '\t' : c;
        } else v += s[i];
      }
      p = v;
      s = s.slice(i + 1);
    } else {
      const end = s.search(/\s/);
      p = end < 0 ? s : s.slice(0, end);
      s = end < 0 ? '' : s.slice(end);
    }
    if (p !== '') out.push(p);
    s = s.trimStart();
  }
  return out;
}
