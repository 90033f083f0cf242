// A strict reading of sealed-bundle-v1 "The request document" (request.json table), used to
// check the demo data until the shared zod schema exists, and alongside it afterwards.
// Returns human-readable problems; an empty list means the document conforms.

const INSTRUMENTS = ["mlat", "executive-agreement", "eu-production-order", "eu-preservation-order", "coe-subscriber-disclosure", "coe-domain-registration", "emergency-disclosure", "domestic-warrant"];
const LEVELS = ["routine", "expedited", "emergency"];
const KINDS = ["court", "judge", "prosecutor", "police", "other"];
const TARGET_KINDS = ["account", "email", "phone", "ip-address", "device-id", "domain", "payment-id", "other"];
const ROLES = ["suspect", "victim", "witness", "unknown"];
const CATEGORIES = ["subscriber", "identification", "traffic", "content", "location", "device-logs"];

// RFC 3339 date-time with a numeric or Z offset (never a naive local time).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const COUNTRY = /^[A-Z]{2}$/;
const ID = /^[A-Za-z0-9._:-]{1,128}$/;

type Obj = Record<string, unknown>;

export function checkRequestDocument(document: unknown): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string): void => {
    problems.push(`${where}: ${what}`);
  };
  const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
  const nonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

  const shape = (where: string, value: unknown, required: string[], optional: string[]): value is Obj => {
    if (!isObj(value)) {
      fail(where, "not an object");
      return false;
    }
    for (const key of required) if (!(key in value)) fail(where, `missing ${key}`);
    for (const key of Object.keys(value)) {
      if (!required.includes(key) && !optional.includes(key)) fail(where, `unknown field ${key}`);
      if (value[key] === undefined) fail(`${where}.${key}`, "undefined (would vanish from JSON)");
    }
    return true;
  };
  const string = (where: string, value: unknown): void => {
    if (!nonEmptyString(value)) fail(where, "not a non-empty string");
  };
  const optString = (where: string, value: unknown): void => {
    if (value !== undefined) string(where, value);
  };
  const dateTime = (where: string, value: unknown): void => {
    if (typeof value !== "string" || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) fail(where, `not an RFC 3339 date-time with offset: ${String(value)}`);
  };
  const optDateTime = (where: string, value: unknown): void => {
    if (value !== undefined) dateTime(where, value);
  };
  const oneOf = (where: string, value: unknown, allowed: string[]): void => {
    if (typeof value !== "string" || !allowed.includes(value)) fail(where, `not one of ${allowed.join("|")}: ${String(value)}`);
  };
  const country = (where: string, value: unknown): void => {
    if (typeof value !== "string" || !COUNTRY.test(value)) fail(where, `not ISO alpha-2: ${String(value)}`);
  };
  const integerAtLeast = (where: string, value: unknown, min: number): void => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) fail(where, `not an integer >= ${min}`);
  };
  const list = (where: string, value: unknown, nonEmpty: boolean): unknown[] => {
    if (!Array.isArray(value)) {
      fail(where, "not an array");
      return [];
    }
    if (nonEmpty && value.length === 0) fail(where, "empty");
    return value;
  };

  const doc = document;
  if (!shape("request", doc, ["schema", "id", "revision", "submittedAt", "instrument", "urgency", "issuingAuthority", "provider", "legalBasis", "offences", "targets", "dataCategories", "facts", "necessity", "proportionality", "attachments"], ["validatingAuthority", "caseReference", "period", "lessIntrusiveMeans", "minimization", "retentionDays", "nonDisclosure", "relatedRequests"])) return problems;

  if (doc["schema"] !== "counterseal.request/1") fail("schema", "wrong value");
  if (typeof doc["id"] !== "string" || !ID.test(doc["id"])) fail("id", `bad characters or length: ${String(doc["id"])}`);
  integerAtLeast("revision", doc["revision"], 1);
  dateTime("submittedAt", doc["submittedAt"]);
  oneOf("instrument", doc["instrument"], INSTRUMENTS);

  if (shape("urgency", doc["urgency"], ["level"], ["reason", "respondBy"])) {
    const urgency = doc["urgency"] as Obj;
    oneOf("urgency.level", urgency["level"], LEVELS);
    optString("urgency.reason", urgency["reason"]);
    optDateTime("urgency.respondBy", urgency["respondBy"]);
  }
  if (shape("issuingAuthority", doc["issuingAuthority"], ["id", "name", "country", "kind"], ["contact"])) {
    const issuer = doc["issuingAuthority"] as Obj;
    string("issuingAuthority.id", issuer["id"]);
    string("issuingAuthority.name", issuer["name"]);
    country("issuingAuthority.country", issuer["country"]);
    oneOf("issuingAuthority.kind", issuer["kind"], KINDS);
    optString("issuingAuthority.contact", issuer["contact"]);
  }
  if (doc["validatingAuthority"] !== undefined && shape("validatingAuthority", doc["validatingAuthority"], ["name", "country", "kind"], ["validatedAt"])) {
    const validator = doc["validatingAuthority"] as Obj;
    string("validatingAuthority.name", validator["name"]);
    country("validatingAuthority.country", validator["country"]);
    oneOf("validatingAuthority.kind", validator["kind"], KINDS);
    optDateTime("validatingAuthority.validatedAt", validator["validatedAt"]);
  }
  optString("caseReference", doc["caseReference"]);
  if (shape("provider", doc["provider"], ["name", "country"], ["service"])) {
    const provider = doc["provider"] as Obj;
    string("provider.name", provider["name"]);
    country("provider.country", provider["country"]);
    optString("provider.service", provider["service"]);
  }
  list("legalBasis", doc["legalBasis"], true).forEach((basis, i) => {
    if (shape(`legalBasis[${i}]`, basis, ["citation"], ["text"])) {
      string(`legalBasis[${i}].citation`, basis["citation"]);
      optString(`legalBasis[${i}].text`, basis["text"]);
    }
  });
  list("offences", doc["offences"], true).forEach((offence, i) => {
    if (shape(`offences[${i}]`, offence, ["description"], ["citation", "maxPenaltyMonths", "category"])) {
      string(`offences[${i}].description`, offence["description"]);
      optString(`offences[${i}].citation`, offence["citation"]);
      if (offence["maxPenaltyMonths"] !== undefined) integerAtLeast(`offences[${i}].maxPenaltyMonths`, offence["maxPenaltyMonths"], 0);
      optString(`offences[${i}].category`, offence["category"]);
    }
  });
  list("targets", doc["targets"], true).forEach((target, i) => {
    if (shape(`targets[${i}]`, target, ["kind", "value"], ["role"])) {
      oneOf(`targets[${i}].kind`, target["kind"], TARGET_KINDS);
      string(`targets[${i}].value`, target["value"]);
      if (target["role"] !== undefined) oneOf(`targets[${i}].role`, target["role"], ROLES);
    }
  });
  const categories = list("dataCategories", doc["dataCategories"], true);
  categories.forEach((category, i) => oneOf(`dataCategories[${i}]`, category, CATEGORIES));
  if (new Set(categories).size !== categories.length) fail("dataCategories", "not a set (duplicates)");
  if (doc["period"] !== undefined && shape("period", doc["period"], ["from", "to"], [])) {
    const period = doc["period"] as Obj;
    dateTime("period.from", period["from"]);
    dateTime("period.to", period["to"]);
    if (Date.parse(String(period["from"])) > Date.parse(String(period["to"]))) fail("period", "from is after to");
  }
  for (const key of ["facts", "necessity", "proportionality"]) string(key, doc[key]);
  for (const key of ["lessIntrusiveMeans", "minimization"]) optString(key, doc[key]);
  if (doc["retentionDays"] !== undefined) integerAtLeast("retentionDays", doc["retentionDays"], 0);
  if (doc["nonDisclosure"] !== undefined && shape("nonDisclosure", doc["nonDisclosure"], ["requested"], ["reason", "until"])) {
    const nd = doc["nonDisclosure"] as Obj;
    if (typeof nd["requested"] !== "boolean") fail("nonDisclosure.requested", "not a boolean");
    optString("nonDisclosure.reason", nd["reason"]);
    optDateTime("nonDisclosure.until", nd["until"]);
  }
  if (doc["relatedRequests"] !== undefined) list("relatedRequests", doc["relatedRequests"], false).forEach((id, i) => string(`relatedRequests[${i}]`, id));
  const paths = list("attachments", doc["attachments"], false).map((attachment, i) => {
    if (!shape(`attachments[${i}]`, attachment, ["path", "title", "mediaType"], [])) return "";
    string(`attachments[${i}].title`, attachment["title"]);
    if (typeof attachment["mediaType"] !== "string" || !/^[a-z]+\/[a-z0-9.+-]+$/.test(attachment["mediaType"])) fail(`attachments[${i}].mediaType`, "not a media type");
    const path = attachment["path"];
    if (typeof path !== "string" || path.startsWith("/") || path.split("/").some((segment) => segment === "" || segment === "." || segment === "..") || path === "request.json") {
      fail(`attachments[${i}].path`, `not a safe path relative to data/: ${String(path)}`);
    }
    return String(path);
  });
  if (new Set(paths).size !== paths.length) fail("attachments", "a path is listed twice");
  return problems;
}
