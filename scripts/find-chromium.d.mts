/** Flags for headless Chromium as root on a closed network. */
export const CHROMIUM_ARGS: string[];
/** The browser's path, or `undefined` when none is installed. */
export function findChromium(): string | undefined;
/** The browser's path; exits at once, naming what to install, when there is none. */
export function requireChromium(): string;
