/**
 * The domain of the CECTRUST-Light application: schemas, normalisers, the corporate-number check and
 * the document check. No UI here; servers import this entry on its own.
 */
export * from './schemas.js';
export * from './normalise.js';
export * from './corporate-number.js';
export * from './document.js';
export * from './validation.js';
export * from './invitation.js';
export * from './admin.js';
