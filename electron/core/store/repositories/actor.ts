/**
 * Who made a change, as recorded in the audit log: e.g. "reviewer", "cli", "system". Every
 * mutating repository call takes one, so no change is recorded without it.
 */
export type Actor = string;

/** The actor for changes the store makes on its own (creation, passphrase change). */
export const SYSTEM_ACTOR: Actor = "system";
