// Where a report goes: a page is refused on a terminal; a file appears whole, at commit, or not at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { openOutput } from '../../src/cli/output.js';
import { UsageError } from '../../src/errors/errors.js';
import type { CliIO } from '../../src/cli/terminal.js';
import { tempDir } from '../helpers/cli.js';

const io = (tty: boolean, cwd: string): CliIO => ({ stdout: () => {}, stderr: () => {}, stdoutTTY: tty, stderrTTY: false, env: {}, cwd });

test('html to a terminal is a usage error; text to a terminal is fine', () => {
  assert.throws(
    () => openOutput(io(true, '/'), undefined, 'html'),
    (e) => e instanceof UsageError && /-o FILE/.test(e.hint ?? ''),
  );
  assert.equal(openOutput(io(true, '/'), undefined, 'text').tty, true);
  assert.equal(openOutput(io(false, '/'), '-', 'html').tty, false);
});

test('-o FILE: nothing at the name until commit, then the whole report; relative to the working directory', () => {
  const dir = tempDir('heapscope-output-');
  const out = openOutput(io(true, dir), 'r.html', 'html');
  assert.equal(out.tty, false);
  out.write('<!doctype html>');
  out.write(Buffer.from('\n<p>é</p>\n'));
  assert.ok(!existsSync(join(dir, 'r.html')));
  out.commit();
  assert.equal(readFileSync(join(dir, 'r.html'), 'utf8'), '<!doctype html>\n<p>é</p>\n');
  assert.deepEqual(readdirSync(dir), ['r.html']);
});

test('-o naming a directory is a usage error before any work', () => {
  const dir = tempDir('heapscope-output-dir-');
  assert.throws(
    () => openOutput(io(false, dir), '.', 'json'),
    (e) => e instanceof UsageError && /is a directory/.test(e.message),
  );
});

test('-o naming a pipe or a symbolic link: written through, never replaced (a rename over /dev/null would replace the device)', () => {
  const dir = tempDir('heapscope-output-special-');
  const fifo = join(dir, 'fifo');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  // A reader first, so opening the pipe for writing does not wait.
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const out = openOutput(io(false, dir), 'fifo', 'json');
  out.write('{"a":1}\n');
  out.commit();
  const buf = Buffer.alloc(64);
  const n = readSync(reader, buf, 0, 64, null);
  closeSync(reader);
  assert.equal(buf.subarray(0, n).toString(), '{"a":1}\n');
  assert.ok(lstatSync(fifo).isFIFO(), 'still a pipe');

  writeFileSync(join(dir, 'real.json'), 'old');
  symlinkSync('real.json', join(dir, 'link.json'));
  const viaLink = openOutput(io(false, dir), 'link.json', 'json');
  viaLink.write('new');
  viaLink.commit();
  assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink(), 'the link is kept');
  assert.equal(readFileSync(join(dir, 'real.json'), 'utf8'), 'new');
  assert.deepEqual(readdirSync(dir).sort(), ['fifo', 'link.json', 'real.json']);
});
