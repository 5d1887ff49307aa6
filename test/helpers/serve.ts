// A heapscope serve child for the end-to-end tests, and plain HTTP calls to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { cliPath } from './paths.js';
import { testCache } from './cli.js';
import type { PageData } from '../../src/reporters/html/page-data.js';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function call(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

/** Starts `heapscope serve -C dir [args]` with temporary files under tmp; resolves with the URL it prints first. */
export async function startServe(
  dir: string,
  tmp: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cliPath, 'serve', '-C', dir, ...args], {
    env: { ...process.env, HEAPSCOPE_CACHE: testCache, TMPDIR: tmp, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const first = await new Promise<string>((ok) => createInterface({ input: child.stdout! }).once('line', ok));
  return { url: first, child };
}

export async function waitReady(url: string): Promise<PageData> {
  for (let i = 0; i < 600; i++) {
    const r = await call(`${url}api/data`);
    if (r.status === 200) return JSON.parse(r.body) as PageData;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('no data after 60 s');
}
