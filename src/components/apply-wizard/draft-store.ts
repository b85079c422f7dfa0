import type { Application } from '../../domain/index.js';
import type { ApplicationDraft } from '../shared/draft.js';

/**
 * A draft as kept in this browser, with the step the user was on and, once 確定 was pressed, the
 * submission exactly as sent (so a reload after a lost answer can ask for its receipt again).
 */
export type StoredDraft = ApplicationDraft & { stepId?: string; submission?: { key: string; application: Application } };

/**
 * The optional draft extension of the backend contract (`PUT`/`GET {endpoint}/invitations/{token}/draft`),
 * for resuming on another device; `ApplyApi` implements it. `save` resolves `false` when the endpoint
 * has no draft support (404), and the store then stops asking.
 */
export interface RemoteDrafts {
  saveDraft(token: string, draft: unknown): Promise<boolean>;
  loadDraft(token: string): Promise<{ draft: unknown } | undefined>;
}

/** Quiet time after the last edit before the draft goes to the backend: one request per pause, not per key. */
export const REMOTE_SAVE_DELAY_MS = 1000;

const PREFIX = 'cec-apply-draft:';
const RECEIPT_PREFIX = 'cec-apply-receipt:';

/**
 * A completed application as this browser remembers it, so that a reload, Back/Forward or the mail link
 * opened again shows its completion page instead of the form or the invalid-link page.
 */
export interface KeptReceipt {
  receiptNumber: string;
  /** The administrator's address the mails go to (absent when only this tab keeps the number). */
  email?: string;
}
const DATABASE = 'cec-apply';
const DOCUMENTS = 'documents';

/**
 * Keeps the draft in this browser so a reload or a closed tab loses nothing: the fields in local
 * storage, the chosen PDF in IndexedDB (a `File` does not survive JSON). Scoped to the invitation by
 * a SHA-256 of its token, so the token itself is not written to storage. With a `remote`, the fields
 * (never the PDF) also go to the backend after each pause in typing, and a browser with nothing kept
 * resumes from there.
 *
 * @example
 * const store = new DraftStore();
 * store.save(token, draft);
 * const restored = await store.load(token);
 */
export class DraftStore {
  readonly #remote: RemoteDrafts | undefined;
  #remoteSupported = true;
  #remoteTimer: ReturnType<typeof setTimeout> | undefined;
  #pendingRemoteSave: (() => void) | undefined;
  /** Token digests by token: computed once per invitation, not on every keystroke. */
  readonly #keys = new Map<string, Promise<string>>();
  /** The document last written to IndexedDB per key: it is written again only when it changes. */
  readonly #storedDocuments = new Map<string, File | undefined>();

  constructor(remote?: RemoteDrafts) {
    this.#remote = remote;
  }

  /** Saves `draft`: the fields on every call (cheap), the document only when another one was chosen. */
  save(token: string, draft: StoredDraft): void {
    const { document, ...company } = draft.company;
    const { submission, ...fields } = draft;
    this.#scheduleRemoteSave(token, { ...fields, company }); // the backend keeps what was typed, never a submission
    void this.#key(token)
      .then((key) => {
        try {
          localStorage.setItem(key, JSON.stringify({ ...draft, company }));
        } catch {
          // storage full or disabled (private mode): resume is a convenience, the wizard goes on without it
        }
        if (this.#storedDocuments.has(key) && this.#storedDocuments.get(key) === document) return undefined;
        this.#storedDocuments.set(key, document);
        return document ? putDocument(key, document) : deleteDocument(key);
      })
      .catch(() => undefined);
  }

  /** The draft kept for `token` (in this browser, else on the backend), with its document, or `undefined`. */
  async load(token: string): Promise<StoredDraft | undefined> {
    // Asked at once, beside the token's digest (and the wizard's invitation request), not after the
    // local lookup: a first visit then waits for one round trip, not two in a row (issue 12, cold start).
    const remote = this.#loadRemote(token);
    const key = await this.#key(token);
    let stored: StoredDraft | undefined;
    try {
      const text = localStorage.getItem(key);
      stored = text ? (JSON.parse(text) as StoredDraft) : undefined;
    } catch {
      stored = undefined;
    }
    stored ??= await remote;
    if (!stored || typeof stored !== 'object') return undefined;
    const document = await getDocument(key).catch(() => undefined);
    this.#storedDocuments.set(key, document);
    if (document) stored.company = { ...stored.company, document };
    return stored;
  }

  /**
   * Remembers the receipt of `token`'s application: in this browser (local storage), or with
   * `tabOnly` (the host asked to keep nothing) only its number, for this tab (session storage).
   */
  async keepReceipt(token: string, receipt: KeptReceipt, { tabOnly = false } = {}): Promise<void> {
    const key = RECEIPT_PREFIX + (await this.#digest(token));
    try {
      if (tabOnly) sessionStorage.setItem(key, JSON.stringify({ receiptNumber: receipt.receiptNumber }));
      else localStorage.setItem(key, JSON.stringify(receipt));
    } catch {
      // storage disabled: a revisit then shows the 'already used' page
    }
  }

  /** The receipt kept for `token` (this browser first, then this tab), or `undefined`. */
  async receipt(token: string): Promise<KeptReceipt | undefined> {
    const key = RECEIPT_PREFIX + (await this.#digest(token));
    for (const storage of [localStorage, sessionStorage]) {
      try {
        const kept = JSON.parse(storage.getItem(key) ?? 'null') as KeptReceipt | null;
        if (kept && typeof kept.receiptNumber === 'string') return kept;
      } catch {
        // unreadable: as if nothing were kept
      }
    }
    return undefined;
  }

  /** Forgets the draft of `token` (on completion and when the invitation has expired or was used). */
  async clear(token: string): Promise<void> {
    clearTimeout(this.#remoteTimer);
    this.#pendingRemoteSave = undefined;
    const key = await this.#key(token);
    try {
      localStorage.removeItem(key);
    } catch {
      // nothing kept
    }
    this.#storedDocuments.delete(key);
    await deleteDocument(key).catch(() => undefined);
  }

  #scheduleRemoteSave(token: string, draft: StoredDraft): void {
    if (!this.#remote || !this.#remoteSupported) return;
    clearTimeout(this.#remoteTimer);
    this.#pendingRemoteSave = () => {
      this.#pendingRemoteSave = undefined;
      this.#remote!.saveDraft(token, draft).then(
        (kept) => (this.#remoteSupported = kept),
        () => undefined, // offline or refused: the local copy is enough, the next pause tries again
      );
    };
    this.#remoteTimer = setTimeout(this.#pendingRemoteSave, REMOTE_SAVE_DELAY_MS);
  }

  /** Sends a draft still waiting for a pause in typing now (the wizard is leaving the page). */
  flush(): void {
    clearTimeout(this.#remoteTimer);
    this.#pendingRemoteSave?.();
  }

  async #loadRemote(token: string): Promise<StoredDraft | undefined> {
    if (!this.#remote || !this.#remoteSupported) return undefined;
    const saved = await this.#remote.loadDraft(token).catch(() => undefined);
    const draft = saved?.draft;
    return draft && typeof draft === 'object' && !Array.isArray(draft) ? (draft as StoredDraft) : undefined;
  }

  async #key(token: string): Promise<string> {
    return PREFIX + (await this.#digest(token));
  }

  /** A SHA-256 of the token, so the token itself is not written to storage; computed once per invitation. */
  #digest(token: string): Promise<string> {
    let digest = this.#keys.get(token);
    if (!digest) {
      digest = crypto.subtle
        .digest('SHA-256', new TextEncoder().encode(token))
        .then((bytes) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join(''));
      this.#keys.set(token, digest);
    }
    return digest;
  }
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(DOCUMENTS);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = action(database.transaction(DOCUMENTS, mode).objectStore(DOCUMENTS));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    database.close();
  }
}

const putDocument = (key: string, file: File) => withStore('readwrite', (store) => store.put(file, key));
const deleteDocument = (key: string) => withStore('readwrite', (store) => store.delete(key));
const getDocument = (key: string) => withStore<File | undefined>('readonly', (store) => store.get(key) as IDBRequest<File | undefined>);
