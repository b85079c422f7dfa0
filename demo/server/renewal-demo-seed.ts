/**
 * The demo's in-house RA (issue 15): the demo account registers an RA contact, so that the renewal page
 * works against the real server and the renewal mails show in the account's console, and five client
 * certificates expiring 20–100 days from today (Japan time), re-dated on every start.
 */
import { addDays, tokyoToday } from '../../src/domain/dates.js';
import type { Database } from './database.js';
import { registerCertificates, registerRaContact } from './renewals.js';

/** The demo RA contact's address (the seed: only this address may request issuance). */
export const DEMO_RA_CONTACT_EMAIL = 'ra-contact@gas.example.jp';

/**
 * Registers the demo RA contact with `raKey` and its certificates `gw01…gw05.gas.example.jp`.
 *
 * @example
 * await seedDemoRenewal(database, { organisationId: company.id, raKey, now: new Date() });
 */
export async function seedDemoRenewal(database: Database, input: { organisationId: number; raKey: string; now: Date }): Promise<void> {
  await registerRaContact(database, { organisationId: input.organisationId, email: DEMO_RA_CONTACT_EMAIL, raKey: input.raKey, now: input.now });
  const today = tokyoToday(input.now);
  await registerCertificates(
    database,
    input.organisationId,
    [20, 35, 52, 60, 100].map((days, index) => ({
      commonName: `gw0${index + 1}.gas.example.jp`,
      certificateId: String(100001 + index),
      serial: `5E${String(index + 1).padStart(4, '0')}`,
      expiresOn: addDays(today, days),
    })),
  );
}
