// Builds DOM from data as text only: every string from the report goes through textContent or a text node, so
// nothing in the data can become markup.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = String(v);
      else if (k === 'testid') e.dataset.testid = String(v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(e, ...children);
  return e;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** A link-looking button: navigation happens in script, so no href ever carries data. */
export function linkButton(text: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { ...attrs, type: 'button', class: `link ${attrs.class ?? ''}`.trim() }, text);
  b.addEventListener('click', (ev) => {
    ev.stopPropagation();
    onClick();
  });
  return b;
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return el('section', { class: 'block' }, el('h3', null, title), ...children);
}

/**
 * A translated message with elements in it: `values` names each element's placeholder, so a sentence stays one
 * message (its words in the language's order) and still holds a link or a code span.
 */
export function withNodes(format: (values: Record<string, string>) => string, nodes: Record<string, Node>): Child[] {
  const marks = Object.fromEntries(Object.keys(nodes).map((k) => [k, `\u0000${k}\u0000`]));
  return format(marks)
    .split('\u0000')
    .map((part, i) => (i % 2 ? nodes[part] : part || null));
}

export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}
