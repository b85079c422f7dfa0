/**
 * What every story shares: the docs (custom-elements.json), the mock backend (msw-storybook-addon with
 * the shared handlers of src/mocks), the language and theme switches of the toolbar, and the axe rules
 * of the a11y addon (the CI check uses the same ones).
 */
import { setCustomElementsManifest } from '@storybook/web-components';
import type { Decorator, Preview } from '@storybook/web-components';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { styleMap } from 'lit/directives/style-map.js';
import { initialize, mswLoader } from 'msw-storybook-addon';
import { configure } from 'storybook/test';
import customElements from '../custom-elements.json';
import { assetHandlers, defaultBackend, resetMockBackend } from '../stories/support/backend.js';
import { AXE_CONFIG, AXE_RUN_OPTIONS } from './a11y.mjs';
import { THEMES, themeOf } from './themes.js';

interface ManifestDeclaration {
  tagName?: string;
  summary?: string;
  description?: string;
  slots?: Array<{ name: string; description?: string }>;
}
type Manifest = { modules?: Array<{ declarations?: ManifestDeclaration[] }> };

/** Storybook's tables skip entries without a name, the default slot among them: it is shown as "(default)". */
function withDefaultSlotsNamed(manifest: Manifest): Manifest {
  const copy = structuredClone(manifest);
  for (const declaration of (copy.modules ?? []).flatMap((module) => module.declarations ?? [])) {
    for (const slot of declaration.slots ?? []) if (!slot.name) slot.name = '(default)';
  }
  return copy;
}

setCustomElementsManifest(withDefaultSlotsNamed(customElements as Manifest));

initialize({ onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } });

// Play functions wait for the wizard's round trips through the service worker: 1 s is short on a busy CI machine.
configure({ asyncUtilTimeout: 5000 });

function declarationOf(tagName: unknown): ManifestDeclaration | undefined {
  for (const module of (customElements as Manifest).modules ?? []) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tagName);
    if (found) return found;
  }
  return undefined;
}

/**
 * The docs page's description: the element's JSDoc (from custom-elements.json), the meta's
 * `parameters.usage` (the snippet an integrator copies) and `parameters.storiesNote` (how to use the
 * stories). A JSDoc block above a story file's `meta` would replace all of it: those use line comments.
 */
function componentDescription(tagName: unknown, { parameters }: { parameters: Record<string, unknown> }): string {
  const declaration = declarationOf(tagName);
  const text = (key: string) => (typeof parameters[key] === 'string' ? (parameters[key] as string).trim() : '');
  const usage = text('usage');
  const note = text('storiesNote');
  return [
    declaration?.summary ? `**${declaration.summary}**` : '',
    declaration?.description ?? '',
    usage ? `#### Usage\n\n\`\`\`html\n${usage}\n\`\`\`` : '',
    note ? `#### The stories\n\n${note}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Each story inside `<div lang>` (steps standing alone take their language from the nearest `lang`;
 * wizard stories pass it to the wizard's own `lang`) and the theme's custom properties. Keyed by
 * language, so a switch re-creates the elements rather than leaving them in the old language.
 */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = context.globals.locale === 'en' ? 'en' : 'ja';
  const theme = themeOf(context.globals.theme);
  const branded = Object.keys(theme.properties).length > 0;
  const style = branded
    ? { ...theme.properties, background: 'var(--cec-color-surface)', color: 'var(--cec-color-text)', padding: '1rem' }
    : {};
  return html`${keyed(locale, html`<div class="cec-story" lang=${locale} style=${styleMap(style)}>${story()}</div>`)}`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLocaleAndTheme],
  loaders: [resetMockBackend, mswLoader],
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'ja', title: '日本語 (ja)', right: 'ja' },
          { value: 'en', title: 'English (en)', right: 'en' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme: the defaults, or an ordering company\'s brand through --cec-* custom properties',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(THEMES).map(([value, theme]) => ({ value, title: theme.title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'ja', theme: 'default' },
  parameters: {
    // The steps in the applicant's order (STEP 1 → 6), then the wizard, then the ordering company's pieces.
    options: { storySort: { method: 'alphabetical', order: ['Steps', 'Wizard', 'Ordering company', '*'] } },
    layout: 'padded',
    controls: { expanded: true },
    docs: { extractComponentDescription: componentDescription },
    msw: { handlers: { backend: defaultBackend.handlers, assets: assetHandlers } },
    mockBackend: { backend: defaultBackend },
    a11y: { config: AXE_CONFIG, options: AXE_RUN_OPTIONS, test: 'error' },
  },
};

export default preview;
