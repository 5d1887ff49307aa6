// The right column: everything the report knows about the selected decision, each position a link to its line.

import type { PagePos, PageSite } from '../../src/reporters/html/page-data.js';
import { el, fill, linkButton, section } from './dom.js';
import { causeId, costText, headline } from './format.js';
import type { Model } from './model.js';
import { withPositionLinks } from './note-links.js';
import type { App } from './state.js';

const KIND: Record<PageSite['kind'], string> = {
  'moved-to-heap': 'variable moved to the heap',
  escapes: 'value escapes to the heap',
  'does-not-escape': 'does not escape',
  'leaking-param': 'parameter leaks',
  'leaking-param-content': 'parameter content leaks',
  'leaking-param-to-result': 'parameter leaks to a result',
};

export function siteDetail(app: App): { element: HTMLElement; render(): void } {
  const element = el('div', { class: 'site-detail', testid: 'site-detail' });
  let shown = -2;
  let shownModel = app.model;

  const posLink = (m: Model, p: PagePos, testid?: string, text?: string) =>
    linkButton(text ?? m.posText(p), () => app.go({ file: p[0], line: p[1] }), {
      testid,
      'data-file': m.filePath(p[0]),
      'data-line': p[1],
    });

  function causeBlock(m: Model, c: number, title: string): HTMLElement | null {
    const cause = m.data.causes[c];
    if (!cause) return null;
    return section(
      title,
      el('div', { class: 'cause-title' }, el('span', { class: 'cause-id' }, m.s(cause.id)), ' ', m.s(cause.title)),
      el('p', null, m.s(cause.summary)),
      m.s(cause.explanation) ? el('p', { class: 'explanation' }, m.s(cause.explanation)) : null,
      m.s(cause.fix) ? el('p', { class: 'fix' }, el('strong', null, 'Fix: '), m.s(cause.fix)) : null,
    );
  }

  function render(i: number): void {
    const m = app.model;
    const linked = (t: number | undefined) => withPositionLinks(app, m.s(t));
    const x = m.site(i);
    if (!x) {
      element.replaceChildren(el('p', { class: 'empty' }, 'No site selected.'));
      return;
    }
    const raw = [
      x.functionRaw !== undefined ? `function ${m.s(x.functionRaw)}` : '',
      x.exprRaw !== undefined ? `expression ${m.s(x.exprRaw)}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const instances = m.groupOf(i).filter((j) => j !== i);
    const fnNames = new Set([m.s(x.function), m.s(x.functionRaw)].filter(Boolean));
    const inlined = m.data.inlined.filter((c) => (c.pos[0] === x.pos[0] && c.pos[1] === x.pos[1]) || fnNames.has(m.s(c.callee)));
    fill(
      element,
      el('h2', { class: `headline ${x.heap ? 'heap' : 'stack'}`, testid: 'site-headline' }, headline(m, x)),
      el(
        'dl',
        { class: 'facts' },
        el('dt', null, 'function'),
        el('dd', null, m.s(x.function)),
        el('dt', null, 'kind'),
        el('dd', null, KIND[x.kind]),
        el('dt', null, 'at'),
        el('dd', null, posLink(m, x.pos)),
        el('dt', null, 'package'),
        el('dd', null, m.packagePath(x.package)),
        x.cost ? el('dt', null, 'cost') : null,
        x.cost ? el('dd', { testid: 'site-cost' }, costText(m, x)) : null,
        x.allocates ? el('dt', null, 'allocates') : null,
        x.allocates ? el('dd', null, x.allocates, x.allocatesReason !== undefined ? ': ' : '', ...linked(x.allocatesReason)) : null,
        x.cold ? el('dt', null, 'cold') : null,
        x.cold ? el('dd', null, ...linked(x.cold)) : null,
        x.inlinedFrom !== undefined ? el('dt', null, 'inlined from') : null,
        x.inlinedFrom !== undefined ? el('dd', null, m.s(x.inlinedFrom)) : null,
      ),
      causeBlock(m, x.cause, 'Cause'),
      x.detail !== undefined ? el('p', { class: 'detail' }, ...linked(x.detail)) : null,
      x.notes?.length ? section('Notes', el('ul', null, ...x.notes.map((n) => el('li', null, ...linked(n))))) : null,
      x.flow.length
        ? section(
            "The compiler's flow",
            el(
              'ol',
              { class: 'flow' },
              ...flowSteps(m, x).map((g) =>
                el(
                  'li',
                  null,
                  el('div', { class: 'edge' }, g.edge),
                  el(
                    'ul',
                    null,
                    ...g.steps.map((s) =>
                      el(
                        'li',
                        null,
                        posLink(
                          m,
                          s.pos,
                          'chain-step',
                          `${m.s(s.text)}${m.s(s.reason) ? ` (${m.s(s.reason)})` : ''} at ${m.posText(s.pos)}`,
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
            x.truncated ? el('p', { class: 'note' }, 'The flow is longer; the compiler printed only its start.') : null,
          )
        : null,
      x.chain?.length
        ? section(
            'Chain of heap decisions to the root',
            el(
              'ol',
              { class: 'chain' },
              ...x.chain.map((c) =>
                el(
                  'li',
                  null,
                  c.site >= 0
                    ? linkButton(`${m.s(c.expr)} in ${m.s(c.function)}`, () => app.go({ site: c.site }), {
                        testid: 'chain-site',
                        'data-site-id': m.siteId(c.site),
                      })
                    : el('span', null, `${m.s(c.expr)} in ${m.s(c.function)}`),
                  ' ',
                  posLink(m, c.pos),
                  c.cause >= 0 ? el('span', { class: 'cause-id' }, causeId(m, c.cause)) : null,
                ),
              ),
            ),
          )
        : null,
      x.rootCause >= 0 && x.rootCause !== x.cause ? causeBlock(m, x.rootCause, 'Root cause') : null,
      instances.length
        ? section(
            `Instances (${instances.length + 1})`,
            el(
              'ul',
              null,
              ...instances.slice(0, 100).map((j) =>
                el(
                  'li',
                  null,
                  linkButton(m.s(m.data.sites[j]!.function), () => app.go({ site: j })),
                ),
              ),
            ),
          )
        : null,
      inlined.length
        ? section(
            'Inlined calls',
            el(
              'ul',
              null,
              ...inlined.slice(0, 100).map((c) => el('li', null, `${m.s(c.callee)} into ${m.s(c.caller)} at `, posLink(m, c.pos))),
            ),
            inlined.length > 100 ? el('p', { class: 'note' }, `and ${inlined.length - 100} more`) : null,
          )
        : null,
      raw ? el('p', { class: 'raw' }, `compiler's names: ${raw}`) : null,
      el('p', { class: 'raw' }, `id ${m.siteId(i)}`),
    );
  }

  return {
    element,
    render() {
      const i = app.sel.site;
      if (i === shown && shownModel === app.model) return;
      shown = i;
      shownModel = app.model;
      render(i);
      if (i >= 0) performance.mark('heapscope:site-shown');
    },
  };
}

/** The flow's notes under the edge (dst ← src) they belong to, in order. */
function flowSteps(m: Model, x: PageSite): { edge: string; steps: PageSite['flow'] }[] {
  const out: { edge: string; steps: PageSite['flow'] }[] = [];
  for (const s of x.flow) {
    const edge = `${m.s(s.dst)} ← ${m.s(s.src)}`;
    const last = out[out.length - 1];
    if (last && last.edge === edge) last.steps.push(s);
    else out.push({ edge, steps: [s] });
  }
  return out;
}
