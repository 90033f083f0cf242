// The store and its session: status, creation, unlock and lock, passphrase, settings.
import { z } from "zod";
import { method, none } from "./method.js";
import { reviewerIdentity } from "./keyring.js";

export const storeStatus = z.strictObject({
  state: z.enum(["missing", "locked", "unlocked"]),
  location: z.string(),
  /** Present only when there is something to fix: the store folder or files other users can read. */
  warnings: z.array(z.string()).optional(),
});

export const settings = z.strictObject({
  idleLockMinutes: z.number().int().min(1).max(240),
  locale: z.string().min(2).max(35),
});

const passphrase = z.string().min(1, "the passphrase is empty");

export const storeMethods = {
  getStoreStatus: method(none, storeStatus),
  createStore: method(
    z.strictObject({
      reviewerName: z.string().trim().min(1),
      office: z.string().trim().min(1),
      passphrase,
      /** A committee auditor's store (docs/audit-sampling.md, "Auditor mode"), as `init --auditor` makes: fixed when created. */
      auditor: z.boolean().optional(),
    }),
    reviewerIdentity,
  ),
  unlock: method(z.strictObject({ passphrase }), reviewerIdentity),
  lock: method(none, z.null()),
  changePassphrase: method(z.strictObject({ current: passphrase, next: passphrase }), z.null()),
  getSettings: method(none, settings),
  updateSettings: method(settings.partial().strict(), settings),
} as const;

export type StoreStatus = z.output<typeof storeStatus>;
export type Settings = z.output<typeof settings>;
