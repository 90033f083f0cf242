// The reviewer's identity, the office's age identities and the keyring of issuing authorities.
import { addAgeIdentities, describeIdentity } from "../../core/identity/identity-service.js";
import { addAuthorityKey, listKeyring, revokeAuthorityKey } from "../../core/keyring/keyring-service.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";

type KeyringHandlers = Pick<ApiHandlers, "getIdentity" | "addAgeIdentities" | "listKeyring" | "addAuthorityKey" | "revokeKey">;

export function keyringHandlers(sessions: SessionState): KeyringHandlers {
  return {
    getIdentity: () => describeIdentity(sessions.current()),
    addAgeIdentities: ({ text }) => addAgeIdentities(sessions.current(), text, "imported in the app"),
    listKeyring: () => listKeyring(sessions.current()),
    addAuthorityKey: (input) =>
      addAuthorityKey(sessions.current(), {
        authorityId: input.authorityId,
        ...(input.kind !== undefined && { kind: input.kind }),
        name: input.name,
        country: input.country,
        minisignPublicKey: input.minisignPublicKey,
        ...(input.ageRecipient !== undefined && input.ageRecipient !== "" && { ageRecipient: input.ageRecipient }),
        ...(input.validFrom !== undefined && { validFrom: new Date(input.validFrom) }),
        ...(input.validUntil !== undefined && { validUntil: new Date(input.validUntil) }),
      }),
    revokeKey: ({ keyId }) => revokeAuthorityKey(sessions.current(), keyId),
  };
}
