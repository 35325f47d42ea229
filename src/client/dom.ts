/**
 * DOM helpers for the sidebars. Text from the workbook (names, motifs, comments) only ever goes
 * through textContent or option values, never innerHTML: `<img src=x onerror=…>` shows as text.
 */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Élément #${id} absent de la page.`);
  return node as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) node.appendChild(child);
  return node;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function setText(node: Element, text: string): void {
  node.textContent = text;
}

export interface Choice {
  value: string;
  label: string;
}

/** Replaces a select's options; an empty first option when `placeholder` is given. */
export function fillSelect(select: HTMLSelectElement, choices: readonly Choice[], placeholder?: string): void {
  clear(select);
  if (placeholder !== undefined) select.appendChild(el('option', { text: placeholder, attrs: { value: '' } }));
  for (const choice of choices) select.appendChild(el('option', { text: choice.label, attrs: { value: choice.value } }));
}

export const same = (values: readonly string[]): Choice[] => values.map((v) => ({ value: v, label: v }));

/** `2026-03-05` → `05/03/2026` for display. */
export function dayFr(day: string | null): string {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
