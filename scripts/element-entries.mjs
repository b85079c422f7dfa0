/**
 * The package's entry points, in one place: vite.config.ts builds them, the bench measures them,
 * `npm run exports` (scripts/exports.mjs) writes them into package.json's `exports` (prepack does too),
 * test/components/manifest.test.ts checks each element against custom-elements.json, and
 * test/package/entries.test.ts fails when package.json and this list disagree.
 *
 * Adding an element is one line in ELEMENT_ENTRIES: `'<name>': 'src/components/<name>/<name>.ts'`
 * (the file that registers the tag; `<name>.component.ts` beside it holds the class). It becomes
 * `@cectrust/light-apply/<name>` and `@cectrust/light-apply/<name>/component`.
 *
 * No Node imports here: the browser tests read this list too. `scripts/exports.mjs` writes package.json.
 */
/** Each element's own entry point (the module that registers its tag), by name. */
export const ELEMENT_ENTRIES = {
  'apply-wizard': 'src/components/apply-wizard/apply-wizard.ts',
  'terms-consent': 'src/components/terms-consent/terms-consent.ts',
  'company-form': 'src/components/company-form/company-form.ts',
  'admin-user-form': 'src/components/admin-user-form/admin-user-form.ts',
  'cert-info-form': 'src/components/cert-info-form/cert-info-form.ts',
  confirmation: 'src/components/confirmation/confirmation.ts',
  completion: 'src/components/completion/completion.ts',
  'invitation-form': 'src/components/invitation-form/invitation-form.ts',
  'date-field': 'src/components/date-field/date-field.ts',
  'certificate-renewal-form': 'src/components/certificate-renewal-form/certificate-renewal-form.ts',
  'partner-sign-in': 'src/components/partner-sign-in/partner-sign-in.ts',
  'company-user-form': 'src/components/company-user-form/company-user-form.ts',
  'company-users': 'src/components/company-users/company-users.ts',
  'signer-certificate-form': 'src/components/signer-certificate-form/signer-certificate-form.ts',
  'certificate-activation': 'src/components/certificate-activation/certificate-activation.ts',
  'paper-application': 'src/components/paper-application/paper-application.ts',
};

/** The entries that are not elements: subpath → source module. */
const OTHER_ENTRIES = {
  '.': 'src/index.ts',
  './domain': 'src/domain/index.ts',
  './api': 'src/api/index.ts',
  './mocks': 'src/mocks/index.ts',
  './mocks/browser': 'src/mocks/browser.ts',
};

/** The class module beside a registration module: `x/x.ts` → `x/x.component.ts`. */
const componentOf = (path) => path.replace(/\.ts$/, '.component.ts');

/** Every source module the library build starts from. */
export const LIBRARY_ENTRIES = [
  ...Object.values(OTHER_ENTRIES),
  ...Object.values(ELEMENT_ENTRIES).flatMap((path) => [path, componentOf(path)]),
];

/** `{ types, import }` of a source module as built: dist/lib mirrors src. */
const built = (path) => {
  const base = `./dist/lib/${path.replace(/^src\//, '').replace(/\.ts$/, '')}`;
  return { types: `${base}.d.ts`, import: `${base}.js` };
};

/** A types-only framework entry: the generated typings and an empty module, so a plain `import` of it also builds. */
const framework = (name) => ({ types: `./dist/frameworks/${name}.d.ts`, import: `./dist/frameworks/${name}.js` });

/** package.json's `exports`, in order. */
export function packageExports() {
  return {
    '.': built(OTHER_ENTRIES['.']),
    ...Object.fromEntries(
      Object.entries(ELEMENT_ENTRIES).flatMap(([name, path]) => [
        [`./${name}`, built(path)],
        [`./${name}/component`, built(componentOf(path))],
      ]),
    ),
    ...Object.fromEntries(Object.entries(OTHER_ENTRIES).filter(([subpath]) => subpath !== '.').map(([subpath, path]) => [subpath, built(path)])),
    // In Node (SSR, tests) the modules with Lit's server build; in a browser the one file with everything inlined.
    './bundle': { types: './dist/lib/index.d.ts', node: './dist/lib/index.js', default: './dist/bundle/cectrust-apply.js' },
    './react': framework('react'),
    './vue': framework('vue'),
    './svelte': framework('svelte'),
    './custom-elements.json': './custom-elements.json',
    './web-types.json': './dist/web-types.json',
    './vscode.html-custom-data.json': './dist/vscode.html-custom-data.json',
    './vscode.css-custom-data.json': './dist/vscode.css-custom-data.json',
    './openapi.json': './openapi.json',
    './package.json': './package.json',
  };
}
