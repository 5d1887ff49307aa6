// Which files of a commit heapscope diff unpacks: what the go command reads to compile the commit's packages, and
// nothing else (a repository's 150 MB test video is not unpacked for every commit diffed). Pure: the tree's listing
// and its `//go:embed` lines in, the paths out.
//
// Chosen over running `go list -json=EmbedFiles` in a first, Go-only tree: that needs the module's dependencies
// (it may go to the network, and costs a go command per module), while the patterns are in the Go files already
// and the tree's listing says which files they match. What a pattern matches is widened, never narrowed: a
// directory it names is kept whole (the go command leaves out its `.` and `_` files), a pattern that does not
// parse keeps its package's whole directory. A file too many costs a few bytes; a file too few, a build error.

/** A file of a commit's tree, as `git ls-tree -r -l` lists it. */
export interface TreeEntry {
  mode: string;
  type: 'blob' | 'commit' | 'tree';
  /** Bytes; 0 for a submodule. */
  size: number;
  /** Relative to the top of the repository, with `/`. */
  path: string;
}

/** A `//go:embed` line: the Go file it is in and the patterns it names. */
export interface EmbedDirective {
  file: string;
  patterns: string[];
}

/**
 * The files besides embedded ones that the go command reads: Go and module files, and what a package compiles
 * with its Go files (assembly: a function declared without a body has it there; cgo's C, C++, Fortran and
 * Objective-C files and headers; SWIG and .syso objects), vendor/modules.txt (which makes -mod=vendor the
 * default) and default.pgo (a main package's profile, which changes inlining).
 */
const SOURCE = /\.(go|s|S|sx|c|h|hh|hpp|hxx|cc|cpp|cxx|m|f|F|for|f90|syso|swig|swigcxx)$/;
const NAMED = /(^|\/)(go\.mod|go\.sum|go\.work|go\.work\.sum|default\.pgo|vendor\/modules\.txt)$/;

export interface RevisionFiles {
  /** Paths to unpack, relative to the top of the repository, sorted. */
  files: string[];
  /** Their bytes. */
  bytes: number;
  /** Where the tree has a submodule, whose files git archive does not hold. */
  submodules: string[];
}

/** A character escaped for a regular expression with the u flag (which allows `\-` only in a class). */
const esc = (c: string, inClass = false): string => c.replace(inClass ? /[\\^$.*+?()[\]{}|/-]/g : /[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Go's path.Match for one path element as a regular expression; null when the pattern is malformed. */
export function elementPattern(p: string): RegExp | null {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      if (++i >= p.length) return null;
      re += esc(p[i]!);
    } else if (c === '[') {
      let cls = '[';
      i++;
      if (p[i] === '^') {
        cls += '^';
        i++;
      }
      let n = 0;
      for (; i < p.length && (p[i] !== ']' || n === 0); i++, n++) {
        let ch = p[i]!;
        if (ch === '\\') {
          if (++i >= p.length) return null;
          ch = p[i]!;
        }
        cls += ch === '-' && n > 0 && p[i + 1] !== ']' ? '-' : esc(ch, true);
      }
      if (i >= p.length) return null;
      re += cls + ']';
    } else re += esc(c);
  }
  try {
    return new RegExp(`^${re}$`, 'u');
  } catch {
    return null;
  }
}

/** An embed pattern of the package in dir, one test per path element (null: any name). */
interface Pattern {
  dir: string;
  parts: (RegExp | null)[];
}

/** Whether the pattern keeps the file at path: it matches the file, or a directory above it (whose files it embeds). */
function embeds(p: Pattern, path: string): boolean {
  const rel = p.dir === '' ? path : path.startsWith(p.dir + '/') ? path.slice(p.dir.length + 1) : null;
  if (rel === null) return false;
  const names = rel.split('/');
  return p.parts.length <= names.length && p.parts.every((re, i) => re === null || re.test(names[i]!));
}

export function revisionFiles(entries: TreeEntry[], directives: EmbedDirective[]): RevisionFiles {
  const patterns: Pattern[] = directives.flatMap((d) =>
    d.patterns.map((p) => ({
      dir: d.file.includes('/') ? d.file.slice(0, d.file.lastIndexOf('/')) : '',
      parts: p.replace(/^all:/, '').split('/').map(elementPattern),
    })),
  );
  const files: string[] = [];
  const submodules: string[] = [];
  let bytes = 0;
  for (const e of entries) {
    if (e.type === 'commit') {
      submodules.push(e.path);
      continue;
    }
    if (e.type !== 'blob') continue;
    const keep = SOURCE.test(e.path) || NAMED.test(e.path) || patterns.some((p) => embeds(p, e.path));
    if (!keep) continue;
    files.push(e.path);
    bytes += e.size;
  }
  return { files: files.sort(), bytes, submodules: submodules.sort() };
}
