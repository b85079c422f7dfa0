/**
 * How `npm run analyze` builds custom-elements.json (published with the package and read by Storybook's
 * autodocs). The command line gives `--litelement` and the globs; this file only cleans up events.
 *
 * The analyzer guesses an event's name from the first argument of `this.dispatchEvent(new X(…))`. The
 * elements dispatch event classes (`new StepChangeEvent(stepId, previousStep)`), so the guess is the
 * first constructor argument (`stepId`, `step`) or nothing. The events are documented with `@fires`
 * instead; the guesses are dropped: an event keeps its place only when its name is a custom event name
 * (lower case, with a hyphen), which every `@fires` name is.
 */
const EVENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

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

export default {
  plugins: [documentedEventsOnly()],
};
