// heapscope serve's HTTP side: the report page and its API over loopback. Every request is checked for its Host
// and Origin first (guard.ts); the only files served are Go files of the analysed packages (runners/source-access.ts),
// by their index in the current data.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { allowedHost, allowedOrigin } from './guard.js';
import { contentSecurityPolicy, servedPage, type PageAssets } from '../reporters/html/page.js';
import { encodeAnalysis } from '../reporters/html/encode.js';
import type { LiveAnalysis, LiveState } from './live-analysis.js';
import { checkSnippet, PlaygroundError, runSnippet } from './playground.js';
import { packageListings } from '../runners/package-asm.js';
import type { AsmListing } from '../model/alloc-types.js';
import { writeBody } from './write-body.js';
import { t } from '../i18n/t.js';

export interface ServeOptions {
  host: string;
  port: number;
  live: LiveAnalysis;
  dir: string;
  env: NodeJS.ProcessEnv;
  tags?: string;
  /** The bundled examples the playground offers: name → files. */
  examples: { name: string; files: Record<string, string> }[];
  title: string;
  assets: PageAssets;
}

const MAX_BODY = 512 * 1024;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(typeof body === 'string' ? {} : { 'Content-Length': String(body.length) }),
    ...extra,
  });
  if (typeof body === 'string') res.end(body);
  else writeBody(res, body);
}

const json = (res: ServerResponse, status: number, value: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new PlaygroundError(t('sweep.serve.tooLarge'), 413);
    chunks.push(c as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new PlaygroundError(t('sweep.serve.notJson'), 400);
  }
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Pushes the live state to every open page. */
  broadcast(s: LiveState): void;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const clients = new Set<ServerResponse>();
  const asmCache = new Map<string, Promise<{ listings: AsmListing[]; error: string | null }>>();
  const closing = new AbortController();
  let port = 0;
  // The current analysis's data, encoded once and shared by every request: megabytes for a large module.
  let data: { generation: number; body: Buffer } | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHost(req.headers.host, port)) return send(res, 421, 'text/plain; charset=utf-8', `${t('sweep.serve.otherHost')}\n`);
    if (!allowedOrigin(req.headers.origin, port)) return send(res, 403, 'text/plain; charset=utf-8', `${t('sweep.serve.crossOrigin')}\n`);
    // A page of another site can send a request without an Origin header only as a simple GET: no GET changes
    // state, the answers are not readable across origins, and the one GET that starts work (/api/asm) needs a
    // custom header, which such a page cannot send without a preflight.
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const live = o.live.current;
    const method = req.method ?? 'GET';
    // File indices and packages are those of one analysis: a page still holding an older one must reload first.
    const g = url.searchParams.get('g');
    if ((url.pathname === '/api/source' || url.pathname === '/api/asm') && g !== null && g !== String(live.generation))
      return json(res, 409, { error: t('serve.changed', { generation: live.generation }) });
    if (method === 'GET' && (url.pathname === '/' || url.pathname === '/playground')) {
      const mode = url.pathname === '/' ? 'serve' : 'playground';
      return send(res, 200, 'text/html; charset=utf-8', servedPage({ assets: o.assets, title: o.title, mode, lang: t.lang() }), {
        'Content-Security-Policy': contentSecurityPolicy(o.assets, "'self'"),
        'X-Frame-Options': 'DENY',
      });
    }
    if (method === 'GET' && url.pathname === '/api/data') {
      // The first analysis of a large module takes a while: the page's request waits for it rather than polling.
      if (!live.page) await o.live.start();
      if (!live.page) return json(res, 503, { error: live.message });
      if (data?.generation !== live.generation)
        data = { generation: live.generation, body: Buffer.from(JSON.stringify({ ...live.page.data, generation: live.generation })) };
      return send(res, 200, 'application/json; charset=utf-8', data.body);
    }
    if (method === 'GET' && url.pathname === '/api/source') {
      const given = url.searchParams.get('file') ?? '';
      const f = /^\d{1,9}$/.test(given) ? live.page?.files[Number(given)] : undefined;
      // Only a Go file of the analysed packages, whatever a //line directive made the compiler name.
      const real = f !== undefined ? (live.sources?.path(f) ?? null) : null;
      if (!real) return send(res, 404, 'text/plain; charset=utf-8', `${t('sweep.serve.noFile')}\n`);
      return send(res, 200, 'text/plain; charset=utf-8', await readFile(real));
    }
    if (method === 'GET' && url.pathname === '/api/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`event: status\ndata: ${JSON.stringify({ state: live.state, message: live.message })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (method === 'GET' && url.pathname === '/api/asm') {
      // It starts a build: a request another page could make without a preflight (no custom header) is refused.
      if (req.headers['x-heapscope'] !== '1') return json(res, 403, { error: t('serve.needHeader') });
      for (const k of asmCache.keys()) if (!k.startsWith(`${live.generation}\0`)) asmCache.delete(k);
      const pkg = url.searchParams.get('package') ?? '';
      const fn = url.searchParams.get('function') ?? '';
      const known = live.page?.data.packages.some((p) => live.page!.data.strings[p.path] === pkg);
      if (!known || !live.root) return json(res, 404, { error: t('serve.notPackage') });
      const key = `${live.generation}\0${pkg}`;
      let got = asmCache.get(key);
      if (!got) {
        got = packageListings({
          dir: o.dir,
          root: live.root,
          env: o.env,
          importPaths: [pkg],
          ...(o.tags ? { tags: o.tags } : {}),
          signal: closing.signal,
        });
        asmCache.set(key, got);
      }
      const r = await got;
      if (r.error && !r.listings.length) return json(res, 422, { error: r.error });
      const wanted = (sym: string): boolean => sym === `${pkg}.${fn}` || sym.startsWith(`${pkg}.${fn}.`) || sym.startsWith(`${pkg}.${fn}[`);
      return json(res, 200, {
        functions: r.listings
          .filter((l) => !fn || wanted(l.symbol))
          .map((l) => ({
            symbol: l.symbol,
            file: l.file,
            line: l.line,
            instructions: l.instructions.map((i) => [i.file || null, i.line, i.text]),
            calls: l.calls,
          })),
      });
    }
    if (method === 'GET' && url.pathname === '/api/examples') return json(res, 200, { examples: o.examples });
    if (method === 'POST' && url.pathname === '/api/playground') {
      // A form or a simple request from another page cannot send this type without a preflight, which fails.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return json(res, 415, { error: t('serve.needJson') });
      // A client that goes before its answer abandons the snippet, queued or building. The response's 'close' is
      // the connection's; the request's comes as soon as its body is read, before any of the work.
      const abort = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) abort.abort();
      });
      try {
        const { files, bench } = checkSnippet(await readBody(req));
        const stop = (): void => abort.abort();
        closing.signal.addEventListener('abort', stop, { once: true });
        const r = await runSnippet(files, bench, o.env, abort.signal).finally(() => closing.signal.removeEventListener('abort', stop));
        const enc = encodeAnalysis(r.model, { command: 'playground', hasSource: (f) => files.has(f) }, r.bench ?? undefined, r.listings);
        return json(res, 200, { data: enc.data, output: r.output, sources: enc.files.map((f) => files.get(f) ?? null) });
      } catch (e) {
        if (e instanceof PlaygroundError) return json(res, e.status, { error: e.message });
        throw e;
      }
    }
    send(res, 404, 'text/plain; charset=utf-8', `${t('sweep.serve.notFound')}\n`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { error: e instanceof Error ? e.message : String(e) });
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host, () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/`,
    server,
    broadcast(s) {
      const msg =
        `event: status\ndata: ${JSON.stringify({ state: s.state, message: s.message })}\n\n` +
        (s.state === 'ready' ? `event: update\ndata: ${JSON.stringify({ generation: s.generation })}\n\n` : '');
      for (const c of clients) c.write(msg);
    },
    close() {
      closing.abort();
      for (const c of clients) c.end();
      return new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
    },
  };
}
