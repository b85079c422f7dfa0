/**
 * Tag registration for the element entry points (`…/apply-wizard`, `…/company-form`, …). The classes
 * themselves (`…/<name>/component`) never register anything, so a host may define them under its own tag.
 */

/** This package's version; test/package/entries.test.ts keeps it equal to package.json's. */
export const PACKAGE_VERSION = '0.1.0';

/** A registered class of ours carries the version of the copy of the package it came from. */
type VersionedElement = CustomElementConstructor & { version?: string };

/** One warning per copy of the package, not one per tag. */
let warned = false;

/**
 * Defines `tag` unless it is defined already. A tag defined by another copy of this package (an app
 * and a micro-frontend each bundling theirs) keeps the first definition, as the browser requires, but
 * a copy of another version warns (once, whatever the number of tags), as Shoelace does: its elements would silently be the other
 * version's otherwise.
 *
 * @example
 * defineElement('cec-company-form', CecCompanyForm);
 */
export function defineElement(tag: string, element: VersionedElement): void {
  Object.defineProperty(element, 'version', { value: PACKAGE_VERSION, configurable: true });
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element && existing.version !== PACKAGE_VERSION && !warned) {
    warned = true;
    console.warn(
      `<${tag}> is already defined by version ${existing.version ?? 'unknown'} of @cectrust/light-apply; version ${PACKAGE_VERSION} was not registered. Load one copy of the package.`,
    );
  }
}
