// Four eyes without a DOM: which colleague reviewers a countersignature request can be sealed to
// (the core's rule in electron/core/decisions/colleague-key.ts: an entry of kind reviewer with a
// key usable now that has an age recipient), which cannot and why, what an answer needs before it
// is sent, and the order of the requests received.
import type { CountersignRequestSummary } from "../../../../shared/api/countersign.js";
import type { KeyringEntry } from "../../../../shared/api/keyring.js";
import type { CountersignatureVerdict } from "../../../../shared/vocabulary/countersignature-verdicts.js";

export interface Colleague {
  /** The keyring entry's id, what `requestCountersignature` takes as `to`. */
  entry: string;
  name: string;
  /** The key a request would be sealed to (the newest usable one with an age recipient); null when there is none. */
  keyId: string | null;
}

const usableAt = (entry: KeyringEntry, at: number): boolean =>
  entry.revokedAt === null && (entry.validFrom === null || Date.parse(entry.validFrom) <= at) && (entry.validUntil === null || at < Date.parse(entry.validUntil));

/** The keyring's reviewer entries, by name: those a request can be sealed to now, and those it cannot (no usable key with an age recipient). */
export function colleaguesOf(entries: readonly KeyringEntry[], now: Date): { sealable: Colleague[]; unsealable: Colleague[] } {
  const at = now.getTime();
  const byEntry = new Map<string, KeyringEntry[]>();
  for (const entry of entries) if (entry.kind === "reviewer") byEntry.set(entry.authorityId, [...(byEntry.get(entry.authorityId) ?? []), entry]);
  const sealable: Colleague[] = [];
  const unsealable: Colleague[] = [];
  for (const [entry, keys] of byEntry) {
    const newest = [...keys].sort((a, b) => Date.parse(b.addedAt) - Date.parse(a.addedAt));
    const usable = newest.find((key) => key.ageRecipient !== null && usableAt(key, at));
    const name = newest[0]?.name ?? entry;
    if (usable) sealable.push({ entry, name: usable.name, keyId: usable.keyId });
    else unsealable.push({ entry, name, keyId: null });
  }
  const byName = (a: Colleague, b: Colleague) => a.name.localeCompare(b.name) || a.entry.localeCompare(b.entry);
  return { sealable: sealable.sort(byName), unsealable: unsealable.sort(byName) };
}

export type AnswerProblem = "reasons";

/** A decline must say why (the core refuses one without reasons); a signature's reasons are optional. */
export function checkAnswer(verdict: CountersignatureVerdict, reasons: string): AnswerProblem[] {
  return verdict === "declined" && reasons.trim() === "" ? ["reasons"] : [];
}

/** The answer's arguments: reasons trimmed, left out when empty. */
export function answerArgsOf(decisionId: string, verdict: CountersignatureVerdict, reasons: string): { decisionId: string; verdict: CountersignatureVerdict; reasons?: string } {
  const trimmed = reasons.trim();
  return { decisionId, verdict, ...(trimmed !== "" && { reasons: trimmed }) };
}

/** Waiting requests first (oldest first: they have waited longest), then the answered ones, newest answer first. */
export function requestsInOrder(requests: readonly CountersignRequestSummary[]): CountersignRequestSummary[] {
  const waiting = requests.filter((request) => request.answer === null).sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.decisionId.localeCompare(b.decisionId));
  const answered = requests
    .filter((request) => request.answer !== null)
    .sort((a, b) => Date.parse(b.answer?.at ?? "") - Date.parse(a.answer?.at ?? "") || a.decisionId.localeCompare(b.decisionId));
  return [...waiting, ...answered];
}
