// The one place outcomes become exit codes. Commands say how their work went; main() maps heapscope's own
// failures; bin/heapscope.js maps a bug (an exception heapscope did not expect) to 3. A signal exits 128 + its
// number (EXIT_ON_SIGNAL in runners/process-groups.ts, where the signal is handled).
import { EXIT } from '../errors/errors.js';

/** How a command's work went: the engine's outcome (pipeline/options.ts). */
export type { Outcome } from '../pipeline/options.js';
import type { Outcome } from '../pipeline/options.js';

export function exitCode(o: Outcome | 'fatal'): number {
  return o === 'ok' ? EXIT.ok : o === 'partial' ? EXIT.partial : EXIT.fatal;
}

/** The exit status of an unexpected exception (a heapscope bug), documented beside the others. */
export const EXIT_BUG = 3;
