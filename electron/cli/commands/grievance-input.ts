// `grievance add`'s flags read into a grievance's fields; each missing or malformed flag is named.
import type { GrievanceConcern } from "../../../shared/formats/grievance.js";
import { CliError } from "../exit-codes.js";

export interface EntryFlags {
  id?: string;
  complainantKind?: string;
  complainant?: string;
  contact?: string;
  concerns?: string;
  ground: string[];
  statement?: string;
  remedySought?: string;
  received?: string;
}

const REQUIRED = [
  ["id", "--id"],
  ["complainantKind", "--complainant-kind"],
  ["complainant", "--complainant"],
  ["concerns", "--concerns"],
  ["statement", "--statement"],
  ["remedySought", "--remedy-sought"],
  ["received", "--received"],
] as const;

/** The fields of a grievance (the register checks their values); exits 2 on a missing flag. */
export function entryFromFlags(flags: EntryFlags): Record<string, unknown> {
  const missing: string[] = REQUIRED.filter(([key]) => flags[key] === undefined).map(([, flag]) => flag);
  if (flags.ground.length === 0) missing.push("--ground");
  if (missing.length > 0) throw new CliError(`grievance add needs ${missing.join(", ")} (or --file)`);
  return {
    id: flags.id,
    complainant: { kind: flags.complainantKind, name: flags.complainant, ...(flags.contact !== undefined && { contact: flags.contact }) },
    concerns: concernsOf(flags.concerns ?? ""),
    grounds: flags.ground,
    statement: flags.statement,
    remedySought: flags.remedySought,
    received: flags.received,
  };
}

/** `request:AUTHORITY/ID[/REVISION]`, `decision:ID` or `unknown[:DESCRIPTION]`. */
export function concernsOf(text: string): GrievanceConcern {
  const [kind = "", ...rest] = text.split(":");
  const value = rest.join(":");
  if (kind === "unknown") return value === "" ? { kind: "unknown" } : { kind: "unknown", description: value };
  if (kind === "decision" && value !== "") return { kind: "decision", decisionId: value };
  if (kind === "request") {
    const parts = value.split("/");
    const [authority = "", id = "", revisionText] = parts;
    const revision = revisionText === undefined ? undefined : Number(revisionText);
    if (parts.length <= 3 && authority !== "" && id !== "" && (revision === undefined || (Number.isSafeInteger(revision) && revision >= 1))) {
      return { kind: "request", authority, id, ...(revision !== undefined && { revision }) };
    }
  }
  throw new CliError(`--concerns ${text}: use request:AUTHORITY/ID[/REVISION], decision:ID or unknown[:DESCRIPTION]`);
}
