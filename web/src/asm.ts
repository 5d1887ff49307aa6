// The assembly of the selected site's function: its instructions, the selected line's highlighted, and the calls
// into the runtime's allocator with what they allocate.

import { el, withNodes } from './dom.js';
import { t } from './i18n.js';
import { fetchJson } from './data.js';
import type { Model } from './model.js';
import type { App } from './state.js';

interface AsmListing {
  symbol: string;
  instructions: [string | null, number, string][];
  calls: { index: number; runtime: string; type: string; size: number | null; sizeClass: number | null }[];
}

/** The compiler's raw name of the function (what the assembly's symbols carry). */
function rawFunction(m: Model, site: number): string {
  const x = m.data.sites[site]!;
  return m.s(x.functionRaw ?? x.function);
}

function fromData(m: Model, site: number): AsmListing | null {
  const x = m.data.sites[site]!;
  const [file, line] = x.pos;
  const fn = rawFunction(m, site);
  const candidates = (m.data.asm ?? []).filter((f) => f.instructions.some((i) => i[0] === file && i[1] === line));
  const best = candidates.find((f) => m.s(f.symbol).endsWith(fn)) ?? candidates[0];
  if (!best) return null;
  return {
    symbol: m.s(best.symbol),
    instructions: best.instructions.map(([f, l, t]) => [f >= 0 ? m.filePath(f) : null, l, m.s(t)]),
    calls: best.calls.map((c) => ({ ...c, runtime: m.s(c.runtime), type: m.s(c.type) })),
  };
}

/** Paths from the server may be absolute where the page's are relative to the module root. */
const samePath = (a: string | null, b: string) => a !== null && (a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`));

export function asmPane(app: App): { element: HTMLElement; render(): void } {
  const body = el('div', { class: 'asm-body' });
  const element = el('div', { class: 'asm-pane', testid: 'asm-pane' }, el('h3', null, t('web.asm.title')), body);
  let shown = -2;
  let shownModel = app.model;
  let token = 0;
  const cache = new Map<string, Promise<AsmListing[]>>();

  function listing(fns: AsmListing[], path: string, line: number): void {
    const parts: HTMLElement[] = [];
    for (const f of fns) {
      const calls = new Map(f.calls.map((c) => [c.index, c]));
      parts.push(el('div', { class: 'asm-symbol' }, f.symbol));
      const pre = el('div', { class: 'asm-listing', tabindex: 0, role: 'region', 'aria-label': t('web.asm.label', { symbol: f.symbol }) });
      let first: HTMLElement | null = null;
      f.instructions.forEach(([file, l, text], i) => {
        const hit = l === line && samePath(file, path);
        const call = calls.get(i);
        const row = el(
          'div',
          { class: `asm-line${hit ? ' hit' : ''}${call ? ' call' : ''}`, testid: call ? 'asm-call' : undefined },
          el('span', { class: 'asm-ln' }, String(l)),
          el('span', { class: 'asm-text' }, text),
          call
            ? el(
                'span',
                { class: 'asm-alloc' },
                `${call.runtime}${call.type ? ` ${call.type}` : ''}${call.size !== null ? `, ${call.size} B` : ''}${call.sizeClass !== null ? t('web.asm.sizeClass', { n: call.sizeClass }) : ''}`,
              )
            : null,
        );
        if (hit && !first) first = row;
        pre.appendChild(row);
      });
      parts.push(pre);
      // Scrolls the listing only: scrollIntoView would also move the column and hide the site's headline.
      const target = first as HTMLElement | null;
      if (target) requestAnimationFrame(() => (pre.scrollTop = target.offsetTop - pre.clientHeight / 2));
    }
    body.replaceChildren(...parts);
  }

  async function show(site: number): Promise<void> {
    const m = app.model;
    const x = m.data.sites[site];
    if (!x) {
      body.replaceChildren();
      return;
    }
    const path = m.filePath(x.pos[0]);
    // A file and a playground result carry their assembly; serve's report asks for a package's when needed.
    if (app.mode === 'file' || app.mode === 'playground') {
      if (!m.data.asm) {
        // Name the flag: the listing is one more build, so analyze leaves it out unless asked.
        body.replaceChildren(
          el(
            'p',
            { class: 'note', testid: 'asm-hint' },
            ...withNodes((v) => t('web.asm.hint', v), {
              flag: el('code', null, '--asm'),
              command: el('code', null, 'heapscope analyze --format html --asm'),
              bench: el('code', null, 'heapscope bench --format html'),
              serve: el('code', null, 'heapscope serve'),
            }),
          ),
        );
        return;
      }
      const f = fromData(m, site);
      if (f) listing([f], path, x.pos[1]);
      else body.replaceChildren(el('p', { class: 'note' }, t('web.asm.noCall')));
      return;
    }
    const my = ++token;
    const q = new URLSearchParams({
      package: m.packagePath(x.package),
      function: rawFunction(m, site),
      g: String(m.data.generation ?? ''),
    });
    // The generation is part of the key: after an edit the same function's listing is another one.
    const key = q.toString();
    let p = cache.get(key);
    if (!p) {
      p = fetchJson<{ functions?: AsmListing[]; error?: string }>(`/api/asm?${key}`, { headers: { 'X-Heapscope': '1' } }).then((r) => {
        if (r.error) throw new Error(r.error);
        return r.functions ?? [];
      });
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    body.replaceChildren(el('p', { class: 'note' }, t('web.asm.loading')));
    try {
      const fns = await p;
      if (my !== token) return;
      if (!fns.length) body.replaceChildren(el('p', { class: 'note' }, t('web.asm.none')));
      else listing(fns, path, x.pos[1]);
    } catch (e) {
      if (my === token) body.replaceChildren(el('p', { class: 'error' }, t('web.asm.error', { error: (e as Error).message })));
    }
  }

  return {
    element,
    render() {
      if (app.sel.site === shown && shownModel === app.model) return;
      shown = app.sel.site;
      shownModel = app.model;
      if (shown < 0) {
        body.replaceChildren(el('p', { class: 'note' }, t('web.asm.select')));
        return;
      }
      void show(shown);
    },
  };
}
