// What each Go release's compiler can tell heapscope, by release. The runners choose flags from it and the join
// reads the output knowing what a silence means.

export interface GoRelease {
  major: number;
  minor: number;
}

export function parseGoVersion(v: string): GoRelease | null {
  const m = /^go(\d+)\.(\d+)/.exec(v);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

export function atLeast(version: string, minor: number): boolean {
  const v = parseGoVersion(version);
  return !!v && (v.major > 1 || v.minor >= minor);
}

/**
 * The first Go 1.x release whose walk pass reports, under -d=escapedebug=1, each interface conversion it
 * turned into static data (walk/convert.go dataWord, diagnose): from it on, an escaping conversion without
 * such a line is boxed by the runtime.
 */
export const ESCAPEDEBUG_SINCE = 25;

export function walkReportsConversions(goVersion: string): boolean {
  return atLeast(goVersion, ESCAPEDEBUG_SINCE);
}
