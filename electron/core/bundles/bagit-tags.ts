// bag-info.txt (RFC 8493 §2.2.2) and the fields our profile requires in it.
//
// Each line is "Label: value"; a line that starts with a space or tab continues the value
// above it. Labels are matched case-insensitively. Surrounding whitespace of labels and values
// is not significant (the LoC suite has "Test-Tag : 3" in a valid bag). A label may repeat,
// except where RFC 8493 says it should not: Payload-Oxum MUST NOT repeat anywhere; under our
// profile neither may Bag-Size, Bag-Group-Identifier, Bag-Count (SHOULD NOT) nor any field of
// the spec's table.
import { readTagLines } from "./bagit-text.js";
import { refuse } from "./refusal.js";

export const BAG_INFO_TXT = "bag-info.txt";

export const BUNDLE_TYPES = ["request", "grievance", "decision", "grievance-response", "audit-pack"] as const;
export type BundleType = (typeof BUNDLE_TYPES)[number];

export interface BagInfoField {
  label: string;
  value: string;
  /** Line of the label, 1-based. */
  line: number;
}

export interface PayloadOxum {
  octets: number;
  count: number;
}

export interface ExternalIdentifier {
  authorityId: string;
  documentId: string;
  revision: number;
}

/** The bag-info.txt of a bundle, checked against the spec's table. */
export interface BagInfo {
  bundleType: BundleType;
  bundleVersion: 1;
  externalIdentifier: ExternalIdentifier;
  sourceOrganization: string;
  /** YYYY-MM-DD, a real calendar date. */
  baggingDate: string;
  payloadOxum: PayloadOxum;
  /** Every field as written, in order (for display; labels as the sender spelled them). */
  fields: readonly BagInfoField[];
}

const REQUIRED = ["Bundle-Type", "Bundle-Version", "External-Identifier", "Source-Organization", "Bagging-Date", "Payload-Oxum"] as const;
const PROFILE_SINGLE = [...REQUIRED, "Bag-Size", "Bag-Group-Identifier", "Bag-Count"];
const DOCUMENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Parses the label/value lines of a tag file in bag-info.txt's format. */
export function parseTagFields(bytes: Uint8Array, fileName = BAG_INFO_TXT): BagInfoField[] {
  const fields: BagInfoField[] = [];
  for (const line of readTagLines(bytes, fileName)) {
    const where = `${fileName} line ${line.number}`;
    if (line.text.trim() === "") refuse("bag-invalid", `${where} is empty`);
    if (/^[ \t]/.test(line.text)) {
      const previous = fields[fields.length - 1];
      if (previous === undefined) return refuse("bag-invalid", `${where} continues a value, but no label comes before it`);
      previous.value = `${previous.value} ${line.text.trim()}`.trim();
      continue;
    }
    const colon = line.text.indexOf(":");
    const label = colon === -1 ? "" : line.text.slice(0, colon).trim();
    if (label === "") refuse("bag-invalid", `${where}: expected "Label: value", found ${JSON.stringify(line.text)}`);
    fields.push({ label, value: line.text.slice(colon + 1).trim(), line: line.number });
  }
  return fields;
}

/** The RFC 8493 rules for bag-info.txt that hold for any bag: Payload-Oxum once and well formed. */
export function checkRfcBagInfo(fields: readonly BagInfoField[]): PayloadOxum | undefined {
  const oxum = single(fields, "Payload-Oxum");
  return oxum === undefined ? undefined : parsePayloadOxum(oxum);
}

/** Parses bag-info.txt and checks the spec's bag-info table; refuses with bag-invalid. */
export function parseBagInfo(bytes: Uint8Array): BagInfo {
  const fields = parseTagFields(bytes);
  for (const label of PROFILE_SINGLE) single(fields, label);
  const required = (label: (typeof REQUIRED)[number]): BagInfoField => {
    const field = single(fields, label);
    return field ?? refuse("bag-invalid", `${BAG_INFO_TXT}: the required field ${label} is missing`);
  };
  const invalid = (field: BagInfoField, why: string): never => refuse("bag-invalid", `${BAG_INFO_TXT} line ${field.line}: ${field.label} ${why}`);

  const type = required("Bundle-Type");
  if (!(BUNDLE_TYPES as readonly string[]).includes(type.value)) invalid(type, `${JSON.stringify(type.value)} is not one of ${BUNDLE_TYPES.join(", ")}`);
  const version = required("Bundle-Version");
  if (version.value !== "1") invalid(version, `${JSON.stringify(version.value)} is not 1`);
  const identifier = required("External-Identifier");
  const externalIdentifier = parseExternalIdentifier(identifier.value) ?? invalid(identifier, `${JSON.stringify(identifier.value)} is not <authority id>/<document id>/<revision>`);
  const organization = required("Source-Organization");
  if (organization.value === "") invalid(organization, "is empty");
  const date = required("Bagging-Date");
  if (!isCalendarDate(date.value)) invalid(date, `${JSON.stringify(date.value)} is not a date written YYYY-MM-DD`);

  return {
    bundleType: type.value as BundleType,
    bundleVersion: 1,
    externalIdentifier,
    sourceOrganization: organization.value,
    baggingDate: date.value,
    payloadOxum: parsePayloadOxum(required("Payload-Oxum")),
    fields,
  };
}

/** `<authority id>/<document id>/<revision>`; the authority id is what precedes the last two parts. */
export function parseExternalIdentifier(value: string): ExternalIdentifier | undefined {
  const match = value.match(/^(\S+)\/([^/\s]+)\/([1-9][0-9]{0,8})$/);
  if (match === null) return undefined;
  const [, authorityId = "", documentId = "", revision = ""] = match;
  if (!DOCUMENT_ID.test(documentId)) return undefined;
  return { authorityId, documentId, revision: Number(revision) };
}

/** The field of this label (case-insensitive), refusing a second one. */
function single(fields: readonly BagInfoField[], label: string): BagInfoField | undefined {
  const matches = fields.filter((field) => field.label.toLowerCase() === label.toLowerCase());
  const [first, second] = matches;
  if (first !== undefined && second !== undefined) {
    refuse("bag-invalid", `${BAG_INFO_TXT} line ${second.line}: ${label} appears a second time (first on line ${first.line}); it may appear once`);
  }
  return first;
}

function parsePayloadOxum(field: BagInfoField): PayloadOxum {
  const match = field.value.match(/^([0-9]{1,15})\.([0-9]{1,15})$/);
  if (match === null) return refuse("bag-invalid", `${BAG_INFO_TXT} line ${field.line}: Payload-Oxum ${JSON.stringify(field.value)} is not <octets>.<file count>`);
  return { octets: Number(match[1]), count: Number(match[2]) };
}

function isCalendarDate(value: string): boolean {
  const match = value.match(/^([0-9]{4})-([0-9]{2})-([0-9]{2})$/);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
