import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "../../shared/formats/countries.js";
import { describeZodIssue, parseRequestDocument, requestDocumentSchema, type RequestDocument } from "../../shared/formats/request.js";
import { DATA_CATEGORIES } from "../../shared/vocabulary/data-categories.js";
import { INSTRUMENTS } from "../../shared/vocabulary/instruments.js";
import { URGENCY_LEVELS } from "../../shared/vocabulary/urgencies.js";

const FULL: RequestDocument = {
  schema: "counterseal.request/1",
  id: "REQ-2024-0042",
  revision: 2,
  submittedAt: "2024-06-01T09:30:00+02:00",
  instrument: "eu-production-order",
  urgency: { level: "expedited", reason: "Suspect leaves the country on 10 June.", respondBy: "2024-06-08T18:00:00Z" },
  issuingAuthority: { id: "FR-PARQUET-PARIS", name: "Parquet de Paris", country: "FR", kind: "prosecutor", contact: "cyber@parquet.example" },
  validatingAuthority: { name: "Juge des libertés, TJ Paris", country: "FR", kind: "judge", validatedAt: "2024-05-31T16:00:00+02:00" },
  caseReference: "PARQ-CYBER-2024/118",
  provider: { name: "Example Mail Ltd", country: "IE", service: "webmail" },
  legalBasis: [{ citation: "Regulation (EU) 2023/1543, Art. 5", text: "European Production Order" }, { citation: "CPP art. 60-1" }],
  offences: [{ description: "Extortion by e-mail", citation: "Code pénal art. 312-1", maxPenaltyMonths: 84, category: "cybercrime" }],
  targets: [
    { kind: "email", value: "x@example.org", role: "suspect" },
    { kind: "ip-address", value: "203.0.113.7" },
  ],
  dataCategories: ["subscriber", "traffic"],
  period: { from: "2024-03-01T00:00:00Z", to: "2024-05-31T23:59:59Z" },
  facts: "Threatening e-mails demanding payment were sent from the account.",
  necessity: "Only the provider holds the subscriber and traffic data of the account.",
  proportionality: "Three months of traffic data, limited to the one account.",
  lessIntrusiveMeans: "Open-source research did not identify the user.",
  minimization: "Content is not requested.",
  retentionDays: 365,
  nonDisclosure: { requested: true, reason: "Investigation would be compromised.", until: "2024-12-31T00:00:00Z" },
  relatedRequests: ["REQ-2024-0041"],
  attachments: [{ path: "attachments/order.pdf", title: "Signed production order", mediaType: "application/pdf" }],
};

const REQUIRED = ["schema", "id", "revision", "submittedAt", "instrument", "urgency", "issuingAuthority", "provider", "legalBasis", "offences", "targets", "dataCategories", "facts", "necessity", "proportionality", "attachments"] as const;

const clone = (): Record<string, unknown> => structuredClone(FULL) as unknown as Record<string, unknown>;
const REMOVE = Symbol("remove");

/** A copy of FULL with the value at `path` replaced, or removed with REMOVE. */
function changed(path: ReadonlyArray<string | number>, value: unknown): Record<string, unknown> {
  const document = clone();
  let node = document as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return document;
}
function messages(value: unknown): string[] {
  const result = parseRequestDocument(value);
  return result.ok ? [] : result.issues;
}

describe("request document schema", () => {
  it("accepts a full valid request, and a minimal one", () => {
    expect(requestDocumentSchema.parse(FULL)).toEqual(FULL);
    const minimal = Object.fromEntries(Object.entries(clone()).filter(([key]) => (REQUIRED as readonly string[]).includes(key)));
    expect(messages({ ...minimal, attachments: [] })).toEqual([]);
  });

  it("refuses an unknown field with its path, at any depth", () => {
    expect(messages({ ...clone(), priority: "high" })).toEqual(["$.priority: unknown field"]);
    expect(messages(changed(["targets", 1, "note"], "x"))).toEqual(["$.targets[1].note: unknown field"]);
    expect(messages(changed(["period", "until"], "2024-06-01T00:00:00Z"))).toEqual(["$.period.until: unknown field"]);
  });

  it.each(REQUIRED)("refuses a request without %s, naming its path", (field) => {
    expect(messages(changed([field], REMOVE))).toEqual([`$.${field}: required field is missing`]);
  });

  it.each<[string, Array<string | number>]>([
    ["urgency.level", ["urgency", "level"]],
    ["issuingAuthority.country", ["issuingAuthority", "country"]],
    ["targets[0].value", ["targets", 0, "value"]],
    ["legalBasis[1].citation", ["legalBasis", 1, "citation"]],
    ["period.to", ["period", "to"]],
    ["nonDisclosure.requested", ["nonDisclosure", "requested"]],
    ["attachments[0].mediaType", ["attachments", 0, "mediaType"]],
  ])("refuses a nested object without %s", (field, path) => {
    expect(messages(changed(path, REMOVE))).toEqual([`$.${field}: required field is missing`]);
  });

  it("refuses a period that ends before it starts, and accepts one instant", () => {
    const period = (from: string, to: string) => messages(changed(["period"], { from, to }));
    expect(period("2024-06-01T00:00:00+02:00", "2024-05-31T21:59:59Z")).toEqual(["$.period.to: must not be before period.from"]);
    expect(period("2024-06-01T00:00:00+02:00", "2024-05-31T22:00:00Z")).toEqual([]);
    expect(period("2024-06-01T00:00:00.0000002Z", "2024-06-01T00:00:00.0000001Z")).toEqual(["$.period.to: must not be before period.from"]);
  });

  it("refuses a data category listed twice, naming the second", () => {
    expect(messages(changed(["dataCategories"], ["subscriber", "traffic", "subscriber"]))).toEqual(['$.dataCategories[2]: "subscriber" is listed twice; dataCategories is a set']);
  });

  it.each<[string, Array<string | number>, unknown, string]>([
    ["a wrong schema", ["schema"], "counterseal.request/2", '$.schema: expected "counterseal.request/1"'],
    ["an id with a space", ["id"], "REQ 1", "$.id: expected 1 to 128 of A-Z a-z 0-9 . _ : -"],
    ["an id of 129 characters", ["id"], "a".repeat(129), "$.id: expected 1 to 128"],
    ["revision 0", ["revision"], 0, "$.revision: must be at least 1"],
    ["revision 1.5", ["revision"], 1.5, "$.revision: expected an integer"],
    ["a date-time without offset", ["submittedAt"], "2024-06-01T09:30:00", "$.submittedAt: expected an RFC 3339 date-time with seconds and an offset"],
    ["a date without time", ["urgency", "respondBy"], "2024-06-08", "$.urgency.respondBy: expected an RFC 3339 date-time"],
    ["an unknown instrument", ["instrument"], "letter", `$.instrument: expected one of ${INSTRUMENTS.join("|")}`],
    ["an unknown target kind", ["targets", 0, "kind"], "imei", "$.targets[0].kind: expected one of account|email|phone|ip-address|device-id|domain|payment-id|other"],
    ["an unknown role", ["targets", 0, "role"], "accomplice", "$.targets[0].role: expected one of suspect|victim|witness|unknown"],
    ["an unknown authority kind", ["issuingAuthority", "kind"], "ministry", "$.issuingAuthority.kind: expected one of court|judge|prosecutor|police|other"],
    ["a country that is not assigned", ["provider", "country"], "XK", "$.provider.country: expected an ISO 3166-1 alpha-2 country code, e.g. FR"],
    ["a lower-case country", ["issuingAuthority", "country"], "fr", "$.issuingAuthority.country: expected an ISO 3166-1"],
    ["no legal basis", ["legalBasis"], [], "$.legalBasis: must have at least 1 item"],
    ["no offence", ["offences"], [], "$.offences: must have at least 1 item"],
    ["no target", ["targets"], [], "$.targets: must have at least 1 item"],
    ["no data category", ["dataCategories"], [], "$.dataCategories: must have at least 1 item"],
    ["an unknown data category", ["dataCategories"], ["metadata"], "$.dataCategories[0]: expected one of subscriber|identification|device-logs|traffic|location|content"],
    ["a negative penalty", ["offences", 0, "maxPenaltyMonths"], -1, "$.offences[0].maxPenaltyMonths: must be at least 0"],
    ["fractional retention days", ["retentionDays"], 1.5, "$.retentionDays: expected an integer"],
    ["blank facts", ["facts"], "  \n", "$.facts: must not be empty or only whitespace"],
    ["a boolean as a string", ["nonDisclosure", "requested"], "yes", "$.nonDisclosure.requested: expected boolean"],
    ["an attachment outside data/", ["attachments", 0, "path"], "../bag-info.txt", "$.attachments[0].path: expected a path relative to data/"],
    ["an absolute attachment path", ["attachments", 0, "path"], "/data/x.pdf", "$.attachments[0].path: expected a path relative to data/"],
    ["the document as an attachment", ["attachments", 0, "path"], "request.json", "$.attachments[0].path: the request document itself is not an attachment"],
    ["a media type without subtype", ["attachments", 0, "mediaType"], "pdf", "$.attachments[0].mediaType: expected a media type such as application/pdf"],
    ["an attachment listed twice", ["attachments", 1], { path: "Attachments/Order.pdf", title: "Again", mediaType: "application/pdf" }, "$.attachments[1].path: is the same path as attachments[0].path"],
  ])("refuses %s", (_what, path, value, message) => {
    const found = messages(changed(path, value));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it("takes its vocabularies from shared/vocabulary, data categories least intrusive first", () => {
    expect(INSTRUMENTS).toHaveLength(8);
    expect(URGENCY_LEVELS).toEqual(["routine", "expedited", "emergency"]);
    expect(DATA_CATEGORIES).toEqual(["subscriber", "identification", "device-logs", "traffic", "location", "content"]);
    expect(COUNTRY_CODES.size).toBe(249);
    expect([...COUNTRY_CODES].every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
  });

  it("describes a missing plain field the same way without reportInput", () => {
    const result = requestDocumentSchema.safeParse(changed(["facts"], REMOVE));
    expect(result.success ? [] : result.error.issues.map(describeZodIssue)).toEqual(["$.facts: required field is missing"]);
  });
});
