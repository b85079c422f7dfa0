/**
 * Finds a Chromium or Chrome on this machine: CHROME_PATH first, then the usual install paths.
 * Test tools never download a browser of their own here (no internet but the npm registry).
 */
import { existsSync } from 'node:fs';

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags for headless Chromium as root on a closed network (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The browser's path, or `undefined` when none is installed. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, ...USUAL_PATHS].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

/** The browser's path; exits at once, naming what to install, when there is none. */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    console.error(
      'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set CHROME_PATH to its executable.',
    );
    process.exit(1);
  }
  return path;
}
