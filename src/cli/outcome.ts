// The one place outcomes become exit codes. Commands say how their work went; main() maps heapscope's own
// failures; bin/heapscope.js maps a bug (an exception heapscope did not expect) to 3. A signal exits 128 + its
// number (EXIT_ON_SIGNAL in runners/process-groups.ts, where the signal is handled).
import { EXIT } from '../errors/errors.js';

/** - ok: everything was done as asked; - partial: some packages or benchmarks failed, the rest is reported (for
 *  check: a violation); - fatal: the command could not do its job, though it reported what it could (exit 2). */
export type Outcome = 'ok' | 'partial' | 'fatal';

export function exitCode(o: Outcome | 'fatal'): number {
  return o === 'ok' ? EXIT.ok : o === 'partial' ? EXIT.partial : EXIT.fatal;
}

/** The exit status of an unexpected exception (a heapscope bug), documented beside the others. */
export const EXIT_BUG = 3;
