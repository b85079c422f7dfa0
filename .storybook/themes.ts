/**
 * The toolbar's themes: the elements' defaults, and two ordering companies that brand the application
 * their own way through the `--cec-*` custom properties alone (README, "Theming"). They differ on
 * purpose — light and green with square corners, dark navy with large type — so a designer sees at a
 * glance which parts follow the theme and which do not.
 */

/** A theme as the story wrapper applies it: custom properties, inherited through the shadow roots. */
export interface StoryTheme {
  title: string;
  properties: Record<string, string>;
}

export const THEMES = {
  default: { title: 'Default', properties: {} },
  green: {
    title: 'Brand: deep green (light)',
    properties: {
      '--cec-color-primary': '#0b6e4f',
      '--cec-color-on-primary': '#ffffff',
      '--cec-color-text': '#17261f',
      '--cec-color-muted': '#3f5249',
      '--cec-color-surface': '#ffffff',
      '--cec-color-subtle': '#eaf4ef',
      '--cec-color-border': '#5b7a6c',
      '--cec-color-error': '#a4161a',
      '--cec-font-family': "'Hiragino Mincho ProN', 'Yu Mincho', 'Noto Serif JP', serif",
      '--cec-radius': '0',
      '--cec-space': '1.125rem',
      '--cec-focus-ring': '3px solid #0b6e4f',
    },
  },
  navy: {
    title: 'Brand: navy (dark, high contrast)',
    properties: {
      '--cec-color-primary': '#ffd166',
      '--cec-color-on-primary': '#0a1f44',
      '--cec-color-text': '#ffffff',
      '--cec-color-muted': '#d5deef',
      '--cec-color-surface': '#0a1f44',
      '--cec-color-subtle': '#16305f',
      '--cec-color-border': '#c2cde3',
      '--cec-color-error': '#ffb4ab',
      '--cec-color-warning-surface': '#3a2c00',
      '--cec-font-size': '1.125rem',
      '--cec-radius': '12px',
      '--cec-focus-ring': '3px solid #ffd166',
    },
  },
} satisfies Record<string, StoryTheme>;

export type ThemeName = keyof typeof THEMES;

/** The theme of a toolbar value, the default for anything unknown. */
export function themeOf(name: unknown): StoryTheme {
  return THEMES[(typeof name === 'string' && name in THEMES ? name : 'default') as ThemeName];
}
