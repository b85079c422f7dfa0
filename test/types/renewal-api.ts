/**
 * Type-only checks of the renewal elements' public API (as public-api.ts does for the wizard): `tsc`
 * fails if an integrator's ordinary TypeScript stops compiling, or if a mistake starts compiling.
 */
import { CecCertificateRenewalForm } from '../../src/components/certificate-renewal-form/certificate-renewal-form.js';
import { CecDateField } from '../../src/components/date-field/date-field.js';
import type { IsoDate } from '../../src/domain/dates.js';
import type { RenewalRequest } from '../../src/domain/renewal.js';

function assertType<T>(value: T): T {
  return value;
}

// Tags are typed: createElement gives the class.
const form = document.createElement('cec-certificate-renewal-form');
assertType<CecCertificateRenewalForm>(form);
assertType<string>(form.endpoint);
form.now = () => new Date('2027-04-01T00:00:00+09:00');
const field = document.createElement('cec-date-field');
assertType<CecDateField>(field);
assertType<IsoDate | undefined>(field.date);
assertType<boolean>(field.checkValidity());

// Events carry their documented detail.
form.addEventListener('cec-renewal-submitted', (event) => {
  assertType<string>(event.detail.requestNumber);
  assertType<string>(event.detail.rows[0]!.commonName);
});
form.addEventListener('cec-renewal-error', (event) => assertType<string>(event.detail.code));
form.addEventListener('cec-renewal-imported', (event) => assertType<'paste' | 'csv' | 'expiring'>(event.detail.source));
field.addEventListener('cec-date-change', (event) => assertType<IsoDate | undefined>(event.detail.date));

// Mistakes do not compile.
// @ts-expect-error the clock is a function, not a date
form.now = new Date();
// @ts-expect-error the detail has no receiptNumber (that is the wizard's event)
form.addEventListener('cec-renewal-submitted', (event) => event.detail.receiptNumber);
// @ts-expect-error a request needs the confirmation of the operator code
const unconfirmed: RenewalRequest = { operatorCode: 'A1', rows: [] };
void unconfirmed;
