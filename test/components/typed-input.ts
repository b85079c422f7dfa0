/**
 * Shared by the form-step tests: what a person types is shown converted once they leave the field
 * (issue 9, "Japanese input as people type it"), and accepted.
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { getByLabel, press, typeInto } from '../helpers.js';

/** One case: the field's label, what is typed, what the field shows once left. */
export type Conversion = [label: string | RegExp, typed: string, shown: string];

/**
 * One test per conversion: typed as is, shown converted after Tab, not marked invalid.
 *
 * @example
 * itShowsConverted(render, [['TEL番号', '+81 3-3595-4605', '0335954605']]);
 */
export function itShowsConverted(render: () => Promise<LitElement>, conversions: readonly Conversion[]): void {
  for (const [label, typed, shown] of conversions) {
    it(`${String(label)}: shows ${JSON.stringify(typed)} as ${JSON.stringify(shown)} once left, and accepts it`, async () => {
      const form = await render();
      const input = getByLabel(label) as HTMLInputElement;
      await typeInto(input, typed);
      expect(input.value).to.equal(typed);
      await press('Tab');
      await form.updateComplete;
      expect(input.value).to.equal(shown);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
    });
  }
}
