/**
 * Storybook's Vite config: deliberately empty. The repo's vite.config.ts is for the package, the bundle
 * and the demo (library entries, externals, another root); Storybook brings its own entries and output.
 * TypeScript goes through Vite's transformer with tsconfig.json (legacy decorators,
 * `useDefineForClassFields: false`), as in every other build of the elements.
 */
import { defineConfig } from 'vite';

export default defineConfig({});
