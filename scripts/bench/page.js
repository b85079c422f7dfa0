/**
 * The in-page half of `npm run bench`: mounts the wizard from the built one-file bundle and times it
 * with performance.now(). The endpoint is answered here, at once, by a stub `fetch` (no MSW, no
 * network): an open invitation, and 404 for drafts (an endpoint without the draft extension).
 * scripts/bench.mjs calls `window.bench.*` through Playwright.
 */
import '/bundle/cectrust-apply.js';

const TOKEN = 'bench-token';
const INVITATION = {
  token: TOKEN,
  inviter: { name: '株式会社発注建設' },
  expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
};

const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
  if (!url.pathname.startsWith('/api/')) return realFetch(input, init);
  if (url.pathname.startsWith('/api/invitations/') && !url.pathname.endsWith('/draft')) return Response.json(INVITATION);
  return new Response(null, { status: 404 });
};

const stage = document.getElementById('stage');
const channel = new MessageChannel();
/** Yields to the event loop without the 4 ms clamp of nested timers. */
const tick = () =>
  new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The step element in place in the wizard's shadow root (built-in steps are rendered there). */
const stepElement = (wizard) => wizard.shadowRoot?.querySelector('.step')?.firstElementChild ?? null;

/** STEP 1 drawn: its heading and the step's own fields are in the DOM. */
function firstStepRendered(wizard) {
  const heading = wizard.shadowRoot?.querySelector('#step-heading');
  const step = stepElement(wizard);
  return Boolean(heading?.textContent?.includes('STEP 1') && step?.shadowRoot?.querySelector('input'));
}

/** Removes what the wizard keeps in this browser, so every mount starts the same way. */
async function forgetDrafts() {
  localStorage.clear();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('cec-apply');
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

function newWizard(noResume) {
  const wizard = document.createElement('cec-apply-wizard');
  wizard.setAttribute('endpoint', '/api');
  wizard.setAttribute('token', TOKEN);
  if (noResume) wizard.setAttribute('no-resume', '');
  return wizard;
}

/** Mounts a wizard and resolves once STEP 1 is drawn and laid out: [wizard, milliseconds]. */
async function mount(noResume = false) {
  const start = performance.now();
  const wizard = newWizard(noResume);
  stage.append(wizard);
  while (!firstStepRendered(wizard)) await tick();
  void stage.offsetHeight; // style and layout, as for the static copy
  return [wizard, performance.now() - start];
}

/** Every open shadow root under `root`, the deepest last. */
function shadowRoots(root, found = []) {
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) {
      found.push(element.shadowRoot);
      shadowRoots(element.shadowRoot, found);
    }
  }
  return found;
}

/**
 * The rendered wizard as static HTML: declarative shadow roots, each with its adopted styles as a
 * <style>, and the tags renamed (`x-cec-…`) so that the defined elements do not upgrade and re-render.
 */
function staticCopy(wizard) {
  const roots = shadowRoots(stage);
  for (const root of roots) {
    const style = document.createElement('style');
    style.textContent = root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
    root.prepend(style);
  }
  const html = stage.getHTML({ shadowRoots: roots });
  wizard.remove();
  return html.replace(/<(\/?)cec-/g, '<$1x-cec-');
}

/** Parses and lays out the static copy: milliseconds. */
function renderStatic(html) {
  const start = performance.now();
  const container = document.createElement('div');
  container.setHTMLUnsafe(html);
  stage.append(container);
  void stage.offsetHeight;
  const elapsed = performance.now() - start;
  container.remove();
  return elapsed;
}

/**
 * First render of the wizard versus the same DOM as static HTML, alternated, `runs` times each; also
 * the wizard with `no-resume`, which skips the draft lookup (token digest, local storage, IndexedDB).
 */
async function firstRender(runs) {
  await forgetDrafts();
  let [wizard] = await mount(); // warm-up: module-level caches, JIT
  const html = staticCopy(wizard);
  renderStatic(html);
  const times = { wizard: [], noResume: [], static: [] };
  for (let run = 0; run < runs; run++) {
    for (const variant of ['wizard', 'noResume']) {
      await forgetDrafts();
      let elapsed;
      [wizard, elapsed] = await mount(variant === 'noResume');
      times[variant].push(elapsed);
      wizard.remove();
      await tick();
    }
    times.static.push(renderStatic(html));
  }
  // Each run's pair was measured back to back, under the same load: the median of their ratios is steadier.
  const ratios = times.wizard.map((time, run) => time / times.static[run]);
  return {
    wizard: median(times.wizard),
    noResume: median(times.noResume),
    static: median(times.static),
    ratio: median(ratios),
    staticBytes: html.length,
  };
}

/** Waits for the wizard's next `cec-step-change`, with the new heading focused: milliseconds from `start`. */
function stepChanged(wizard, start) {
  return new Promise((resolve) => {
    wizard.addEventListener(
      'cec-step-change',
      () => {
        const focused = wizard.shadowRoot.activeElement?.id === 'step-heading';
        void wizard.offsetHeight;
        resolve(focused ? performance.now() - start : Number.NaN);
      },
      { once: true },
    );
  });
}

const button = (wizard, part) => wizard.shadowRoot.querySelector(`[part~="${part}"]`);

/** STEP 1 → 2 on a valid STEP 1 (both consents given), `runs` times; 戻る in between is not timed. */
async function stepChange(runs) {
  await forgetDrafts();
  const [wizard] = await mount();
  for (const box of stepElement(wizard).shadowRoot.querySelectorAll('input[type="checkbox"]')) box.click();
  await tick();
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const done = stepChanged(wizard, start);
    button(wizard, 'next-button').click();
    times.push(await done);
    const back = stepChanged(wizard, performance.now());
    button(wizard, 'back-button').click();
    await back;
  }
  wizard.remove();
  return { median: median(times), focusedEveryTime: times.every((time) => !Number.isNaN(time)) };
}

/**
 * One keystroke in 企業名 (STEP 2): the input event, the form's validation of its fields (zod, through
 * validateSection) and the element's update, `runs` times.
 */
async function keystroke(runs) {
  await forgetDrafts();
  const [wizard] = await mount();
  for (const box of stepElement(wizard).shadowRoot.querySelectorAll('input[type="checkbox"]')) box.click();
  const arrived = stepChanged(wizard, performance.now());
  button(wizard, 'next-button').click();
  await arrived;
  const form = stepElement(wizard);
  const input = form.shadowRoot.querySelector('input[name="name"]');
  if (!input) throw new Error('企業名 not found on STEP 2');
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    input.value = `株式会社山田建設${'x'.repeat(run % 7)}`;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await form.updateComplete;
    times.push(performance.now() - start);
  }
  wizard.remove();
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p90: sorted[Math.floor(sorted.length * 0.9)] };
}

/** Mounts (to STEP 1 drawn) and removes the wizard `cycles` times. */
async function cycles(count) {
  for (let cycle = 0; cycle < count; cycle++) {
    await forgetDrafts();
    const [wizard] = await mount();
    wizard.remove();
    await tick();
  }
  await forgetDrafts();
}

window.bench = { firstRender, stepChange, keystroke, cycles, ready: true };
