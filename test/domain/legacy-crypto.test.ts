import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { md5, rc4 } from '../../src/domain/legacy-crypto.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (value: string) => new TextEncoder().encode(value);

describe('md5 (RFC 1321)', () => {
  // The test suite of RFC 1321, appendix A.5.
  const suite: Array<[input: string, digest: string]> = [
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ];
  for (const [input, digest] of suite) {
    it(`digests ${JSON.stringify(input)}`, () => assert.equal(hex(md5(text(input))), digest));
  }

  it('agrees with Node’s MD5 on any bytes, every padding boundary included (55, 56, 63, 64 bytes…)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        assert.equal(hex(md5(bytes)), createHash('md5').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
    for (const length of [55, 56, 57, 63, 64, 65, 119, 120, 128]) {
      const bytes = new Uint8Array(length).fill(length);
      assert.equal(hex(md5(bytes)), createHash('md5').update(bytes).digest('hex'), `${length} bytes`);
    }
  });
});

describe('rc4', () => {
  // The classic vectors, and RFC 6229's 40-bit key 0x0102030405 (key stream at offsets 0 and 16).
  const vectors: Array<[key: Uint8Array, plain: Uint8Array, cipher: string]> = [
    [text('Key'), text('Plaintext'), 'bbf316e8d940af0ad3'],
    [text('Wiki'), text('pedia'), '1021bf0420'],
    [text('Secret'), text('Attack at dawn'), '45a01f645fc35b383552544b9bf5'],
    [Uint8Array.of(1, 2, 3, 4, 5), new Uint8Array(32), 'b2396305f03dc027ccc3524a0a1118a86982944f18fc82d589c403a47a0d0919'],
  ];
  for (const [key, plain, cipher] of vectors) {
    it(`encrypts with the key ${hex(key)} as the published vector`, () => assert.equal(hex(rc4(key, plain)), cipher));
  }

  it('is its own inverse with any key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 32 }), fc.uint8Array({ maxLength: 200 }), (key, data) => {
        assert.deepEqual(rc4(key, rc4(key, data)), data);
      }),
      { numRuns: 200 },
    );
  });
});
