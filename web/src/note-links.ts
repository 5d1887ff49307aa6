// Notes name positions in their text ("inlined into F at zapcore/json_encoder.go:439:21"): each one in a file the
// report carries becomes a link that opens that line. A position in a file the report does not list stays text:
// the page never guesses a file (a bare "pool.go" could be any of several) nor asks for one it was not given.

import { linkButton } from './dom.js';
import type { App } from './state.js';

// A Go file's path (no spaces, colons or brackets), its line and maybe a column: `buffer/pool.go:37:9`.
const POSITION = /(?<![\w./-])((?:[\w.+~@-]+\/)*[\w.+~@-]+\.go):(\d+)(?::\d+)?/g;

/** The text split into strings and links, one link per position in a file the report has the source of. */
export function withPositionLinks(app: App, text: string): (Node | string)[] {
  const m = app.model;
  const out: (Node | string)[] = [];
  let last = 0;
  for (const match of text.matchAll(POSITION)) {
    const file = m.fileIndexByPath(match[1]!);
    if (file < 0 || !m.data.files[file]!.source) continue;
    const line = Number(match[2]);
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push(
      linkButton(match[0], () => app.go({ file, line }), {
        class: 'note-pos',
        testid: 'note-pos',
        'data-file': match[1],
        'data-line': line,
      }),
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
