/**
 * The package as an integrator gets it: `npm pack` (exactly what npm would publish), then the tarball
 * installed into fresh projects that type-check and build ordinary usage with their own settings —
 * `tsc --init` of TypeScript 5.9, 6.0 and the newest (also with `skipLibCheck: false` and with
 * `noPropertyAccessFromIndexSignature`), React 19 + Vite (`tsc -b && vite build`), Vue 3 (`vue-tsc`),
 * Svelte 5 (`svelte-check`) — and `publint` and `@arethetypeswrong/cli --profile esm-only` on the tarball.
 * The README's React and Vue snippets are compiled as written.
 *
 * The projects live in test/package/consumers/<name>/ (package.json + package-lock.json + sources). Their
 * installs are kept in <tmp>/cec-consumers-<hash of this folder>/<name>/, redone only when the lock file changes
 * (`npm ci --prefer-offline`, npm's cache in node_modules/.cache/npm): a warm run installs nothing but
 * the tarball. `CEC_CONSUMERS=react,vue` runs only the named projects; `CEC_TARBALL=x.tgz` tests that
 * tarball instead of packing one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';

const FIXTURES = resolve('test/package/consumers');
// Outside node_modules: svelte-check skips every file under a node_modules folder.
const CACHE = join(tmpdir(), `cec-consumers-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`);
const NPM = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `--cache=${resolve('node_modules/.cache/npm')}`];
const only = process.env['CEC_CONSUMERS']?.split(',');

let tarball: string;

/** Runs a command; on failure the assertion carries its whole output. */
function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  assert.equal(result.status, 0, `\`${command} ${args.join(' ')}\` in ${cwd} failed:\n${output}`);
  return output;
}

/** A block of README.md between `<!-- snippet:name -->` and `<!-- /snippet -->`. */
export function readmeSnippet(name: string): string {
  const block = new RegExp(`<!-- snippet:${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\s*<!-- /snippet -->`).exec(readFileSync('README.md', 'utf8'));
  assert.ok(block, `README.md has the ${name} snippet between its markers`);
  return block[1]!;
}

/**
 * The project's install (kept while its lock file is unchanged), its sources copied fresh, and the
 * packed tarball installed into it. Returns its folder.
 */
function consumer(name: string): string {
  const prepared = preparedConsumers.get(name);
  if (prepared) return prepared;
  const fixture = join(FIXTURES, name);
  const dir = join(CACHE, name);
  const lock = readFileSync(join(fixture, 'package-lock.json'));
  const key = createHash('sha256').update(readFileSync(join(fixture, 'package.json'))).update(lock).digest('hex');
  if (!existsSync(join(dir, 'node_modules')) || !existsSync(join(dir, '.key')) || readFileSync(join(dir, '.key'), 'utf8') !== key) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(fixture, 'package.json'), join(dir, 'package.json'));
    cpSync(join(fixture, 'package-lock.json'), join(dir, 'package-lock.json'));
    run('npm', ['ci', ...NPM], dir);
    writeFileSync(join(dir, '.key'), key);
  }
  for (const entry of readdirSync(dir)) {
    if (!['node_modules', 'package.json', 'package-lock.json', '.key'].includes(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(fixture)) {
    if (!['node_modules', 'package.json', 'package-lock.json'].includes(entry)) cpSync(join(fixture, entry), join(dir, entry), { recursive: true });
  }
  run('npm', ['install', '--no-save', ...NPM, tarball], dir);
  preparedConsumers.set(name, dir);
  return dir;
}
const preparedConsumers = new Map<string, string>();

/** Whether this run includes the named project. */
const wanted = (name: string) => !only || only.includes(name);

before(() => {
  mkdirSync(CACHE, { recursive: true });
  if (process.env['CEC_TARBALL']) {
    tarball = resolve(process.env['CEC_TARBALL']);
    return;
  }
  // What prepack does but writing package.json's exports (test/package/entries.test.ts checks those):
  // the manifest and the typings, then the build.
  run('npm', ['run', 'analyze'], process.cwd());
  run('npm', ['run', 'build'], process.cwd());
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', CACHE, '--loglevel=error'], process.cwd())) as Array<{
    filename: string;
  }>;
  tarball = join(CACHE, packed[0]!.filename);
});

test('publint finds nothing to report in the tarball', () => {
  const output = run('npx', ['publint', 'run', tarball, '--level', 'suggestion', '--strict'], process.cwd());
  assert.doesNotMatch(output, /Suggestions?:|Warnings?:|Errors?:/, output);
});

test('arethetypeswrong (esm-only) finds no problem in the tarball', () => {
  // The esm-only profile leaves out CommonJS `require` and node10, which an ES-module-only package cannot serve.
  const report = JSON.parse(run('npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'json'], process.cwd())) as {
    problems?: Record<string, Array<{ entrypoint: string; resolutionKind?: string }>>;
  };
  const problems = Object.values(report.problems ?? {})
    .flat()
    .filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''));
  assert.deepEqual(problems, []);
});

test('the bundle\'s source map is a small part of the tarball (it names the shipped sources, never carries them)', () => {
  const listed = JSON.parse(run('npm', ['pack', '--dry-run', '--ignore-scripts', '--json', '--loglevel=error'], process.cwd())) as Array<{
    size: number;
    files: Array<{ path: string; size: number }>;
  }>;
  const unpacked = listed[0]!.files.reduce((total, file) => total + file.size, 0);
  const maps = listed[0]!.files.filter((file) => file.path.startsWith('dist/bundle/') && file.path.endsWith('.map'));
  const mapBytes = maps.reduce((total, file) => total + file.size, 0);
  assert.ok(mapBytes < unpacked / 5, `the bundle's source maps are ${mapBytes} of ${unpacked} bytes`);
});

/** `tsc --init` of each compiler, and the same with the stricter settings integrators turn on. */
const COMPILERS = { '5.9': 'typescript-5.9', '6.0': 'typescript-6.0', newest: 'typescript' };
const VARIANTS: Record<string, (tsconfig: string) => string> = {
  'tsc --init': (tsconfig) => tsconfig,
  'skipLibCheck: false': (tsconfig) => tsconfig.replace(/"skipLibCheck":\s*true/, '"skipLibCheck": false'),
  noPropertyAccessFromIndexSignature: (tsconfig) => tsconfig.replace(/"strict":\s*true,/, '"strict": true,\n    "noPropertyAccessFromIndexSignature": true,'),
};

if (wanted('typescript')) {
  test('TypeScript projects made by `tsc --init` type-check every entry point and the README\'s mocks snippet', async (t) => {
    const dir = consumer('typescript');
    writeFileSync(join(dir, 'src/mocks.ts'), readmeSnippet('mocks'));
    for (const [version, folder] of Object.entries(COMPILERS)) {
      const tsc = join(dir, 'node_modules', folder, 'bin', 'tsc');
      // 6.0 sits between the two the issue names: its defaults only.
      for (const [variant, adjust] of Object.entries(VARIANTS).filter(([variant]) => version !== '6.0' || variant === 'tsc --init')) {
        await t.test(`TypeScript ${version}, ${variant}`, () => {
          const project = join(dir, `${folder}-${variant.replace(/\W+/g, '-')}`);
          mkdirSync(project, { recursive: true });
          run('node', [tsc, '--init'], project);
          const tsconfig = readFileSync(join(project, 'tsconfig.json'), 'utf8');
          const adjusted = adjust(tsconfig);
          assert.ok(variant === 'tsc --init' || adjusted !== tsconfig, `${variant} applied to tsc --init's tsconfig.json`);
          writeFileSync(join(project, 'tsconfig.json'), adjusted);
          cpSync(join(dir, 'src'), join(project, 'src'), { recursive: true });
          run('node', [tsc, '-p', '.', '--noEmit'], project);
        });
      }
    }
  });
}

if (wanted('typescript')) {
  test('importing only …/apply-wizard types its tag and its events, and no other element\'s', () => {
    const dir = consumer('typescript');
    const project = join(dir, 'only-wizard');
    run('node', [join(dir, 'node_modules/typescript/bin/tsc'), '--init'], project);
    run('node', [join(dir, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit'], project);
  });

  test('editor data in the installed package describe every tag (VS Code custom data, JetBrains web-types)', () => {
    const installed = join(consumer('typescript'), 'node_modules/@cectrust/light-apply');
    const read = (file: string) => JSON.parse(readFileSync(join(installed, file), 'utf8'));
    const manifest = read('custom-elements.json') as { modules: Array<{ declarations?: Array<{ tagName?: string }> }> };
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => declaration.tagName ?? []).sort();
    const vscode = read('dist/vscode.html-custom-data.json') as { tags: Array<{ name: string; attributes: Array<{ name: string }> }> };
    const webTypes = read('dist/web-types.json') as { contributions: { html: { elements: Array<{ name: string }> } } };
    assert.deepEqual(vscode.tags.map((tag) => tag.name).sort(), tags);
    assert.deepEqual(webTypes.contributions.html.elements.map((element) => element.name).sort(), tags);
    const wizard = vscode.tags.find((tag) => tag.name === 'cec-apply-wizard')!;
    assert.ok(wizard.attributes.some((attribute) => attribute.name === 'endpoint'));
  });

  test('the README\'s mocks set-up: `npx msw init public` puts the worker where startMockBackend looks for it', () => {
    const dir = consumer('typescript');
    run('npx', ['msw', 'init', 'public', '--no-save'], dir);
    assert.ok(existsSync(join(dir, 'public/mockServiceWorker.js')));
  });

  test('importing ./bundle in Node (server-side rendering, tests) does not throw', () => {
    const dir = consumer('typescript');
    const output = run('node', ['--input-type=module', '-e', "const bundle = await import('@cectrust/light-apply/bundle'); console.log(typeof bundle.CecApplyWizard);"], dir);
    assert.equal(output.trim(), 'function');
  });
}

if (wanted('react')) {
  test('React 19 + Vite: the README snippet and the generated JSX typings pass `tsc -b && vite build`', () => {
    const dir = consumer('react');
    writeFileSync(join(dir, 'src/Apply.tsx'), readmeSnippet('react'));
    run('npx', ['tsc', '-b'], dir);
    run('npx', ['vite', 'build', '--logLevel', 'error'], dir);
  });
}

if (wanted('vue')) {
  test('Vue 3: the README snippet and the generated GlobalComponents pass `vue-tsc`', () => {
    const dir = consumer('vue');
    writeFileSync(join(dir, 'src/Apply.vue'), readmeSnippet('vue'));
    run('npx', ['vue-tsc', '--noEmit'], dir);
  });
}

if (wanted('svelte')) {
  test('Svelte 5: the README snippet and the generated svelteHTML typings pass `svelte-check`', () => {
    const dir = consumer('svelte');
    writeFileSync(join(dir, 'src/Apply.svelte'), readmeSnippet('svelte'));
    run('npx', ['svelte-check', '--fail-on-warnings', '--output', 'human'], dir);
  });
}
