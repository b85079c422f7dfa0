/**
 * The document-check pool: the same hash and verdict as the domain check in the calling thread, the
 * bytes moved rather than copied, the event loop free while a large document is checked, and the
 * workers ended by the last holder.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { documentProblem } from '../../src/domain/index.js';
import { checkDocument, openDocumentChecks } from '../../demo/server/document-checks.js';
import { TEST_ENGINE } from './helpers.js';
import { loopTurnsDuring } from './loop-turns.js';
import { emptyPdf, encryptedPdf, minimalPdf, notPdf, oversizePdf, ownerPasswordPdf, truncatedPdf } from '../../src/mocks/fixtures.js';

const MAX_BYTES = 10 * 1024 * 1024;

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A valid PDF of `size` bytes: the minimal one with a comment line of filler after its header. */
async function largePdf(size: number): Promise<Uint8Array> {
  const minimal = Buffer.from(await bytesOf(minimalPdf()));
  const headerEnd = minimal.indexOf('\n') + 1;
  const filler = Buffer.alloc(size - minimal.length, 0x78);
  filler[0] = 0x25; // '%': the filler is one comment line
  filler[filler.length - 1] = 0x0a;
  return Buffer.concat([minimal.subarray(0, headerEnd), filler, minimal.subarray(headerEnd)]);
}

/** No database here: run once, with the SQLite pass of the server tests. */
const skip = TEST_ENGINE !== 'sqlite' && 'no database: runs once, on SQLite';

const fixtures = { minimalPdf, encryptedPdf, ownerPasswordPdf, notPdf, truncatedPdf, emptyPdf, oversizePdf: () => oversizePdf(MAX_BYTES + 1) };

describe('document checks in worker threads', { skip }, () => {
  let closeDocumentChecks: () => Promise<void>;
  before(() => {
    closeDocumentChecks = openDocumentChecks();
  });
  after(() => closeDocumentChecks());

  for (const [name, fixture] of Object.entries(fixtures)) {
    it(`gives the domain's verdict and the SHA-256 of ${name}`, async () => {
      const bytes = await bytesOf(fixture());
      const expected = { problem: await documentProblem(bytes, MAX_BYTES), sha256: createHash('sha256').update(bytes).digest('hex') };
      const checked = await checkDocument(new Uint8Array(bytes), MAX_BYTES);
      assert.deepEqual({ problem: checked.problem, sha256: checked.sha256 }, expected);
      assert.deepEqual(Buffer.from(checked.bytes), Buffer.from(bytes));
    });
  }

  it('moves the bytes to the worker and back instead of copying them', async () => {
    const sent = await largePdf(1024 * 1024);
    const copy = Buffer.from(sent);
    const checked = await checkDocument(sent, MAX_BYTES);
    assert.equal(sent.byteLength, 0, 'the array passed in is left empty: its memory went to the worker');
    assert.ok(Buffer.from(checked.bytes).equals(copy));
    assert.equal(checked.problem, undefined);
  });

  it('keeps the event loop turning while an 8 MiB document is checked', async () => {
    const { result, turns } = await loopTurnsDuring(async () => checkDocument(await largePdf(8 * 1024 * 1024), MAX_BYTES));
    assert.equal(result.problem, undefined);
    assert.ok(turns >= 3, `the loop turned ${turns} times`);
  });
});

describe('document checks without a server holding the pool', { skip }, () => {
  it('checks in the calling thread, with the same verdict, and the pool is gone once given back', async () => {
    const closeDocumentChecks = openDocumentChecks();
    await checkDocument(await largePdf(64 * 1024), MAX_BYTES);
    await closeDocumentChecks();
    await closeDocumentChecks(); // given back once only
    const pdf = await largePdf(8 * 1024 * 1024);
    const { result, turns } = await loopTurnsDuring(() => checkDocument(pdf, MAX_BYTES));
    assert.equal(result.problem, undefined);
    assert.equal(turns, 0, 'checked in this thread: the loop did not turn meanwhile');
    assert.equal(pdf.byteLength, 8 * 1024 * 1024, 'nothing was moved');
  });

  it('fails a check still running when the last holder gives the pool back', async () => {
    const closeDocumentChecks = openDocumentChecks();
    const checking = checkDocument(await largePdf(1024 * 1024), MAX_BYTES);
    await closeDocumentChecks();
    await assert.rejects(checking, /document check worker/);
  });
});
