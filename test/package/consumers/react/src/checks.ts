// The generated typings refuse mistakes: if they degraded to `any`, these expectations would fail the build.
import type { CecIntrinsicElements } from '@cectrust/light-apply/react';

// @ts-expect-error endpoint is text
export const wrongEndpoint: CecIntrinsicElements['cec-apply-wizard'] = { endpoint: 3 };
export const wrongHandler: CecIntrinsicElements['cec-apply-wizard'] = {
  // @ts-expect-error the receipt number is text
  'oncec-submitted': (event) => event.detail.receiptNumber.toFixed(),
};
