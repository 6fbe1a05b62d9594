/**
 * A JSX runtime that renders straight to an HTML string, for MDX evaluated outside React.
 * Route handlers run under the `react-server` condition where `react-dom/server` is refused, and
 * a prerendered lesson needs plain HTML: this renders the same MDX to the same markup.
 */

export type Html = { readonly __html: string };
type Child = Html | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
export type Component = (props: Props) => Html;

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ATTRIBUTE_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for' };

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const html = (raw: string): Html => ({ __html: raw });

export function renderChildren(child: Child): string {
  if (child === null || child === undefined || typeof child === 'boolean') return '';
  if (Array.isArray(child)) return child.map(renderChildren).join('');
  if (typeof child === 'object') return child.__html;
  return escapeHtml(String(child));
}

function attributes(props: Props) {
  let out = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'key' || value === null || value === undefined || value === false) continue;
    // Event handlers and objects (style) have no place in a prerendered lesson.
    if (/^on[A-Z]/.test(name) || typeof value === 'object' || typeof value === 'function') continue;
    const attr = ATTRIBUTE_NAMES[name] ?? name;
    if (!/^[a-zA-Z][a-zA-Z0-9:-]*$/.test(attr)) continue;
    out += value === true ? ` ${attr}` : ` ${attr}="${escapeHtml(String(value))}"`;
  }
  return out;
}

export function Fragment(props: Props): Html {
  return html(renderChildren(props.children));
}

export function jsx(type: string | Component, props: Props): Html {
  if (typeof type === 'function') return type(props);
  if (!/^[a-z][a-z0-9-]*$/.test(type)) throw new Error(`Unsupported element <${type}> in lesson content`);
  if (VOID.has(type)) return html(`<${type}${attributes(props)}>`);
  return html(`<${type}${attributes(props)}>${renderChildren(props.children)}</${type}>`);
}

export const jsxs = jsx;
