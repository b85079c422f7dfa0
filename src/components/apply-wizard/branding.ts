import { isServer } from 'lit';
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

/**
 * Only https images (or same-origin paths) are shown; anything else from an invitation is ignored.
 *
 * @example
 * safeImageUrl('javascript:alert(1)') // undefined
 */
export function safeImageUrl(value: string): string | undefined {
  try {
    // On the server (no page address) only an absolute address can be read, and only https passes.
    const url = new URL(value, isServer ? undefined : window.location.href);
    if (url.protocol === 'https:' || url.origin === window.location.origin) return url.href;
  } catch {
    // not a URL: ignored
  }
  return undefined;
}
