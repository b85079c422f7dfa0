/**
 * Builds, by mode:
 * - `vite build` (production): the npm package — one ES module per source module (dist/lib/ mirrors
 *   src/; `tsc -p tsconfig.build.json` adds the declarations beside them), with lit / i18next / zod / msw
 *   left to the consumer's bundler. The entries are listed in scripts/element-entries.mjs.
 * - `vite build --mode bundle`: one file that defines every tag, everything inlined, for a plain
 *   `<script type="module">` (dist/bundle/); English is a separate chunk loaded only when asked for.
 *   The size budget is measured on this file.
 * - `vite build --mode demo`: the demo pages (portal, ordering-company console, operator, partner admin,
 *   certificate renewal and its operator page) → dist/demo/.
 */
import { resolve } from 'node:path';
import MagicString from 'magic-string';
import { defineConfig, parseAst, type Plugin } from 'vite';
import { LIBRARY_ENTRIES } from './scripts/element-entries.mjs';

const root = import.meta.dirname;

/**
 * The domain (zod schemas, normalisers) has no side effects on import: a module none of whose exports is
 * used is dropped whole. Without this the schema calls of unused modules (`z.url(…).check(…)` in
 * admin.ts) stay in the wizard's bundle, and with them zod's URL validation.
 */
const treeshake = { moduleSideEffects: (id: string) => !/[\\/]src[\\/]domain[\\/]/.test(id) };

/** Elements displayed as blocks (none of ours is restyled inline): whitespace beside their tags never shows. */
const BLOCK_TAGS = new Set(
  'address article aside dd details dialog div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p section summary table tbody td tfoot th thead tr ul'.split(' '),
);
/** A start or end tag, `${…}` bindings stood in for by \0 (quoted attribute values may hold `>`). */
const TAG = /<\/?([a-zA-Z][\w-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * An html`` template's markup with the layout whitespace gone and the rendering unchanged: indentation
 * beside a block-level tag is dropped, any other run holding a line break becomes one space, a tag's
 * attributes are separated by one space. Templates with <pre>, <textarea>, <script> or <style> are kept.
 */
function minifyHtml(markup: string): string {
  if (/<(pre|textarea|script|style)\b/i.test(markup)) return markup;
  const isBlock = (tag: string | undefined) => tag !== undefined && BLOCK_TAGS.has(tag.toLowerCase());
  let result = '';
  let from = 0;
  let previousTag: string | undefined;
  const text = (chunk: string, nextTag: string | undefined): string => {
    if (!chunk.includes('\n')) return chunk;
    if (!/\S/.test(chunk)) return isBlock(previousTag) || isBlock(nextTag) ? '' : ' ';
    return chunk
      .replace(/^\s*\n\s*/, isBlock(previousTag) ? '' : ' ')
      .replace(/\s*\n\s*$/, isBlock(nextTag) ? '' : ' ')
      .replace(/\s*\n\s*/g, ' ');
  };
  for (const match of markup.matchAll(TAG)) {
    result += text(markup.slice(from, match.index), match[1]);
    // Outside quotes only; whitespace before `/>` stays (after an unquoted binding `/` would join the value).
    result += match[0].replace(/("[^"]*"|'[^']*')|\s+(?=>)|\s+/g, (all, quoted: string | undefined, offset: number) =>
      quoted ?? (all.length > 0 && match[0][offset + all.length] === '>' ? '' : ' '),
    );
    previousTag = match[1];
    from = match.index + match[0].length;
  }
  return result + text(markup.slice(from), undefined);
}

/** A css`` template without comments, layout whitespace and leading zeros; strings are kept as written. */
function minifyCss(styles: string): string {
  return styles
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            // 0.5em → .5em (not 10.5em: the zero must start the number)
            .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2'),
    )
    .join('')
    .trim();
}

/** Calls `onNode` on every node of a parsed syntax tree, parents first; `false` skips the node's children. */
function visitNodes(node: unknown, onNode: (node: object) => boolean | void): void {
  if (Array.isArray(node)) return node.forEach((child) => visitNodes(child, onNode));
  if (typeof node !== 'object' || node === null || onNode(node) === false) return;
  for (const value of Object.values(node)) if (typeof value === 'object') visitNodes(value, onNode);
}

/**
 * Minifies the markup and styles inside Lit's html`` and css`` templates of our own sources (the JS
 * minifier leaves template text alone). Each template is rewritten as a whole, its bindings kept in
 * place; one whose bindings could not be matched back is left as written.
 */
function minifyLitTemplates(): Plugin {
  const minifiers: Record<string, (text: string) => string> = { html: minifyHtml, svg: minifyHtml, css: minifyCss };
  return {
    name: 'cec:minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const output = new MagicString(code);
      visitNodes(parseAst(code, { lang: 'ts' }), (node) => {
        const { type, tag, quasi } = node as { type?: string; tag?: { type: string; name: string }; quasi?: Quasi };
        const minify = type === 'TaggedTemplateExpression' && tag?.type === 'Identifier' ? minifiers[tag.name] : undefined;
        if (minify && quasi) {
          const pieces = minify(quasi.quasis.map((element) => element.value.raw).join('\0')).split('\0');
          if (pieces.length === quasi.quasis.length) {
            quasi.quasis.forEach((element, index) => {
              const start = element.start + 1; // after ` or }
              const end = start + element.value.raw.length;
              const piece = pieces[index] ?? element.value.raw;
              if (piece === element.value.raw) return;
              if (piece === '') output.remove(start, end);
              else output.update(start, end, piece);
            });
          }
        }
      });
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true, source: id }) } : null;
    },
  };
}

/**
 * The one-file bundle and the demo pages: i18next's log, warning and deprecation messages are printed
 * only by an instance made with `debug: true`, which `Translator` never makes (no host option reaches it
 * either), so their text can never show from the bundle. The JS minifier cannot know that; this empties the arguments
 * of those logger calls (`log`, `warn`, `deprecate`, `once`; `error` is kept, it prints without debug).
 * The library build leaves i18next to the consumer's bundler, untouched.
 */
function dropI18nextDebugMessages(): Plugin {
  const DEBUG_ONLY = new Set(['log', 'warn', 'deprecate', 'once']);
  return {
    name: 'cec:drop-i18next-debug-messages',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]i18next[\\/]dist[\\/]esm[\\/]i18next\.js$/.test(id)) return null;
      const output = new MagicString(code);
      visitNodes(parseAst(code), (node) => {
        const { type, callee, arguments: args } = node as LoggerCall;
        if (type !== 'CallExpression' || callee.type !== 'MemberExpression' || callee.computed || !DEBUG_ONLY.has(callee.property.name ?? '')) return true;
        const logger = callee.object;
        if ((logger.property?.name !== 'logger' && logger.name !== 'baseLogger') || args.length === 0) return true;
        output.remove(args[0]!.start, args.at(-1)!.end);
        return false;
      });
      return { code: output.toString(), map: output.generateMap({ hires: true, source: id }) };
    },
  };
}
interface LoggerCall {
  type: string;
  callee: { type: string; computed?: boolean; property: { name?: string }; object: { name?: string; property?: { name?: string } } };
  arguments: Array<{ start: number; end: number }>;
}

interface Quasi {
  quasis: Array<{ start: number; value: { raw: string } }>;
}


export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    return {
      root: resolve(root, 'demo'),
      plugins: [minifyLitTemplates(), dropI18nextDebugMessages()],
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
            renewal: resolve(root, 'demo/renewal/index.html'),
            renewalOperator: resolve(root, 'demo/renewal/operator.html'),
            operator: resolve(root, 'demo/operator/index.html'),
            partner: resolve(root, 'demo/partner/index.html'),
          },
        },
      },
    };
  }
  if (mode === 'bundle') {
    return {
      plugins: [minifyLitTemplates(), dropI18nextDebugMessages()],
      build: {
        outDir: resolve(root, 'dist/bundle'),
        emptyOutDir: true,
        // terser (3 passes), then rolldown's own minifier over its output: 54.8 → 54.5 kB gzip.
        minify: 'terser',
        terserOptions: { compress: { passes: 3 }, format: { comments: false } },
        sourcemap: true,
        lib: { entry: resolve(root, 'src/index.ts'), formats: ['es'], fileName: () => 'cectrust-apply.js' },
        rolldownOptions: {
          // The map names the sources (shipped in src/) without carrying them: 747 kB → about 100 kB.
          output: { minify: true, comments: false, sourcemapExcludeSources: true },
          treeshake,
        },
      },
    };
  }
  return {
    plugins: [minifyLitTemplates()],
    build: {
      outDir: resolve(root, 'dist/lib'),
      // Not emptied: `tsc -p tsconfig.build.json` writes the declarations beside the JS.
      emptyOutDir: false,
      lib: {
        entry: Object.fromEntries(LIBRARY_ENTRIES.map((path) => [path.replace(/^src\//, '').replace(/\.ts$/, ''), resolve(root, path)])),
        formats: ['es'],
      },
      rollupOptions: {
        treeshake,
        external: [/^lit/, /^@lit\//, /^i18next/, /^zod/, /^msw/],
        // One JS file per source module (dist/lib mirrors src/), as Shoelace and Lit publish: the
        // declarations, the manifest's paths and the `…/component` entries all point at real files.
        output: { preserveModules: true, preserveModulesRoot: resolve(root, 'src'), entryFileNames: '[name].js' },
      },
    },
  };
});
