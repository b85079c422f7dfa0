import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_DOCUMENT_BYTES, documentProblem, type DocumentProblem } from '../../src/domain/index.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const PDF = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n';

describe('documentProblem (SPEC STEP 2: one PDF, checked by content)', () => {
  const examples: Array<[behaviour: string, document: Uint8Array | undefined, max: number | undefined, problem: DocumentProblem | undefined]> = [
    ['accepts a document that starts with %PDF-', bytes(PDF), undefined, undefined],
    ['accepts the bare %PDF- header', bytes('%PDF-'), undefined, undefined],
    ['accepts a document of exactly the maximum size', bytes(PDF), bytes(PDF).length, undefined],
    ['refuses a missing document (documentRequired)', undefined, undefined, 'documentRequired'],
    ['refuses an empty file (documentEmpty)', new Uint8Array(0), undefined, 'documentEmpty'],
    ['refuses a document one byte over the maximum (documentTooLarge)', bytes(PDF), bytes(PDF).length - 1, 'documentTooLarge'],
    ['refuses an HTML page renamed to .pdf (documentNotPdf)', bytes('<!doctype html><title>seal.pdf</title>'), undefined, 'documentNotPdf'],
    ['refuses a PNG image (documentNotPdf)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), undefined, 'documentNotPdf'],
    ['refuses a truncated header (documentNotPdf)', bytes('%PDF'), undefined, 'documentNotPdf'],
    ['refuses a lower-case header (documentNotPdf)', bytes('%pdf-1.7'), undefined, 'documentNotPdf'],
    ['refuses a header that is not at the start (documentNotPdf)', bytes(`\n${PDF}`), undefined, 'documentNotPdf'],
    ['refuses a UTF-8 byte-order mark before the header (documentNotPdf)', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(PDF)]), undefined, 'documentNotPdf'],
    [
      'refuses a password-protected PDF (documentEncrypted)',
      bytes('%PDF-1.7\ntrailer << /Root 1 0 R /Encrypt 5 0 R >>\n%%EOF'),
      undefined,
      'documentEncrypted',
    ],
    ['refuses /Encrypt at the very end (documentEncrypted)', bytes('%PDF-1.4 /Encrypt'), undefined, 'documentEncrypted'],
    ['accepts a PDF that merely mentions "encrypt" in lower case', bytes('%PDF-1.7 (how to encrypt files)'), undefined, undefined],
  ];
  for (const [behaviour, document, max, problem] of examples) {
    it(behaviour, () => assert.equal(documentProblem(document, max), problem));
  }

  it('reports the size before the content, so a huge HTML file is too large', () => {
    assert.equal(documentProblem(bytes('<html>'), 3), 'documentTooLarge');
  });

  it('uses 10 MB as the default maximum', () => {
    assert.equal(DEFAULT_MAX_DOCUMENT_BYTES, 10 * 1024 * 1024);
    const atLimit = new Uint8Array(DEFAULT_MAX_DOCUMENT_BYTES);
    atLimit.set(bytes('%PDF-'));
    assert.equal(documentProblem(atLimit), undefined);
    const overLimit = new Uint8Array(DEFAULT_MAX_DOCUMENT_BYTES + 1);
    overLimit.set(bytes('%PDF-'));
    assert.equal(documentProblem(overLimit), 'documentTooLarge');
  });
});
