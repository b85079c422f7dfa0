/**
 * The i18n tests run in two runners: in Node under node:test (`node --import tsx --test test/i18n/*.test.ts`),
 * and in Chromium under @web/test-runner, whose glob takes every `test/**\/*.test.ts` but server, domain
 * and e2e. So they take `describe`/`it` from whichever runner loaded them and assert with a few plain
 * functions, importing nothing a browser cannot load.
 */

type Body = () => void | Promise<void>;
interface Options {
  /** A known gap: reported, not failed (node:test `todo`, mocha `it.skip`). */
  todo?: string;
}
interface MochaGlobals {
  describe: (name: string, body: () => void) => void;
  it: ((name: string, body: Body) => void) & { skip: (name: string, body: Body) => void };
}

const mocha = globalThis as unknown as Partial<MochaGlobals>;
const inMocha = typeof mocha.describe === 'function' && typeof mocha.it === 'function';
// A computed specifier, so that browser tooling never tries to resolve the Node built-in.
const NODE_TEST = ['node', 'test'].join(':');
const nodeTest: typeof import('node:test') | undefined = inMocha ? undefined : await import(NODE_TEST);

/** A group of tests. */
export function describe(name: string, body: () => void): void {
  if (nodeTest) void nodeTest.describe(name, body);
  else mocha.describe!(name, body);
}

/** One test; with `{ todo }` it documents a known gap without failing the run. */
export function it(name: string, optionsOrBody: Options | Body, maybeBody?: Body): void {
  const options = typeof optionsOrBody === 'function' ? {} : optionsOrBody;
  const body = typeof optionsOrBody === 'function' ? optionsOrBody : maybeBody!;
  if (nodeTest) void nodeTest.it(name, options, body);
  else if (options.todo) mocha.it!.skip(`${name} (todo: ${options.todo})`, body);
  else mocha.it!(name, body);
}

function fail(message: string | undefined, detail: string): never {
  throw new Error(message ? `${message}: ${detail}` : detail);
}

/** Small assertions over strings and plain data, the same in both runners. */
export const assert = {
  ok(value: unknown, message?: string): void {
    if (!value) fail(message, `expected a truthy value, got ${JSON.stringify(value)}`);
  },
  equal(actual: unknown, expected: unknown, message?: string): void {
    if (!Object.is(actual, expected)) fail(message, `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  },
  notEqual(actual: unknown, unexpected: unknown, message?: string): void {
    if (Object.is(actual, unexpected)) fail(message, `expected anything but ${JSON.stringify(unexpected)}`);
  },
  /** Deep equality of JSON-like data (strings, numbers, arrays, plain objects). */
  deepEqual(actual: unknown, expected: unknown, message?: string): void {
    const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
    if (a !== e) fail(message, `expected ${e}, got ${a}`);
  },
  match(text: string, pattern: RegExp, message?: string): void {
    if (!pattern.test(text)) fail(message, `expected ${JSON.stringify(text)} to match ${pattern}`);
  },
  doesNotMatch(text: string, pattern: RegExp, message?: string): void {
    if (pattern.test(text)) fail(message, `expected ${JSON.stringify(text)} not to match ${pattern}`);
  },
};
