// The request document, data/request.json (sealed-bundle-v1, "The request document").
// Every object is strict: an unknown field is refused with its path, as the spec asks. Times
// are RFC 3339 date-times with seconds and an offset ("Z" or ±hh:mm); countries are ISO 3166-1
// alpha-2 codes that are actually assigned.
import { z } from "zod";
import { isCountryCode } from "./countries.js";
import { AUTHORITY_KINDS } from "../vocabulary/authority-kinds.js";
import { DATA_CATEGORIES } from "../vocabulary/data-categories.js";
import { INSTRUMENTS } from "../vocabulary/instruments.js";
import { TARGET_KINDS, TARGET_ROLES } from "../vocabulary/targets.js";
import { URGENCY_LEVELS } from "../vocabulary/urgencies.js";
import { identifierCharacterProblem } from "./invisible-characters.js";

export const REQUEST_SCHEMA = "counterseal.request/1";

const IDENTIFIER = /^[A-Za-z0-9._:-]{1,128}$/;
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

const text = z.string().regex(/\S/, "must not be empty or only whitespace");

/** Refuses invisible format, bidi and control characters, naming the first and its position. */
const visibleOnly = (value: string, ctx: z.core.$RefinementCtx<string>): void => {
  const problem = identifierCharacterProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};
/** A value the reviewer approves as it reads: an id, a target, a reference. */
const identifier = text.superRefine(visibleOnly);
const optionalText = z.string().optional();
const dateTime = z.iso.datetime({ offset: true, error: "expected an RFC 3339 date-time with seconds and an offset, e.g. 2024-06-01T09:30:00+02:00" });
const country = z.string().refine(isCountryCode, "expected an ISO 3166-1 alpha-2 country code, e.g. FR");
const authorityKind = z.enum(AUTHORITY_KINDS);

/** A path relative to data/, "/"-separated, that stays inside it. */
const attachmentPath = z
  .string()
  .min(1)
  .superRefine(visibleOnly)
  .refine(
    (path) => !path.startsWith("/") && !path.includes("\\") && !path.includes("\0") && path.split("/").every((part) => part !== "" && part !== "." && part !== ".."),
    "expected a path relative to data/, without a leading /, empty, . or .. segments or backslashes",
  )
  .refine((path) => path !== "request.json", "the request document itself is not an attachment");

const fold = (path: string): string => path.normalize("NFC").toLowerCase();

/** Orders two RFC 3339 date-times by instant, down to the nanosecond (Date.parse stops at ms). */
function compareInstants(a: string, b: string): number {
  const belowMillis = (time: string): string => (time.match(/\.[0-9]{3}([0-9]*)/)?.[1] ?? "").padEnd(9, "0");
  const [x, y] = [belowMillis(a), belowMillis(b)];
  return Date.parse(a) - Date.parse(b) || (x < y ? -1 : x > y ? 1 : 0);
}

export const requestDocumentSchema = z
  .strictObject({
    schema: z.literal(REQUEST_SCHEMA),
    id: z.string().superRefine(visibleOnly).regex(IDENTIFIER, "expected 1 to 128 of A-Z a-z 0-9 . _ : -"),
    revision: z.number().int().min(1),
    submittedAt: dateTime,
    instrument: z.enum(INSTRUMENTS),
    urgency: z.strictObject({ level: z.enum(URGENCY_LEVELS), reason: optionalText, respondBy: dateTime.optional() }),
    issuingAuthority: z.strictObject({ id: identifier, name: text, country, kind: authorityKind, contact: optionalText }),
    validatingAuthority: z.strictObject({ name: text, country, kind: authorityKind, validatedAt: dateTime.optional() }).optional(),
    caseReference: z.string().superRefine(visibleOnly).optional(),
    provider: z.strictObject({ name: text, country, service: optionalText }),
    legalBasis: z.array(z.strictObject({ citation: text, text: optionalText })).min(1),
    offences: z
      .array(z.strictObject({ description: text, citation: optionalText, maxPenaltyMonths: z.number().int().min(0).optional(), category: optionalText }))
      .min(1),
    targets: z.array(z.strictObject({ kind: z.enum(TARGET_KINDS), value: identifier, role: z.enum(TARGET_ROLES).optional() })).min(1),
    dataCategories: z
      .array(z.enum(DATA_CATEGORIES))
      .min(1)
      .superRefine((categories, ctx) => {
        categories.forEach((category, index) => {
          if (categories.indexOf(category) !== index) ctx.addIssue({ code: "custom", path: [index], message: `"${category}" is listed twice; dataCategories is a set` });
        });
      }),
    period: z
      .strictObject({ from: dateTime, to: dateTime })
      .refine((period) => compareInstants(period.from, period.to) <= 0, { path: ["to"], message: "must not be before period.from" })
      .optional(),
    facts: text,
    necessity: text,
    proportionality: text,
    lessIntrusiveMeans: optionalText,
    minimization: optionalText,
    retentionDays: z.number().int().min(0).optional(),
    nonDisclosure: z.strictObject({ requested: z.boolean(), reason: optionalText, until: dateTime.optional() }).optional(),
    relatedRequests: z.array(identifier).optional(),
    attachments: z
      .array(z.strictObject({ path: attachmentPath, title: text, mediaType: z.string().regex(MEDIA_TYPE, "expected a media type such as application/pdf") }))
      .superRefine((attachments, ctx) => {
        const seen = new Map<string, number>();
        attachments.forEach((attachment, index) => {
          const first = seen.get(fold(attachment.path));
          if (first !== undefined) ctx.addIssue({ code: "custom", path: [index, "path"], message: `is the same path as attachments[${first}].path` });
          else seen.set(fold(attachment.path), index);
        });
      }),
  });

export type RequestDocument = z.infer<typeof requestDocumentSchema>;

/** A JSON path for a zod issue path: $.targets[0].kind */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, "$");
}

type Issue = z.core.$ZodIssue;

export type RequestParseResult = { ok: true; value: RequestDocument } | { ok: false; issues: string[] };

/** Parses a request document (already strict-JSON parsed) into a value or one sentence per issue. */
export function parseRequestDocument(value: unknown): RequestParseResult {
  // reportInput lets describeZodIssue tell a missing field from a wrong one.
  const result = requestDocumentSchema.safeParse(value, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues.map(describeZodIssue) };
}

/** True when the issue is about a field that is absent (known when parsed with reportInput). */
const isMissing = (issue: Issue): boolean =>
  ("input" in issue && issue.input === undefined && issue.code !== "unrecognized_keys") || (issue.code === "invalid_type" && / received undefined$/.test(issue.message));

/** One sentence per issue, led by the JSON path: `$.targets[0].kind: expected one of account|email|…`. */
export function describeZodIssue(issue: Issue): string {
  const at = jsonPath(issue.path);
  if (isMissing(issue)) return `${at}: required field is missing`;
  switch (issue.code) {
    case "unrecognized_keys": {
      const paths = issue.keys.map((key) => jsonPath([...issue.path, key])).join(", ");
      return `${paths}: unknown field${issue.keys.length > 1 ? "s" : ""}`;
    }
    case "invalid_type":
      return `${at}: expected ${issue.expected === "int" ? "an integer" : issue.expected}`;
    case "invalid_value":
      return issue.values.length === 1 ? `${at}: expected ${JSON.stringify(issue.values[0])}` : `${at}: expected one of ${issue.values.join("|")}`;
    case "too_small":
      if (issue.origin === "array") return `${at}: must have at least ${issue.minimum} item${issue.minimum === 1 ? "" : "s"}`;
      if (issue.origin === "string") return `${at}: must not be empty`;
      return `${at}: must be at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array" ? `${at}: must have at most ${issue.maximum} items` : `${at}: must be at most ${issue.maximum}`;
    default:
      return `${at}: ${issue.message}`;
  }
}
