// Model positions name files relative to the analysed module's root (absolute outside it); the editor names them by
// URI. One place converts.

import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const absOf = (root: string, file: string): string => (isAbsolute(file) ? file : join(root, file));
export const modelFileOf = (root: string, abs: string): string => {
  const r = relative(root, abs);
  return r.startsWith('..') || isAbsolute(r) ? abs : r.split(sep).join('/');
};
export const uriOf = (abs: string): string => pathToFileURL(abs).href;
export const pathOf = (uri: string): string | null => (uri.startsWith('file:') ? fileURLToPath(uri) : null);

export function readText(abs: string): string | null {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return null;
  }
}
