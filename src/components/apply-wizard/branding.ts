import type { Branding } from '../../domain/index.js';

/**
 * Maps an ordering company's branding onto the theme's custom properties. Colours are accepted only
 * when the browser parses them as a plain colour (no `url()`, no `var()`), so an invitation can change
 * a colour and nothing else.
 *
 * @example
 * applyBranding(wizard, { primaryColor: '#0b6e4f' }) // sets --cec-color-primary on the wizard
 */
export function applyBranding(host: HTMLElement, branding: Branding | undefined): void {
  const colour = branding?.primaryColor?.trim();
  if (colour && isPlainColour(colour)) host.style.setProperty('--cec-color-primary', colour);
}

/** Whether `value` is a CSS colour and nothing more. */
export function isPlainColour(value: string): boolean {
  if (/[();{}\\]/.test(value) && !/^(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch)\([\d\s.,%/+-]*\)$/i.test(value)) return false;
  return CSS.supports('color', value);
}
