// What the grievance tests share: a letter's grievance, with names in Polish, Cyrillic and Greek
// so every layer (store, signature, PDF) carries them unchanged.
import type { GrievanceEntry } from "../../shared/api/grievances.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";

export function letterGrievance(overrides: Partial<GrievanceEntry> = {}): GrievanceEntry {
  return {
    id: "G-2026-0001",
    complainant: { kind: "data-subject", name: "Анна Müller-Wójcik", contact: "ul. Piotrkowska 1, 90-001 Łódź" },
    concerns: { kind: "request", authority: SAMPLE_AUTHORITY.id, id: "OM-RTM-2026-0117" },
    grounds: ["excessive-scope", "not-notified"],
    statement: "Moje konto ujawniono na dwa miesiące, choć nie miałam nic wspólnego z wiadomościami; Ξ was never told.",
    remedySought: "Delete my data and tell me what was disclosed.",
    received: "2026-11-18",
    ...overrides,
  };
}
