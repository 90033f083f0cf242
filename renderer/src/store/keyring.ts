// The keyring of issuing authorities and the reviewer's own identity.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { KeyringEntry, ReviewerIdentity } from "../../../shared/api/keyring.js";
import { dayToIso, entryIdOf, extractMinisignKey, type AddKeyDraft } from "../features/keyring/keyring-model.js";
import { failureFrom, type Failure } from "./failure.js";

interface KeyringState {
  entries: KeyringEntry[] | null;
  identity: ReviewerIdentity | null;
  loading: boolean;
  error: Failure | null;
  load: () => Promise<void>;
  /** Returns the added entry, or throws the API error for the form to show. */
  add: (draft: AddKeyDraft) => Promise<KeyringEntry>;
  revoke: (keyId: string) => Promise<KeyringEntry>;
  importAgeIdentities: (text: string) => Promise<{ added: string[]; known: string[] }>;
  reset: () => void;
}

export const useKeyring = create<KeyringState>()((set, get) => ({
  entries: null,
  identity: null,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true, error: null });
    try {
      const [entries, identity] = await Promise.all([api.listKeyring({}), api.getIdentity({})]);
      set({ entries, identity, loading: false });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ error: failure, loading: false });
    }
  },
  add: async (draft) => {
    const validFrom = draft.validFrom ? dayToIso(draft.validFrom, "start") : null;
    const validUntil = draft.validUntil ? dayToIso(draft.validUntil, "end") : null;
    const entry = await api.addAuthorityKey({
      authorityId: entryIdOf(draft),
      kind: draft.kind,
      name: draft.name.trim(),
      country: draft.country.trim().toUpperCase(),
      minisignPublicKey: extractMinisignKey(draft.publicKeyText),
      ...(draft.ageRecipient.trim() ? { ageRecipient: draft.ageRecipient.trim() } : {}),
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
    });
    set({ entries: [...(get().entries ?? []).filter((e) => e.keyId !== entry.keyId), entry] });
    return entry;
  },
  revoke: async (keyId) => {
    const entry = await api.revokeKey({ keyId });
    set({ entries: (get().entries ?? []).map((e) => (e.keyId === entry.keyId ? entry : e)) });
    return entry;
  },
  importAgeIdentities: async (text) => {
    const result = await api.addAgeIdentities({ text });
    const identity = await api.getIdentity({});
    set({ identity });
    return result;
  },
  reset: () => set({ entries: null, identity: null, loading: false, error: null }),
}));
