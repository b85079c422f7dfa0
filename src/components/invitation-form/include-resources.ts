import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { includeResources, type ResourceModule } from '../../i18n/i18n.js';
import type { LocalizeController } from '../shared/localize.js';

/**
 * Keeps an element's own resource module in whichever translator its `LocalizeController` gives it
 * (the standalone Japanese one, an English one once loaded, …), and updates the host once texts that
 * had to be loaded are in. Add it after the `LocalizeController`: controllers update in order, so it
 * sees the translator of this very update.
 *
 * @example
 * private readonly localize = new LocalizeController(this);
 * private readonly resources = new IncludeResourcesController(this, this.localize, invitationFormResources);
 */
export class IncludeResourcesController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #localize: LocalizeController;
  readonly #resources: ResourceModule;

  constructor(host: ReactiveControllerHost, localize: LocalizeController, resources: ResourceModule) {
    this.#host = host;
    this.#localize = localize;
    this.#resources = resources;
    host.addController(this);
    // Server-side rendering (@lit-labs/ssr) calls no hostUpdate: without this it would render the keys.
    if (isServer) this.hostUpdate();
  }

  hostUpdate(): void {
    const ready = includeResources(this.#localize.translator, this.#resources);
    if (ready !== true) void ready.then(() => this.#host.requestUpdate());
  }
}
