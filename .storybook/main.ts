/**
 * Storybook for the elements: every element in each meaningful state, the backend answered by the
 * shared MSW handlers (src/mocks), docs pages from custom-elements.json (`npm run analyze` first: the
 * `storybook` and `build-storybook` scripts do it).
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      builder: {
        // The repo's vite.config.ts builds the package, the bundle and the demo by mode; none of that is
        // Storybook's business, so it gets a config of its own.
        viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
      },
    },
  },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  staticDirs: [
    // MSW's service worker at the site root, the very file of the installed msw (its version must match).
    { from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' },
    // A valid one-page PDF (the fixtures' minimalPdf()) to choose in STEP 2 when clicking through.
    { from: './static/sample-certificate.pdf', to: '/sample-certificate.pdf' },
  ],
  core: { disableTelemetry: true },
  // Storybook's own runtime (React docs, axe) is large; the elements' size budget is measured elsewhere.
  viteFinal: async (viteConfig) => {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, { build: { chunkSizeWarningLimit: 2048 } });
  },
};

export default config;
