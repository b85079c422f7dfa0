/**
 * custom-elements.json tells the truth: for every element the package exports (scripts/element-entries.mjs),
 * the CSS custom properties its styles read are exactly those the manifest lists, and every part and
 * slot its shadow root shows — at first, and with every error shown after `validate()` — is listed.
 * `npm test` runs the analyzer before this test (`npm run analyze` makes the manifest).
 */
import { expect, fixture } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { ELEMENT_ENTRIES } from '../../scripts/element-entries.mjs';

interface Declaration {
  tagName?: string;
  cssProperties?: Array<{ name: string }>;
  cssParts?: Array<{ name: string }>;
  slots?: Array<{ name: string }>;
}

/** Attributes an element needs to render its usual content. */
const ATTRIBUTES: Record<string, string> = {
  'cec-completion': 'receipt-number="2401260002" email="yamaguchi@example.com"',
  'cec-apply-wizard': 'endpoint="/manifest-test-api" token="manifest-token" no-resume',
};

/** The parts and slots shown by the element's shadow root now. */
function shown(element: Element): { parts: Set<string>; slots: Set<string> } {
  const root = element.shadowRoot!;
  const parts = new Set([...root.querySelectorAll('[part]')].flatMap((node) => [...(node as Element).part]));
  const slots = new Set([...root.querySelectorAll('slot')].map((slot) => slot.name));
  return { parts, slots };
}

/** `field-<name>` parts are documented once, as "Also `field-<name>`" under `field`. */
const documentedName = (part: string) => part.replace(/^field-.+$/, 'field');

const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Declaration[] }> };
const declarations = new Map(
  manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName).map((declaration) => [declaration.tagName!, declaration]),
);

for (const [name, path] of Object.entries(ELEMENT_ENTRIES)) {
  const tag = `cec-${name}`;

  describe(`custom-elements.json on <${tag}>`, () => {
    let element: LitElement & { validate?: () => boolean };
    let declaration: Declaration;

    before(async () => {
      await import(/* @vite-ignore */ `../../${path}`);
      declaration = declarations.get(tag)!;
    });

    beforeEach(async () => {
      element = await fixture(html`<${unsafeStatic(tag)} ${unsafeStatic(ATTRIBUTES[tag] ?? '')}></${unsafeStatic(tag)}>`);
      await element.updateComplete;
    });

    it('describes the element', () => {
      expect(declaration, `${tag} in custom-elements.json`).to.exist;
    });

    it('lists exactly the CSS custom properties its styles read', () => {
      const styles = (element.constructor as typeof LitElement).elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
      const read = [...new Set([...styles.matchAll(/var\(\s*(--cec-[\w-]+)/g)].map((match) => match[1]!))].sort();
      const listed = (declaration.cssProperties ?? []).map((property) => property.name).sort();
      expect(listed).to.deep.equal(read);
    });

    it('lists every part and slot it shows, also with its errors shown', async () => {
      const seen = shown(element);
      if (typeof element.validate === 'function') {
        element.validate();
        await element.updateComplete;
        const withErrors = shown(element);
        withErrors.parts.forEach((part) => seen.parts.add(part));
        withErrors.slots.forEach((slot) => seen.slots.add(slot));
      }
      const parts = new Set((declaration.cssParts ?? []).map((part) => part.name));
      const slots = new Set((declaration.slots ?? []).map((slot) => slot.name));
      expect([...seen.parts].map(documentedName).filter((part) => !parts.has(part)), 'parts shown but not listed').to.deep.equal([]);
      expect([...seen.slots].filter((slot) => !slots.has(slot)), 'slots shown but not listed').to.deep.equal([]);
    });
  });
}
