import type { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { SessionSource } from '../../api/partner-admin.js';
import { DEFAULT_SUPPORT_EMAIL } from './partner-admin-controller.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base takes any constructor arguments
type ElementClass<T extends LitElement = LitElement> = abstract new (...args: any[]) => T;

/** The public properties `PartnerConnection` adds. */
export interface PartnerConnectionProperties {
  endpoint: string;
  session: string | undefined;
  sessionProvider: Exclude<SessionSource, string | undefined> | undefined;
  supportEmail: string;
  lang: string;
}

/**
 * What every partner element takes from its host, the way the wizard takes `endpoint`: the backend and
 * the session — a token property, or a function the host implements — plus the support address and the
 * language. One mixin rather than five copies, since both plain elements and a `FormStepElement` need it.
 *
 * @example
 * export class CecCompanyUsers extends PartnerConnection(LitElement) { … }
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ElementClass
export function PartnerConnection<Base extends ElementClass>(base: Base): Base & (abstract new (...args: any[]) => PartnerConnectionProperties) {
  abstract class PartnerConnected extends base implements PartnerConnectionProperties {
    /** Base URL of the backend, e.g. `/api`; the element calls `{endpoint}/partner/…`. */
    @property() endpoint = '';

    /** The session (`cec-signed-in`'s `detail.session`), sent as `Authorization: Bearer …`. Never an attribute. */
    @property({ attribute: false }) session: string | undefined;

    /** Or a function the host implements that gives the current session before every call (it wins over `session`). */
    @property({ attribute: false }) sessionProvider: Exclude<SessionSource, string | undefined> | undefined;

    /** Shown when nothing else helps (and when a lock needs the service's help). */
    @property({ attribute: 'support-email' }) supportEmail = DEFAULT_SUPPORT_EMAIL;

    /** Language: `ja` (default) or `en`; inherited from the nearest ancestor's `lang` when not set. */
    @property({ reflect: true }) override lang!: string;
  }
  // Typed by its interface: declarations cannot name the private members of an anonymous class.
  return PartnerConnected;
}
