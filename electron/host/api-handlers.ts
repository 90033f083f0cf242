// The API table: each contract method mapped to a core service call. The Electron IPC handlers
// and the e2e test host both serve exactly this table, so what the e2e tests prove holds for the app.
import { existsSync } from "node:fs";
import { importBundleFiles } from "../core/bundles/import-bundle.js";
import { addAgeIdentities, changePassphrase, describeIdentity, initializeStore } from "../core/identity/identity-service.js";
import { readAttachmentInline, saveAttachment } from "../core/requests/attachments-service.js";
import { queryInbox } from "../core/requests/inbox-service.js";
import { requestDetail } from "../core/requests/requests-service.js";
import { systemRuntime, type Runtime } from "../core/runtime.js";
import { openSession, type Session } from "../core/session.js";
import { getSettings, updateSettings } from "../core/settings/settings-service.js";
import { storeFile } from "../core/store/index.js";
import { addAuthorityKey, listKeyring, revokeAuthorityKey } from "../core/trust/keyring-service.js";
import type { ApiHandlers } from "./dispatch.js";
import { LockedError, withErrorCodes } from "./api-errors.js";

export interface ApiHandlerOptions {
  storeDir: string;
  runtime?: Runtime;
}

export type ApiHandlerTable = ApiHandlers & {
  /** Closes the store (on quit). */
  close(): void;
};

interface ImportState {
  active: boolean;
  fileIndex: number;
  fileCount: number;
  bytesRead: number;
  bytesTotal: number;
}

export function createApiHandlers(options: ApiHandlerOptions): ApiHandlerTable {
  const runtime = options.runtime ?? systemRuntime;
  const { storeDir } = options;
  let session: Session | undefined;
  // Locking while an import streams into the store cannot close it mid-transaction: the window is
  // locked at once (every call refused), and the store closes when the import has finished.
  let lockRequested = false;
  let progress: ImportState = { active: false, fileIndex: 0, fileCount: 0, bytesRead: 0, bytesTotal: 0 };

  const unlocked = (): Session => {
    if (!session || lockRequested) throw new LockedError("The store is locked: unlock it with its passphrase.");
    return session;
  };
  const close = (): void => {
    if (progress.active) {
      lockRequested = true;
      return;
    }
    session?.store.close();
    session = undefined;
    lockRequested = false;
  };
  const notImporting = (): void => {
    if (progress.active) throw new LockedError("An import is still finishing; try again in a moment.", "import-busy");
  };
  const become = (opened: Session) => {
    close();
    session = opened;
    return describeIdentity(opened);
  };

  const handlers: ApiHandlers = {
    getStoreStatus: () => ({
      state: session && !lockRequested ? "unlocked" : existsSync(storeFile(storeDir)) ? "locked" : "missing",
      location: storeDir,
    }),
    createStore: ({ reviewerName, office, passphrase }) => {
      notImporting();
      return become(initializeStore(storeDir, passphrase, { reviewerName, office }, runtime));
    },
    unlock: ({ passphrase }) => {
      notImporting();
      return become(openSession(storeDir, passphrase, runtime));
    },
    lock: () => {
      close();
      return null;
    },
    changePassphrase: ({ current, next }) => {
      changePassphrase(unlocked(), storeDir, current, next);
      return null;
    },
    getSettings: () => getSettings(unlocked()),
    updateSettings: (changes) => updateSettings(unlocked(), changes),

    getIdentity: () => describeIdentity(unlocked()),
    addAgeIdentities: ({ text }) => addAgeIdentities(unlocked(), text, "imported in the app"),
    listKeyring: () => listKeyring(unlocked()),
    addAuthorityKey: (input) =>
      addAuthorityKey(unlocked(), {
        authorityId: input.authorityId,
        name: input.name,
        country: input.country,
        minisignPublicKey: input.minisignPublicKey,
        ...(input.ageRecipient !== undefined && input.ageRecipient !== "" && { ageRecipient: input.ageRecipient }),
        ...(input.validFrom !== undefined && { validFrom: new Date(input.validFrom) }),
        ...(input.validUntil !== undefined && { validUntil: new Date(input.validUntil) }),
      }),
    revokeKey: ({ keyId }) => revokeAuthorityKey(unlocked(), keyId),

    importBundles: async ({ paths }) => {
      const current = unlocked();
      notImporting();
      progress = { active: true, fileIndex: 0, fileCount: paths.length, bytesRead: 0, bytesTotal: 0 };
      try {
        return await importBundleFiles(current, paths, {
          onProgress: (fileIndex, bytesRead, bytesTotal) => {
            progress = { ...progress, fileIndex, bytesRead, bytesTotal };
          },
        });
      } finally {
        progress = { ...progress, active: false };
        if (lockRequested) close();
      }
    },
    getImportProgress: () => ({ ...progress }),

    queryInbox: (query) => queryInbox(unlocked(), query),
    getRequest: (ref) => {
      const detail = requestDetail(unlocked(), ref);
      return {
        authority: detail.authority,
        authorityName: detail.authorityName,
        country: detail.country,
        id: detail.id,
        revision: detail.revision,
        instrument: detail.instrument,
        urgency: detail.urgency,
        status: detail.status,
        receivedAt: detail.receivedAt,
        submittedAt: detail.submittedAt,
        respondBy: detail.respondBy,
        document: detail.document,
        provenance: {
          signerKeyId: detail.provenance.signerKeyId,
          trustedComment: detail.provenance.trustedComment,
          sourceOrganization: detail.provenance.sourceOrganization,
          baggingDate: detail.provenance.baggingDate,
          bundleDigest: detail.provenance.bundleDigest,
          sealedSha256: detail.provenance.sealedSha256,
          receivedAt: detail.provenance.receivedAt,
        },
        attachments: detail.attachments,
        revisions: detail.revisions,
      };
    },
    readAttachment: (ref) => readAttachmentInline(unlocked(), ref),
    saveAttachment: ({ destination, ...ref }) => saveAttachment(unlocked(), ref, destination),
  };
  return { ...withErrorCodes(handlers), close };
}
