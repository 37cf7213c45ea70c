/**
 * Building the pane's DOM from data: every piece of text goes in as
 * textContent or an attribute value, never as HTML.
 */
type Attrs = Readonly<Record<string, string | boolean | undefined>>;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs?: Attrs,
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K];
export function h(
  doc: Document,
  tag: string,
  attrs?: Attrs,
  ...children: (Node | string | null | undefined)[]
): HTMLElement;
export function h(
  doc: Document,
  tag: string,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    el.append(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: (Node | string)[]): void {
  el.replaceChildren(...children);
}

export function byId<T extends HTMLElement = HTMLElement>(doc: Document, id: string): T {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`the pane's page has no #${id}`);
  return el as T;
}
