/**
 * How `npm run analyze` builds custom-elements.json (published with the package, read by Storybook's
 * autodocs) and, from it, the framework typings and editor data. The command line gives `--litelement`
 * and the globs.
 *
 * 1. Events: the analyzer guesses an event's name from the first argument of
 *    `this.dispatchEvent(new X(…))`. The elements dispatch event classes (`new StepChangeEvent(stepId, …)`),
 *    so the guess is a constructor argument (`stepId`) or nothing. The events are documented with
 *    `@fires {DetailType} name - …` instead; an event keeps its place only when its name is a custom
 *    event name (lower case, with a hyphen), which every `@fires` name is.
 * 2. Paths: the manifest names the shipped modules (`dist/lib/…/x.js`, declarations beside them), not
 *    the TypeScript sources.
 * 3. Generated from the manifest by the custom-elements-manifest ecosystem's generators, into dist/:
 *    JSX props (React), Vue `GlobalComponents`, Svelte `svelteHTML`, VS Code custom data, JetBrains
 *    web-types. A few lines below wire the JSX and Vue typings into React's and Vue's own interfaces,
 *    so that one `import '@cectrust/light-apply/react'` (or `/vue`, `/svelte`) types every tag.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

const EVENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const FRAMEWORKS = 'dist/frameworks';

/** Drops the events whose names the analyzer guessed from constructor arguments. */
function documentedEventsOnly() {
  return {
    name: 'cec-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!Array.isArray(declaration.events)) continue;
          declaration.events = declaration.events.filter((event) => EVENT_NAME.test(event.name ?? ''));
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

/**
 * The registration modules call `defineElement('cec-x', CecX)` (src/components/shared/define.ts) rather
 * than `customElements.define`, which is all the analyzer recognises: each such call is recorded as the
 * analyzer records a define call, so the class gets its tag name.
 */
function defineElementCalls() {
  return {
    name: 'cec-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      const source = node.getSourceFile();
      const imported = source.statements.find(
        (statement) =>
          ts.isImportDeclaration(statement) &&
          statement.importClause?.namedBindings &&
          ts.isNamedImports(statement.importClause.namedBindings) &&
          statement.importClause.namedBindings.elements.some((binding) => binding.name.text === element.text),
      );
      const from = imported ? new URL(imported.moduleSpecifier.text.replace(/\.js$/, '.ts'), `file:///${moduleDoc.path}`).pathname.slice(1) : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text, module: from } },
      ];
    },
  };
}

/**
 * The theme's custom properties are documented once, on the form steps' base class (src/components/shared/form-step.ts),
 * and read through `baseStyles`: every element whose `static styles` include `baseStyles` (or a module
 * of styles built on it) lists them.
 * test/components/manifest.test.ts compares the result with the properties the styles really read.
 */
function themeProperties() {
  /** Whether `styles` names `baseStyles`, or an imported module of styles that does (`partnerElementStyles`). */
  const readsBaseStyles = (ts, initializer) => {
    if (/\bbaseStyles\b/.test(initializer.getText())) return true;
    const source = initializer.getSourceFile();
    const names = new Set(initializer.getText().match(/\b\w+\b/g));
    return source.statements.some(
      (statement) =>
        ts.isImportDeclaration(statement) &&
        statement.moduleSpecifier.text.startsWith('.') &&
        statement.importClause?.namedBindings &&
        ts.isNamedImports(statement.importClause.namedBindings) &&
        statement.importClause.namedBindings.elements.some((binding) => names.has(binding.name.text)) &&
        /\bbaseStyles\b/.test(readFileSync(new URL(statement.moduleSpecifier.text.replace(/\.js$/, '.ts'), pathToFileURL(source.fileName)), 'utf8')),
    );
  };
  const themed = new Set();
  return {
    name: 'cec-theme-properties',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const styles = node.members.find(
        (member) => ts.isPropertyDeclaration(member) && member.name.getText() === 'styles' && member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
      );
      if (styles?.initializer && readsBaseStyles(ts, styles.initializer)) themed.add(`${moduleDoc.path}#${node.name.text}`);
    },
    packageLinkPhase({ customElementsManifest }) {
      const declarations = (customElementsManifest.modules ?? []).flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })));
      const theme = declarations.find(({ module, declaration }) => module.path.endsWith('shared/form-step.ts') && declaration.cssProperties)?.declaration.cssProperties ?? [];
      for (const { module, declaration } of declarations) {
        if (!themed.has(`${module.path}#${declaration.name}`)) continue;
        const listed = new Set((declaration.cssProperties ?? []).map((property) => property.name));
        declaration.cssProperties = [...(declaration.cssProperties ?? []), ...theme.filter((property) => !listed.has(property.name))];
      }
    },
  };
}

/** `src/x/y.ts` → `dist/lib/x/y.js` everywhere in the manifest (module paths and references). */
function shippedPaths() {
  const shipped = (value) => value.replace(/^\/?src\/(.+)\.ts$/, 'dist/lib/$1.js');
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = shipped(value);
      else visit(value);
    }
  };
  return {
    name: 'cec-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      visit(customElementsManifest);
    },
  };
}

/** The declaration module of a tag's entry, relative to dist/frameworks/. */
const entryTypes = (_className, tag) => `../lib/components/${tag.slice('cec-'.length)}/${tag.slice('cec-'.length)}.js`;

/**
 * The generators import each element's event detail types from its own module; two elements firing
 * the same event (`cec-error`) would import the same name twice. Later imports of a name are dropped.
 */
function onceImported(file) {
  const seen = new Set();
  const text = readFileSync(file, 'utf8').replace(/import type \{([^}]*)\} from ("[^"]+");/g, (_statement, names, from) => {
    const fresh = names.split(',').map((name) => name.trim()).filter((name) => name && !seen.has(name));
    fresh.forEach((name) => seen.add(name));
    return fresh.length > 0 ? `import type { ${fresh.join(', ')} } from ${from};` : '';
  });
  writeFileSync(file, text);
}

/**
 * The adapters the generators leave to each library: React's `JSX.IntrinsicElements` (with `ref`),
 * Vue's `GlobalComponents`, Svelte's `svelteHTML`; each with an empty module beside it, so that a plain
 * `import '@cectrust/light-apply/react'` also survives a bundler.
 */
function frameworkEntries() {
  const adapters = {
    'react.d.ts': `import type { RefAttributes } from 'react';
import type { CustomElements } from './jsx.js';
import '../lib/index.js';

/** React 19 props of each \`cec-*\` tag: attributes, properties and \`oncec-…\` handlers (from custom-elements.json). */
export type CecIntrinsicElements = {
  [Tag in keyof CustomElements]: CustomElements[Tag] & RefAttributes<Tag extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[Tag] : HTMLElement>;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CecIntrinsicElements {}
  }
}
`,
    'vue.d.ts': `import type { CustomElements } from './vue-components.js';
import '../lib/index.js';

export type { CustomElements };

declare module 'vue' {
  interface GlobalComponents extends CustomElements {}
}
`,
    // The generator writes Svelte 4's `on:event` and `bind:property` in a module-scoped namespace:
    // Svelte 5 also takes `onevent` and `property={…}` (a property when the element has it), globally.
    'svelte.d.ts': `import type { CustomElements } from './svelte-elements.js';
import '../lib/index.js';

/** Svelte 5 spellings beside the generated Svelte 4 ones: \`on:cec-x\` → \`oncec-x\`, \`bind:messages\` → \`messages\`. */
type Svelte5<Props> = Props & {
  [Key in keyof Props as Key extends \`on:\${infer Event}\` ? \`on\${Event}\` : Key extends \`bind:\${infer Property}\` ? Property : never]: Props[Key];
};

export type CecSvelteElements = { [Tag in keyof CustomElements]: Svelte5<CustomElements[Tag]> };

declare global {
  namespace svelteHTML {
    interface IntrinsicElements extends CecSvelteElements {}
  }
}
`,
  };
  return {
    name: 'cec-framework-entries',
    packageLinkPhase() {
      mkdirSync(FRAMEWORKS, { recursive: true });
      // The Svelte generator's base props borrow Solid's global JSX namespace, which Svelte projects lack.
      const svelteElements = `${FRAMEWORKS}/svelte-elements.d.ts`;
      writeFileSync(svelteElements, readFileSync(svelteElements, 'utf8').replace('JSX.Element', 'unknown').replace('JSX.CSSProperties', 'string'));
      for (const generated of ['jsx.d.ts', 'vue-components.d.ts', 'svelte-elements.d.ts']) onceImported(`${FRAMEWORKS}/${generated}`);
      // Vue hands `@cec-submitted` to the prop `onCecSubmitted`; the generator names it `oncec-submitted`.
      const vueComponents = `${FRAMEWORKS}/vue-components.d.ts`;
      const camel = (name) => name.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter) => letter.toUpperCase());
      writeFileSync(
        vueComponents,
        readFileSync(vueComponents, 'utf8').replace(/^(\s*)"on(cec-[\w-]+)"\?: (.*)$/gm, (line, indent, event, type) => `${line}\n${indent}on${camel(event)}?: ${type}`),
      );
      for (const [file, text] of Object.entries(adapters)) {
        writeFileSync(`${FRAMEWORKS}/${file}`, text);
        writeFileSync(`${FRAMEWORKS}/${file.replace(/\.d\.ts$/, '.js')}`, '// Types only: see the .d.ts beside this file.\nexport {};\n');
      }
    },
  };
}

const quiet = { hideLogs: true, componentTypePath: entryTypes, outdir: FRAMEWORKS };

export default {
  plugins: [
    defineElementCalls(),
    documentedEventsOnly(),
    themeProperties(),
    shippedPaths(),
    customElementJsxPlugin({ ...quiet, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...quiet, fileName: 'vue-components.d.ts' }),
    customElementSveltePlugin({ ...quiet, fileName: 'svelte-elements.d.ts' }),
    customElementVsCodePlugin({ hideLogs: true, outdir: 'dist', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json' }),
    customElementJetBrainsPlugin({ hideLogs: true, outdir: 'dist', fileName: 'web-types.json', packageJson: false }),
    frameworkEntries(),
  ],
};
