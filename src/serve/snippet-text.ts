// The playground's snippet as files: the editor's text split at txtar-style `-- name --` header lines (text with
// no header is main.go), and the checks every file of a snippet passes before anything is written to disk. Pure:
// the page splits with it to show the files it sent, the server to check what it is sent.

/** Why the playground does not take a file of a snippet. The server words it (serve.snippet.<problem>, in its
 *  language); this module stays free of the catalogues, since the page bundles it. */
export type SnippetProblem = 'long' | 'path' | 'notGo' | 'hidden' | 'chars' | 'twiceMain' | 'twice' | 'notText';

/** A snippet the playground does not take: the file and the problem. */
export class SnippetError extends Error {
  constructor(
    readonly file: string,
    readonly problem: SnippetProblem,
  ) {
    super(`${shownName(file)}: ${problem}`);
  }
}

export const NAME_BYTES = 100;

/** The name in a message: quoted, control characters escaped, a long one cut. */
export function shownName(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

/**
 * Why `name` cannot be a file of a snippet, or null when it can. Every file is in the module's one directory (so
 * no name can clash with a directory another makes); a .go file, or go.mod, named with the characters the go
 * command takes in module file names less its spaces and shell characters.
 */
export function fileNameProblem(name: string): SnippetProblem | null {
  if (new TextEncoder().encode(name).length > NAME_BYTES) return 'long';
  if (name.includes('/') || name.includes('\\')) return 'path';
  if (name === 'go.mod') return null;
  if (!name.endsWith('.go')) return 'notGo';
  if (/^[._]/.test(name)) return 'hidden';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(name)) return 'chars';
  return null;
}

const HEADER = /^-- (.+?) --[ \t]*$/gm;

/**
 * The files of the editor's text. Text with no header is main.go; so is text before the first header unless it
 * is blank. A name given twice, or a name the playground does not take, is a SnippetError.
 */
export function splitSnippet(text: string): Map<string, string> {
  const marks = [...text.matchAll(HEADER)];
  const files = new Map<string, string>();
  const add = (name: string, body: string): void => {
    const problem = fileNameProblem(name);
    if (problem) throw new SnippetError(name, problem);
    if (files.has(name)) throw new SnippetError(name, preamble && name === 'main.go' ? 'twiceMain' : 'twice');
    files.set(name, body);
  };
  const before = text.slice(0, marks[0]?.index ?? text.length);
  const preamble = !marks.length || before.trim() !== '';
  if (preamble) add('main.go', before);
  marks.forEach((mk, i) => {
    const start = mk.index + mk[0].length + 1;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : text.length;
    add(mk[1]!.trim(), text.slice(Math.min(start, end), end));
  });
  return files;
}

const IMPORT_C = /^[ \t]*import[ \t]+"C"|^[ \t]*import[ \t]*\([^)]*^[ \t]*"C"[ \t]*(?:\/\/.*)?$/m;

/** The first .go file that uses cgo (`import "C"`), which a build with CGO_ENABLED=0 leaves out without a word. */
export function cgoFile(files: Map<string, string>): string | null {
  for (const [name, text] of files) if (name.endsWith('.go') && IMPORT_C.test(text)) return name;
  return null;
}

/** A .go file that is not a test: without one, go build (the assembly) has nothing to build. */
export const hasNonTestCode = (files: Map<string, string>): boolean =>
  [...files.keys()].some((n) => n.endsWith('.go') && !n.endsWith('_test.go'));
