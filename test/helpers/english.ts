// What is left of English prose in a text meant to be in another language: runs of three or more plain words
// (letters only, as sentences have), outside `code spans`. Go names, paths, flags, units, numbers and the
// compiler's own lines are not plain words or are removed by the caller; names heapscope keeps in English
// (Go, heapscope bench) are two words at most.
export function englishRuns(text: string, allow: readonly string[] = []): string[] {
  let rest = text.replace(/`[^`\n]*`/g, ' ');
  for (const a of allow) rest = rest.split(a).join(' ');
  return [...rest.matchAll(/(?<![\w./-])[A-Za-z][a-z]*(?:,? [A-Za-z][a-z]*){2,}(?![\w./(-])/g)].map((m) => m[0]);
}
