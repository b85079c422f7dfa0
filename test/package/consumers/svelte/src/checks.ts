// The generated typings refuse mistakes: if they degraded to `any`, these expectations would fail svelte-check.
import '@cectrust/light-apply/svelte';

// @ts-expect-error endpoint is text
export const wrongEndpoint: svelteHTML.IntrinsicElements['cec-apply-wizard'] = { endpoint: 3 };
export const wrongHandler: svelteHTML.IntrinsicElements['cec-apply-wizard'] = {
  // @ts-expect-error the receipt number is text
  'oncec-submitted': (event) => event.detail.receiptNumber.toFixed(),
};
