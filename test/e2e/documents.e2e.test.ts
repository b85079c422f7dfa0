/**
 * The reference server and the browser give the same verdict on every PDF, since both call
 * `documentProblem` (src/domain/document.ts): real files made by qpdf, a file with junk before its
 * header, and a download cut short, each sent to the real server as the wizard sends it.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { documentProblem, type DocumentProblem } from '../../src/domain/document.js';
import { validApplication } from '../../src/mocks/fixtures.js';

interface Backend {
  endpoint: string;
  apiKey: string;
}

const server = (action: string) => executeServerCommand<Backend, { action: string; origin: string }>('reference-server', { action, origin: location.origin });

/** The status and code the contract gives each verdict (SPEC, backend contract; README). */
const ANSWERS: Record<DocumentProblem | 'accepted', [status: number, code?: string]> = {
  accepted: [201],
  documentEncrypted: [415, 'document_encrypted'],
  documentIncomplete: [415, 'document_incomplete'],
  documentNotPdf: [415, 'document_not_pdf'],
  documentTooLarge: [413, 'document_too_large'],
  documentEmpty: [400, 'validation_failed'],
  documentRequired: [400, 'validation_failed'],
};

async function fixtureBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(new URL(`../fixtures/pdf/${name}`, import.meta.url))).arrayBuffer());
}

async function invite(backend: Backend): Promise<string> {
  const response = await fetch(`${backend.endpoint}/admin/invitations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ partner: { companyName: '株式会社山田建設', contactName: '山田 太郎', email: 'taro@example.co.jp' } }),
  });
  expect(response.status).to.equal(201);
  return new URL(((await response.json()) as { url: string }).url).searchParams.get('token')!;
}

async function submit(backend: Backend, bytes: Uint8Array, name: string): Promise<{ status: number; code?: string }> {
  const body = new FormData();
  body.set('application', JSON.stringify(validApplication(await invite(backend))));
  body.set('document', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' }));
  const response = await fetch(`${backend.endpoint}/applications`, { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() }, body });
  const answer = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: answer.error?.code };
}

describe('the same verdict on every PDF, in the browser and on the reference server', () => {
  let backend: Backend;
  before(async () => {
    backend = (await server('start'))!;
  });
  after(() => server('stop'));

  const files: Array<[name: string, make: () => Promise<Uint8Array>, expected: DocumentProblem | 'accepted']> = [
    ['plain.pdf', () => fixtureBytes('plain.pdf'), 'accepted'],
    ['owner-rc4-40.pdf', () => fixtureBytes('owner-rc4-40.pdf'), 'accepted'],
    ['owner-rc4-128.pdf', () => fixtureBytes('owner-rc4-128.pdf'), 'accepted'],
    ['owner-aes-128.pdf', () => fixtureBytes('owner-aes-128.pdf'), 'accepted'],
    ['owner-aes-256.pdf', () => fixtureBytes('owner-aes-256.pdf'), 'accepted'],
    ['owner-aes-256-r5.pdf', () => fixtureBytes('owner-aes-256-r5.pdf'), 'accepted'],
    ['user-rc4-40.pdf', () => fixtureBytes('user-rc4-40.pdf'), 'documentEncrypted'],
    ['user-rc4-128.pdf', () => fixtureBytes('user-rc4-128.pdf'), 'documentEncrypted'],
    ['user-aes-256.pdf', () => fixtureBytes('user-aes-256.pdf'), 'documentEncrypted'],
    ['a byte-order mark before the header', async () => new Uint8Array([0xef, 0xbb, 0xbf, ...(await fixtureBytes('plain.pdf'))]), 'accepted'],
    ['a download cut short', async () => (await fixtureBytes('owner-aes-256.pdf')).slice(0, 700), 'documentIncomplete'],
  ];
  for (const [name, make, expected] of files) {
    it(`${name}: ${expected}`, async () => {
      const bytes = await make();
      const browser = (await documentProblem(bytes)) ?? 'accepted';
      expect(browser).to.equal(expected);
      const [status, code] = ANSWERS[browser];
      const answer = await submit(backend, bytes, 'document.pdf');
      expect(answer.status).to.equal(status);
      if (code) expect(answer.code).to.equal(code);
    });
  }
});
