/**
 * Builds, by mode:
 * - `vite build` (production): the npm package — one ES entry per element, the domain, the API client
 *   and the mocks, with lit / i18next / zod / msw left to the consumer's bundler (dist/lib/).
 * - `vite build --mode bundle`: one file that defines every tag, everything inlined, for a plain
 *   `<script type="module">` (dist/bundle/); English is a separate chunk loaded only when asked for.
 *   The size budget is measured on this file.
 * - `vite build --mode demo`: the demo pages (portal and ordering-company console) → dist/demo/.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * The domain (zod schemas, normalisers) has no side effects on import: a module none of whose exports is
 * used is dropped whole. Without this the schema calls of unused modules (`z.url(…).check(…)` in
 * admin.ts) stay in the wizard's bundle, and with them zod's URL validation.
 */
const treeshake = { moduleSideEffects: (id: string) => !/[\\/]src[\\/]domain[\\/]/.test(id) };

const ELEMENT_ENTRIES = {
  'apply-wizard': 'src/components/apply-wizard/apply-wizard.ts',
  'terms-consent': 'src/components/terms-consent/terms-consent.ts',
  'company-form': 'src/components/company-form/company-form.ts',
  'admin-user-form': 'src/components/admin-user-form/admin-user-form.ts',
  'cert-info-form': 'src/components/cert-info-form/cert-info-form.ts',
  confirmation: 'src/components/confirmation/confirmation.ts',
  completion: 'src/components/completion/completion.ts',
  'invitation-form': 'src/components/invitation-form/invitation-form.ts',
};

export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    return {
      root: resolve(root, 'demo'),
      base: '/',
      build: {
        outDir: resolve(root, 'dist/demo'),
        emptyOutDir: true,
        // Strict CSP: no inline scripts or styles, so nothing may be inlined into the HTML.
        assetsInlineLimit: 0,
        modulePreload: { polyfill: false },
        rollupOptions: {
          treeshake,
          input: {
            portal: resolve(root, 'demo/index.html'),
            console: resolve(root, 'demo/console/index.html'),
          },
        },
      },
    };
  }
  if (mode === 'bundle') {
    return {
      build: {
        outDir: resolve(root, 'dist/bundle'),
        emptyOutDir: true,
        minify: true,
        sourcemap: true,
        lib: { entry: resolve(root, 'src/index.ts'), formats: ['es'], fileName: () => 'cectrust-apply.js' },
        rolldownOptions: {
          output: { minify: true, comments: false },
          treeshake,
        },
      },
    };
  }
  return {
    build: {
      outDir: resolve(root, 'dist/lib'),
      emptyOutDir: true,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          domain: resolve(root, 'src/domain/index.ts'),
          api: resolve(root, 'src/api/index.ts'),
          mocks: resolve(root, 'src/mocks/index.ts'),
          'mocks-browser': resolve(root, 'src/mocks/browser.ts'),
          ...Object.fromEntries(Object.entries(ELEMENT_ENTRIES).map(([name, path]) => [name, resolve(root, path)])),
        },
        formats: ['es'],
      },
      rollupOptions: {
        treeshake,
        external: [/^lit/, /^@lit\//, /^i18next/, /^zod/, /^msw/],
      },
    },
  };
});
