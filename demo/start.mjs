#!/usr/bin/env node
/**
 * `npm start`: builds the demo pages (`vite build --mode demo` → dist/demo/) and runs the reference
 * backend on them at http://localhost:8787 (PORT to change). `--no-build` serves the last build.
 *
 * Environment: PORT, HOST, DEMO_API_KEY, DEMO_RA_KEY, OPERATOR_KEY (else each key is generated once and kept in .data/),
 * ALLOWED_ORIGINS (comma-separated extra origins that may call the API, e.g. Storybook's).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'demo'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The demo build failed (npx vite build --mode demo); not starting the server.');
    process.exit(build.status ?? 1);
  }
}

// The server is TypeScript; tsx compiles it on import, as in the tests.
register();
const { runDemoServer } = await import('./server/main.ts');
await runDemoServer({ root, staticDir: join(root, 'dist', 'demo') });
