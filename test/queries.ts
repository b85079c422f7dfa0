/**
 * Queries that find what a person sees, through every shadow root: a control by its label's text,
 * an element by role and accessible name, text anywhere. Small on purpose: they read labels,
 * `aria-labelledby`, `aria-label` and text content, which is all these elements use.
 */

type Matcher = string | RegExp;

function matches(text: string, matcher: Matcher): boolean {
  const normalised = text.replace(/\s+/g, ' ').trim();
  return typeof matcher === 'string' ? normalised === matcher : matcher.test(normalised);
}

/** Every element under `root`, descending into open shadow roots (and slotted content once). */
export function allElements(root: ParentNode = document): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const element of Array.from(node.querySelectorAll('*'))) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** Whether a person can see `element` (not hidden by `hidden`, display or visibility). */
export function isVisible(element: Element): boolean {
  return element.checkVisibility?.({ visibilityProperty: true }) ?? true;
}

/** The text a label-like element shows, without visually hidden helper text and aria-hidden markers. */
function shownText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
  return clone.textContent ?? '';
}

/** The accessible name of `element`, as far as these elements need it. */
export function accessibleName(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => shownText(root.getElementById(id) ?? document.createElement('span')))
      .join(' ');
  }
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel) return ariaLabel;
  if ('labels' in element && (element as HTMLInputElement).labels?.length) {
    return Array.from((element as HTMLInputElement).labels!).map(shownText).join(' ');
  }
  if (element.tagName === 'FIELDSET') return shownText(element.querySelector('legend') ?? element);
  return shownText(element);
}

const IMPLICIT_ROLES: Record<string, (element: Element) => boolean> = {
  button: (e) => e.tagName === 'BUTTON' || (e.tagName === 'INPUT' && ['button', 'submit'].includes((e as HTMLInputElement).type)),
  link: (e) => e.tagName === 'A' && e.hasAttribute('href'),
  heading: (e) => /^H[1-6]$/.test(e.tagName),
  checkbox: (e) => e.tagName === 'INPUT' && (e as HTMLInputElement).type === 'checkbox',
  radio: (e) => e.tagName === 'INPUT' && (e as HTMLInputElement).type === 'radio',
  textbox: (e) => e.tagName === 'INPUT' && ['text', 'email', 'tel', ''].includes((e as HTMLInputElement).type),
  group: (e) => e.tagName === 'FIELDSET',
  list: (e) => e.tagName === 'UL' || e.tagName === 'OL',
};

function hasRole(element: Element, role: string): boolean {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit === role;
  return IMPLICIT_ROLES[role]?.(element) ?? false;
}

/** Visible elements with `role` whose accessible name matches. */
export function queryAllByRole(role: string, name?: Matcher, root: ParentNode = document): HTMLElement[] {
  return allElements(root).filter(
    (element) => hasRole(element, role) && isVisible(element) && (name === undefined || matches(accessibleName(element), name)),
  ) as HTMLElement[];
}

/** The one visible element with `role` and a matching name; throws when there is none or several. */
export function getByRole(role: string, name?: Matcher, root: ParentNode = document): HTMLElement {
  const found = queryAllByRole(role, name, root);
  if (found.length !== 1) throw new Error(`Expected one ${role} named ${String(name)}, found ${found.length}`);
  return found[0]!;
}

/** Visible form controls whose label (or aria-labelledby) text matches. */
export function queryAllByLabel(label: Matcher, root: ParentNode = document): HTMLElement[] {
  return allElements(root).filter(
    (element) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName) && matches(accessibleName(element), label),
  ) as HTMLElement[];
}

/** The one control labelled `label`; throws when there is none or several. */
export function getByLabel<T extends HTMLElement = HTMLInputElement>(label: Matcher, root: ParentNode = document): T {
  const found = queryAllByLabel(label, root);
  if (found.length !== 1) throw new Error(`Expected one control labelled ${String(label)}, found ${found.length}`);
  return found[0] as T;
}

/** The control labelled `label`, or `undefined`. */
export function queryByLabel<T extends HTMLElement = HTMLInputElement>(label: Matcher, root: ParentNode = document): T | undefined {
  return queryAllByLabel(label, root)[0] as T | undefined;
}

/** Visible leaf-ish elements whose own text matches. */
export function queryAllByText(text: Matcher, root: ParentNode = document): HTMLElement[] {
  return allElements(root).filter(
    (element) =>
      isVisible(element) &&
      !['STYLE', 'SCRIPT'].includes(element.tagName) &&
      matches(element.textContent ?? '', text) &&
      !Array.from(element.children).some((child) => matches(child.textContent ?? '', text)),
  ) as HTMLElement[];
}

/** The text of everything a person sees under `root`, shadow roots included, roughly in order. */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && isVisible(parent)) parts.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element && (node.tagName === 'STYLE' || !isVisible(node))) return;
    if (node instanceof HTMLSlotElement) {
      node.assignedNodes().forEach(walk);
      return;
    }
    const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    children.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}
