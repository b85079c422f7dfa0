/**
 * Type-only checks of the partner elements' public API (tags, properties, events), as
 * test/types/public-api.ts does for the wizard: `tsc` fails if an integrator's ordinary code stops
 * compiling, or if a mistake starts compiling.
 */
import { CecCompanyUserForm } from '../../src/components/company-user-form/company-user-form.js';
import { CecCompanyUsers } from '../../src/components/company-users/company-users.js';
import { CecCertificateActivation } from '../../src/components/certificate-activation/certificate-activation.js';
import { CecPartnerSignIn } from '../../src/components/partner-sign-in/partner-sign-in.js';
import { CecSignerCertificateForm } from '../../src/components/signer-certificate-form/signer-certificate-form.js';
import type { CompanyUserRole, SigningState } from '../../src/domain/company-user.js';

function assertType<T>(value: T): T {
  return value;
}

const signIn = document.createElement('cec-partner-sign-in');
assertType<CecPartnerSignIn>(signIn);
signIn.addEventListener('cec-signed-in', (event) => {
  assertType<string>(event.detail.session);
  assertType<CompanyUserRole>(event.detail.user.role);
  assertType<boolean>(event.detail.passwordChanged);
});

// The session is a property or a function the host implements.
const users = document.createElement('cec-company-users');
assertType<CecCompanyUsers>(users);
users.session = 'token';
users.sessionProvider = async () => 'token';
users.sessionProvider = () => undefined;
// @ts-expect-error a session is text, not a number
users.session = 42;
void users.reload();

const form = document.createElement('cec-company-user-form');
assertType<CecCompanyUserForm>(form);
assertType<string>(form.endpoint);
form.addEventListener('cec-user-registered', (event) => {
  assertType<string>(event.detail.user.userId);
  assertType<SigningState>(event.detail.user.signing);
});

const signer = document.createElement('cec-signer-certificate-form');
assertType<CecSignerCertificateForm>(signer);
signer.method = 'issuedCertificate';
// @ts-expect-error only the guide's two ways
signer.method = 'somethingElse';
signer.addEventListener('cec-certificate-requested', (event) => assertType<string>(event.detail.requestNumber));
signer.addEventListener('cec-certificate-linked', (event) => assertType<string>(event.detail.certificateId));

const activation = document.createElement('cec-certificate-activation');
assertType<CecCertificateActivation>(activation);
activation.addEventListener('cec-certificate-activated', (event) => assertType<string>(event.detail.userId));
activation.addEventListener('cec-error', (event) => assertType<string>(event.detail.code));
