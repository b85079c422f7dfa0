import type { Database } from '../database.js';
import type { UploadGate } from '../http/multipart.js';

/** What the API routes work with; `createServer` builds it from its options. */
export interface ApiDependencies {
  database: Database;
  /** The current instant; tests pass a fixed clock to make invitations expire. */
  clock: () => Date;
  /** Upper bound of the uploaded PDF (SPEC, STEP 2: 10 MB by default). */
  maxDocumentBytes: number;
  /** Where invitation links point; the origin the admin request came to when absent. */
  publicBaseUrl: string | undefined;
  /** Caps on concurrent uploads and the bytes they bring. */
  uploadGate: UploadGate;
}
