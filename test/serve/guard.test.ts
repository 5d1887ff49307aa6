// What heapscope serve lets through: its own Host and Origin only, and files inside the module after symlinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowedHost, allowedOrigin, insideRoot } from '../../src/serve/guard.js';
import { tempDir } from '../helpers/cli.js';

test('Host: a loopback name with the server port, nothing else (DNS rebinding)', () => {
  assert.ok(allowedHost('127.0.0.1:8080', 8080));
  assert.ok(allowedHost('localhost:8080', 8080));
  assert.ok(allowedHost('[::1]:8080', 8080));
  assert.ok(!allowedHost('127.0.0.1:8081', 8080));
  assert.ok(!allowedHost('evil.example:8080', 8080));
  assert.ok(!allowedHost('127.0.0.1', 8080));
  assert.ok(!allowedHost(undefined, 8080));
  assert.ok(!allowedHost('127.0.0.1.evil.example:8080', 8080));
});

test('Origin: absent or this server', () => {
  assert.ok(allowedOrigin(undefined, 9000));
  assert.ok(allowedOrigin('http://127.0.0.1:9000', 9000));
  assert.ok(!allowedOrigin('http://127.0.0.1:9001', 9000));
  assert.ok(!allowedOrigin('https://127.0.0.1:9000', 9000));
  assert.ok(!allowedOrigin('null', 9000));
  assert.ok(!allowedOrigin('http://evil.example', 9000));
});

test('files: inside the module after resolving symlinks; traversal and links out refused', () => {
  const root = tempDir('heapscope-guard-');
  const outside = tempDir('heapscope-guard-out-');
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'sub', 'a.go'), 'package sub\n');
  writeFileSync(join(outside, 'secret.go'), 'secret\n');
  symlinkSync(join(outside, 'secret.go'), join(root, 'link.go'));
  symlinkSync(outside, join(root, 'dirlink'));
  assert.equal(insideRoot(root, 'sub/a.go'), realpathSync(join(root, 'sub', 'a.go')));
  assert.equal(insideRoot(root, join(root, 'sub/a.go')), realpathSync(join(root, 'sub', 'a.go')));
  assert.equal(insideRoot(root, '../' + outside.split('/').pop() + '/secret.go'), null);
  assert.equal(insideRoot(root, 'sub/../../etc/passwd'), null);
  assert.equal(insideRoot(root, '/etc/passwd'), null);
  assert.equal(insideRoot(root, 'link.go'), null);
  assert.equal(insideRoot(root, 'dirlink/secret.go'), null);
  assert.equal(insideRoot(root, 'missing.go'), null);
  assert.equal(insideRoot(root, ''), null);
});
