import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  documentProblem,
  pdfNameOffsets,
  pdfNamePattern,
  pdfText,
  type DocumentProblem,
} from '../../src/domain/index.js';
import { opensWithoutPassword, standardSecurity } from '../../src/domain/pdf-encryption.js';

const FIXTURES = new URL('../fixtures/pdf/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const bytes = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((part) => [...part]));
/** `pdf` with `from` replaced by `to` (byte strings); offsets after it move, which readers and the check tolerate. */
const replaced = (pdf: Uint8Array, from: string | RegExp, to: string) => {
  const text = pdfText(pdf);
  const result = text.replace(from, to);
  assert.notEqual(result, text, `${String(from)} is in the file`);
  return Uint8Array.from(result, (char) => char.charCodeAt(0));
};

/** A PDF as the reference server and the browser both receive it: a small one qpdf wrote. */
const PLAIN = fixture('plain.pdf');
const TRAILER = '\nstartxref\n0\n%%EOF\n';

describe('documentProblem (SPEC STEP 2: one PDF, checked by content, as a PDF reader opens it)', () => {
  const examples: Array<[behaviour: string, document: Uint8Array | undefined, max: number | undefined, problem: DocumentProblem | undefined]> = [
    ['accepts a plain PDF', PLAIN, undefined, undefined],
    ['accepts a document of exactly the maximum size', PLAIN, PLAIN.length, undefined],
    ['refuses a missing document (documentRequired)', undefined, undefined, 'documentRequired'],
    ['refuses an empty file (documentEmpty)', new Uint8Array(0), undefined, 'documentEmpty'],
    ['refuses a document one byte over the maximum (documentTooLarge)', PLAIN, PLAIN.length - 1, 'documentTooLarge'],
    ['refuses an HTML page renamed to .pdf (documentNotPdf)', bytes('<!doctype html><title>seal.pdf</title>'), undefined, 'documentNotPdf'],
    ['refuses a PNG image (documentNotPdf)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), undefined, 'documentNotPdf'],
    ['refuses a cut header (documentNotPdf)', bytes(`%PDF${TRAILER}`), undefined, 'documentNotPdf'],
    ['refuses a lower-case header (documentNotPdf)', bytes(`%pdf-1.7${TRAILER}`), undefined, 'documentNotPdf'],
    // Bytes before the header are tolerated as every reader does (ISO 32000-1, implementation note 13).
    ['accepts a newline before the header', concat(bytes('\n'), PLAIN), undefined, undefined],
    ['accepts a UTF-8 byte-order mark before the header', concat(new Uint8Array([0xef, 0xbb, 0xbf]), PLAIN), undefined, undefined],
    ['accepts spaces and a mail header before the header', concat(bytes('   Content-Type: application/pdf\r\n\r\n'), PLAIN), undefined, undefined],
    ['accepts 1024 bytes of junk before the header', concat(new Uint8Array(1024).fill(0x41), PLAIN), undefined, undefined],
    ['refuses 1025 bytes of junk before the header (documentNotPdf)', concat(new Uint8Array(1025).fill(0x41), PLAIN), undefined, 'documentNotPdf'],
    // A download cut short has no trailer: its own message, "save it again".
    ['refuses the first half of a PDF (documentIncomplete)', PLAIN.subarray(0, PLAIN.length >> 1), undefined, 'documentIncomplete'],
    ['refuses a PDF cut just before %%EOF (documentIncomplete)', PLAIN.subarray(0, pdfText(PLAIN).lastIndexOf('%%EOF')), undefined, 'documentIncomplete'],
    ['refuses %PDF- followed by garbage (documentIncomplete)', concat(bytes('%PDF-1.7\n'), new Uint8Array(300).fill(0x7f)), undefined, 'documentIncomplete'],
    ['refuses the bare header (documentIncomplete)', bytes('%PDF-'), undefined, 'documentIncomplete'],
    ['refuses %%EOF without startxref (documentIncomplete)', bytes('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF'), undefined, 'documentIncomplete'],
    ['accepts a line end and a few bytes after %%EOF', concat(PLAIN, bytes('\r\n\0\0')), undefined, undefined],
    ['refuses more than 1024 bytes after the last %%EOF (documentIncomplete)', concat(PLAIN, new Uint8Array(1100).fill(0x20)), undefined, 'documentIncomplete'],
    ['accepts a PDF that merely mentions "encrypt" in lower case', bytes(`%PDF-1.7 (how to encrypt files)${TRAILER}`), undefined, undefined],
    ['accepts /EncryptMetadata, which is not /Encrypt', bytes(`%PDF-1.7 << /EncryptMetadata false >>${TRAILER}`), undefined, undefined],
    ['refuses an /Encrypt entry it cannot read (documentEncrypted)', bytes(`%PDF-1.7\ntrailer << /Encrypt 9 0 R >>${TRAILER}`), undefined, 'documentEncrypted'],
  ];
  for (const [behaviour, document, max, problem] of examples) {
    it(behaviour, async () => assert.equal(await documentProblem(document, max), problem));
  }

  it('reports the size before the content, so a huge HTML file is too large', async () => {
    assert.equal(await documentProblem(bytes('<html>'), 3), 'documentTooLarge');
  });

  it('uses 10 MB as the default maximum', async () => {
    assert.equal(DEFAULT_MAX_DOCUMENT_BYTES, 10 * 1024 * 1024);
    const atLimit = new Uint8Array(DEFAULT_MAX_DOCUMENT_BYTES).fill(0x20);
    atLimit.set(bytes('%PDF-1.4\n'));
    atLimit.set(bytes(TRAILER), atLimit.length - TRAILER.length);
    assert.equal(await documentProblem(atLimit), undefined);
    const overLimit = concat(atLimit, bytes(' '));
    assert.equal(await documentProblem(overLimit), 'documentTooLarge');
  });
});

describe('documentProblem on encrypted PDFs made by qpdf (test/fixtures/pdf/make-fixtures.sh)', () => {
  const verdicts: Array<[file: string, behaviour: string, problem: DocumentProblem | undefined]> = [
    ['owner-rc4-40.pdf', 'accepts RC4 40-bit (revision 2) with an owner password only', undefined],
    ['owner-rc4-128.pdf', 'accepts RC4 128-bit (revision 3) with an owner password only', undefined],
    ['owner-aes-128.pdf', 'accepts AES-128 (revision 4) with an owner password only', undefined],
    ['owner-aes-128-cleartext-metadata.pdf', 'accepts AES-128 with unencrypted metadata (/EncryptMetadata false)', undefined],
    ['owner-aes-256-r5.pdf', "accepts AES-256 of Adobe's revision 5 with an owner password only", undefined],
    ['owner-aes-256.pdf', 'accepts AES-256 (revision 6) with an owner password only', undefined],
    ['owner-aes-256-object-streams.pdf', 'accepts AES-256 whose trailer is a cross-reference stream', undefined],
    ['user-rc4-40.pdf', 'refuses RC4 40-bit with a user password (documentEncrypted)', 'documentEncrypted'],
    ['user-rc4-128.pdf', 'refuses RC4 128-bit with a user password (documentEncrypted)', 'documentEncrypted'],
    ['user-aes-128.pdf', 'refuses AES-128 with a user password (documentEncrypted)', 'documentEncrypted'],
    ['user-aes-256-r5.pdf', 'refuses AES-256 revision 5 with a user password (documentEncrypted)', 'documentEncrypted'],
    ['user-aes-256.pdf', 'refuses AES-256 with a user password (documentEncrypted)', 'documentEncrypted'],
    ['user-aes-256-object-streams.pdf', 'refuses AES-256 with a user password in a cross-reference stream (documentEncrypted)', 'documentEncrypted'],
  ];
  for (const [file, behaviour, problem] of verdicts) {
    it(behaviour, async () => assert.equal(await documentProblem(fixture(file)), problem));
  }

  it('has a verdict for every fixture in the folder', () => {
    const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.pdf') && file !== 'plain.pdf');
    assert.deepEqual(files.sort(), verdicts.map(([file]) => file).sort());
  });

  it('agrees with poppler (pdftotext) on every fixture: accepted exactly when it opens without a password', async (test) => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      test.skip('pdftotext (poppler-utils) is not installed');
      return;
    }
    for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.pdf'))) {
      let opens = true;
      try {
        execFileSync('pdftotext', [new URL(file, FIXTURES).pathname, '-'], { stdio: 'ignore' });
      } catch {
        opens = false;
      }
      assert.equal((await documentProblem(fixture(file))) === undefined, opens, file);
    }
  });

  it('reads the dictionary of each revision: /R, /Length, /P, /EncryptMetadata and the first /ID', () => {
    const read = (file: string) => {
      const text = pdfText(fixture(file));
      return standardSecurity(text, pdfNameOffsets(text, 'Encrypt'));
    };
    assert.deepEqual(
      ['owner-rc4-40.pdf', 'owner-rc4-128.pdf', 'owner-aes-128.pdf', 'owner-aes-256-r5.pdf', 'owner-aes-256.pdf'].map((file) => {
        const security = read(file)!;
        return [security.revision, security.keyLength, security.owner.length, security.user.length];
      }),
      [
        [2, 5, 32, 32],
        [3, 16, 32, 32],
        [4, 16, 32, 32],
        [5, 16, 48, 48],
        [6, 16, 48, 48],
      ],
    );
    assert.equal(read('owner-aes-128-cleartext-metadata.pdf')!.encryptMetadata, false);
    assert.equal(read('owner-aes-128.pdf')!.encryptMetadata, true);
    assert.equal(Buffer.from(read('owner-rc4-128.pdf')!.documentId).toString('hex'), '31415926535897932384626433832795');
  });

  it('recognises a name-escaped /Encr#79pt and gives the same verdicts', async () => {
    assert.ok(pdfNamePattern('Encrypt').test('/Encr#79pt 5 0 R'));
    assert.ok(pdfNamePattern('Encrypt').test('/#45ncrypt 5 0 R'));
    assert.ok(!pdfNamePattern('Encrypt').test('/EncryptMetadata true'));
    assert.equal(await documentProblem(replaced(fixture('user-rc4-128.pdf'), '/Encrypt', '/Encr#79pt')), 'documentEncrypted');
    assert.equal(await documentProblem(replaced(fixture('owner-rc4-128.pdf'), '/Encrypt', '/Encr#79pt')), undefined);
    assert.equal(await documentProblem(replaced(fixture('owner-aes-256.pdf'), '/Encrypt', '/#45ncr#79pt')), undefined);
  });

  it('reads an encryption dictionary written into the trailer itself, with literal strings', async () => {
    for (const [file, problem] of [['owner-rc4-128.pdf', undefined], ['user-rc4-128.pdf', 'documentEncrypted']] as const) {
      const text = pdfText(fixture(file));
      const dictionary = /5 0 obj\s*(<<[\s\S]*?>>)\s*endobj/.exec(text)![1]!;
      // Hex strings rewritten as literal strings with octal escapes, as other writers do.
      const literal = dictionary.replace(/<([0-9a-f]+)>/g, (_, hex: string) =>
        `(${hex.match(/../g)!.map((pair) => `\\${parseInt(pair, 16).toString(8).padStart(3, '0')}`).join('')})`,
      );
      const inline = replaced(fixture(file), '/Encrypt 5 0 R', `/Encrypt ${literal}`);
      assert.equal(await documentProblem(inline), problem, file);
    }
  });

  it('takes the last trailer after an incremental update', async () => {
    const update = `\n6 0 obj\n<< /Producer (scanner) >>\nendobj\ntrailer << /Root 1 0 R /Size 7 /ID [<31415926535897932384626433832795><31415926535897932384626433832795>] /Encrypt 5 0 R /Prev 0 >>\nstartxref\n0\n%%EOF\n`;
    assert.equal(await documentProblem(concat(fixture('owner-aes-256.pdf'), bytes(update))), undefined);
    assert.equal(await documentProblem(concat(fixture('user-aes-256.pdf'), bytes(update))), 'documentEncrypted');
  });

  it('refuses another security handler, an unknown revision, and a missing /U (documentEncrypted)', async () => {
    const owner = fixture('owner-rc4-128.pdf');
    assert.equal(await documentProblem(replaced(owner, '/Filter /Standard', '/Filter /Adobe.PubSec')), 'documentEncrypted');
    assert.equal(await documentProblem(replaced(owner, '/R 3', '/R 9')), 'documentEncrypted');
    assert.equal(await documentProblem(replaced(owner, /\/U <[0-9a-f]+>/, '')), 'documentEncrypted');
  });

  it('refuses an encrypted PDF cut short as incomplete, before trying any password', async () => {
    const owner = fixture('owner-aes-256.pdf');
    assert.equal(await documentProblem(owner.subarray(0, owner.length - 40)), 'documentIncomplete');
  });

  // A guard against work that grows with the square of the file (minutes on 10 MB), not a speed figure:
  // the bound is far above the ~0.1 s it takes, so a busy machine does not make it flake.
  it('answers in linear time on a 10 MB file full of /Encrypt names and dictionaries', async () => {
    const hostile = new Uint8Array(DEFAULT_MAX_DOCUMENT_BYTES).fill(0x20);
    const unit = bytes('<< /Encrypt << /Filter (((((( >>');
    for (let offset = 16; offset + unit.length < hostile.length - 64; offset += 4096) hostile.set(unit, offset);
    hostile.set(bytes('%PDF-1.7\n'));
    hostile.set(bytes(TRAILER), hostile.length - TRAILER.length);
    const started = performance.now();
    assert.equal(await documentProblem(hostile), 'documentEncrypted');
    assert.ok(performance.now() - started < 10_000, `${Math.round(performance.now() - started)} ms`);
  });

  it('refuses AES-256 rather than fail when Web Crypto is missing (a page not served over https)', async (test) => {
    test.mock.method(crypto.subtle, 'digest', () => Promise.reject(new TypeError('crypto.subtle is undefined')));
    assert.equal(await documentProblem(fixture('owner-aes-256.pdf')), 'documentEncrypted');
    assert.equal(await documentProblem(fixture('owner-rc4-128.pdf')), undefined, 'RC4 needs no Web Crypto');
  });

  it('opensWithoutPassword proves nothing of a PDF without an encryption dictionary (documentProblem never asks it)', async () => {
    assert.equal(await opensWithoutPassword(pdfText(PLAIN), []), false);
  });
});
