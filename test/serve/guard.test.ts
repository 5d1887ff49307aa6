// What heapscope serve lets through: its own Host and Origin only (the files it serves: test/runners/source-access.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedHost, allowedOrigin } from '../../src/serve/guard.js';

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
