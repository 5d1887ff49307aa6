#!/usr/bin/env node
// Entry point: wires the real process to main(); an unexpected exception is a heapscope bug.
// No V8 flags here: set from code once Node runs, --max-semi-space-size (64 was set here) is ignored, as V8
// sizes the young generation when it starts (its new space stayed at 2 x 16 MiB); src/pipeline/collect.ts keeps
// the old generation in check between phases instead.
const { main, internalErrorLine } = await import('../dist/src/bundle/main.js');

// A reader that goes away (`heapscope analyze | head`) ends heapscope quietly, as it ends the go command: Go dies of
// SIGPIPE, which a shell reports as 141; Node ignores the signal and reports EPIPE on the stream instead. The exit
// hooks still remove temporary files and end the children's process groups.
const EXIT_SIGPIPE = 128 + 13;
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(EXIT_SIGPIPE);
    throw e;
  });

const write = (stream) => (s) => stream.write(s);
main(process.argv.slice(2), {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  stdoutTTY: !!process.stdout.isTTY,
  stderrTTY: !!process.stderr.isTTY,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    // Exit as soon as the output is flushed: tearing down a heap of several hundred MiB for std costs
    // a third of a second and serves nothing.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  (e) => {
    process.stderr.write(internalErrorLine(e));
    if (process.env.HEAPSCOPE_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
    process.exitCode = 3; // EXIT_BUG (src/cli/outcome.ts)
  },
);
