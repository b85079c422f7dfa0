import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, requireChromium } from './scripts/find-chromium.mjs';
import { referenceServerPlugin } from './test/e2e/reference-server-plugin.mjs';
import { accessibilityTreePlugin } from './test/accessibility-tree-plugin.mjs';

const executablePath = requireChromium();
const mockServiceWorker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

/** Serves MSW's worker at the site root, where `setupWorker` registers it. */
const serveMockServiceWorker = {
  name: 'serve-mock-service-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      return { body: readFileSync(mockServiceWorker, 'utf8'), type: 'js' };
    }
  },
};

export default {
  files: ['test/**/*.test.ts', '!test/server/**', '!test/domain/**', '!test/i18n/**', '!test/package/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [
    serveMockServiceWorker,
    referenceServerPlugin(),
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    accessibilityTreePlugin(),
  ],
};
