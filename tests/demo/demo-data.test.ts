// The demo dataset: twelve request documents that must import cleanly through the real
// seal/import path, cover the instruments a reviewer meets, be flawed exactly where
// DEMO_FLAWS says, and regenerate byte-for-byte from the same reference date.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { DEMO_AUTHORITIES } from "../../electron/core/demo/demo-authorities.js";
import { toFontText } from "../../electron/core/demo/demo-pdf.js";
import { DEMO_FLAWS, type DemoRequest, demoRequests, type RequestDocument } from "../../electron/core/demo/demo-requests.js";
import { formatInZone } from "../../electron/core/demo/demo-time.js";
import { checkRequestDocument } from "./request-spec-check.js";

const REFERENCE = new Date("2026-11-20T10:00:00Z");
// Year boundary, both EU DST switches and a US-only DST week: times and ids must hold on each.
const OTHER_REFERENCES = ["2027-01-01T00:30:00Z", "2027-03-28T01:30:00Z", "2027-03-20T12:00:00Z", "2027-10-31T00:59:59Z"].map((t) => new Date(t));

const INSTRUMENTS = ["mlat", "executive-agreement", "eu-production-order", "eu-preservation-order", "coe-subscriber-disclosure", "coe-domain-registration", "emergency-disclosure", "domestic-warrant"];
const DAY_MS = 86_400_000;
const key = (d: RequestDocument): string => `${d.issuingAuthority.id}/${d.id}/${d.revision}`;
const at = (time: string): number => Date.parse(time);

async function bytesOf(request: DemoRequest): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const attachment of request.attachments) files.set(attachment.name, await attachment.bytes());
  return files;
}

describe.each([REFERENCE, ...OTHER_REFERENCES])("demo requests at %s", (reference) => {
  const requests = demoRequests(reference);
  const documents = requests.map((r) => r.document);

  it("are twelve documents that conform to the request.json table", () => {
    expect(documents).toHaveLength(12);
    for (const document of documents) {
      expect(checkRequestDocument(document), key(document)).toEqual([]);
      // Nothing that JSON would drop or change (undefined, Dates, NaN).
      expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    }
  });

  it("cover every instrument, every urgency level and at least two emergencies", () => {
    expect(new Set(documents.map((d) => d.instrument))).toEqual(new Set(INSTRUMENTS));
    expect(new Set(documents.map((d) => d.urgency.level))).toEqual(new Set(["routine", "expedited", "emergency"]));
    expect(documents.filter((d) => d.urgency.level === "emergency").length).toBeGreaterThanOrEqual(2);
    expect(new Set(documents.flatMap((d) => d.dataCategories)).size).toBe(6);
    expect(new Set(documents.flatMap((d) => d.targets.map((t) => t.kind))).size).toBe(8);
  });

  it("are issued by demo authorities, exactly as the keyring will register them", () => {
    for (const document of documents) {
      expect(DEMO_AUTHORITIES).toContainEqual(document.issuingAuthority);
    }
    expect(new Set(documents.map((d) => d.issuingAuthority.id)).size).toBe(DEMO_AUTHORITIES.length);
  });

  it("name each document once per authority, with one revised request in import order", () => {
    expect(new Set(documents.map(key)).size).toBe(documents.length);
    const groups = new Map<string, RequestDocument[]>();
    for (const document of documents) {
      const group = `${document.issuingAuthority.id}/${document.id}`;
      groups.set(group, [...(groups.get(group) ?? []), document]);
    }
    const revised = [...groups.values()].filter((group) => group.length > 1);
    expect(revised).toHaveLength(1);
    const [first, second] = revised[0] ?? [];
    expect([first?.revision, second?.revision]).toEqual([1, 2]);
    expect(at(second?.submittedAt ?? "")).toBeGreaterThan(at(first?.submittedAt ?? ""));
    expect(first?.validatingAuthority).toBeUndefined();
    expect(second?.validatingAuthority?.kind).toBe("judge");
    expect(first?.instrument).toBe(second?.instrument);
  });

  it("are in submission order, spread over the weeks before the reference", () => {
    const times = documents.map((d) => at(d.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(reference.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(reference.getTime() - 60 * DAY_MS);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(28 * DAY_MS);
  });

  it("keep their own times consistent", () => {
    for (const d of documents) {
      const submitted = at(d.submittedAt);
      if (d.urgency.respondBy) expect(at(d.urgency.respondBy), key(d)).toBeGreaterThan(submitted);
      if (d.period) expect(at(d.period.to), key(d)).toBeLessThanOrEqual(submitted);
      if (d.validatingAuthority?.validatedAt) expect(at(d.validatingAuthority.validatedAt), key(d)).toBeLessThanOrEqual(submitted);
      if (d.nonDisclosure?.until) expect(at(d.nonDisclosure.until), key(d)).toBeGreaterThan(submitted);
      for (const related of d.relatedRequests ?? []) {
        const earlier = documents.find((o) => o.id === related && o.issuingAuthority.id === d.issuingAuthority.id);
        expect(earlier, `${key(d)} relates to ${related}`).toBeDefined();
        expect(at(earlier?.submittedAt ?? "")).toBeLessThan(submitted);
      }
    }
  });

  it("list exactly their attachment files, each small and well-formed", async () => {
    const withFiles = requests.filter((r) => r.attachments.length > 0);
    expect(withFiles.length).toBeGreaterThanOrEqual(5);
    expect(withFiles.length).toBeLessThanOrEqual(7);
    for (const request of requests) {
      const { document, attachments } = request;
      expect(attachments.length).toBeLessThanOrEqual(2);
      expect(document.attachments).toEqual(attachments.map((a) => ({ path: `attachments/${a.name}`, title: a.title, mediaType: a.mediaType })));
      expect(new Set(attachments.map((a) => a.name)).size).toBe(attachments.length);
      for (const [name, bytes] of await bytesOf(request)) {
        expect(name).toMatch(/^[a-z0-9][a-z0-9.-]*\.(pdf|txt)$/);
        expect(bytes.byteLength, name).toBeLessThan(50 * 1024);
        if (name.endsWith(".pdf")) {
          expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
          const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
          expect(pages, name).toBeGreaterThanOrEqual(1);
          expect(pages, name).toBeLessThanOrEqual(2);
        } else {
          expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).not.toThrow();
        }
      }
    }
    expect(requests.flatMap((r) => r.attachments.map((a) => a.mediaType)).sort()).toEqual(expect.arrayContaining(["application/pdf", "text/plain"]));
  });

  it("are flawed exactly where DEMO_FLAWS says", () => {
    const CONTENT_OR_TRAFFIC = (d: RequestDocument): boolean => d.dataCategories.some((c) => c === "traffic" || c === "content");
    const rules: Record<string, (d: RequestDocument) => boolean> = {
      // Art 4(2): traffic/content EPOCs need a judge, or a judge's validation.
      L4: (d) => d.instrument === "eu-production-order" && CONTENT_OR_TRAFFIC(d) && !["judge", "court"].includes(d.issuingAuthority.kind) && !d.validatingAuthority,
      // Art 5(4): traffic/content only for offences with a maximum of at least 36 months.
      L6: (d) => d.instrument === "eu-production-order" && CONTENT_OR_TRAFFIC(d) && d.offences.every((o) => o.maxPenaltyMonths !== undefined && o.maxPenaltyMonths < 36),
      M9: (d) => d.nonDisclosure?.requested === true && d.nonDisclosure.until === undefined,
      N9: (d) => d.period !== undefined && at(d.period.to) - at(d.period.from) > 2 * 365 * DAY_MS,
      L14: (d) => d.urgency.level === "emergency" && !/life|death|kill|serious (physical )?(harm|injury)/i.test(d.urgency.reason ?? ""),
      L2: (d) => d.instrument.startsWith("coe-") && d.dataCategories.some((c) => c !== "subscriber"),
    };
    const flagged = new Map<string, string[]>();
    for (const d of documents) {
      const items = Object.entries(rules).filter(([, rule]) => rule(d)).map(([item]) => item);
      if (items.length > 0) flagged.set(key(d), items);
    }
    const declared = new Map<string, string[]>();
    for (const flaw of DEMO_FLAWS) {
      const matches = documents.filter((d) => d.issuingAuthority.id === flaw.authority && d.revision === flaw.revision && flaw.idPattern.test(d.id));
      expect(matches, flaw.summary).toHaveLength(1);
      const mechanical = flaw.items.filter((item) => item in rules);
      declared.set(key(matches[0] as RequestDocument), mechanical);
    }
    expect(Object.fromEntries(flagged)).toEqual(Object.fromEntries(declared));
  });

  it("point at nothing real: documentation IPs, reserved domains, fictional phone ranges", async () => {
    const texts = [JSON.stringify(documents)];
    for (const request of requests) {
      for (const [name, bytes] of await bytesOf(request)) if (name.endsWith(".txt")) texts.push(new TextDecoder().decode(bytes));
    }
    const all = texts.join("\n");
    for (const ip of all.match(/\b\d{1,3}(\.\d{1,3}){3}\b/g) ?? []) expect(ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    for (const email of all.match(/[\w.+-]+@[\w.-]+\.[a-z]+/gi) ?? []) expect(email).toMatch(/(\.example|@example\.(com|net|org))$/i);
    for (const phone of all.match(/\+\d[\d ]{8,}\d/g) ?? []) expect(phone).toMatch(/^\+44 7700 900\d{3}$|^\+33 6 39 98 \d{2} \d{2}$/);
  });
});

describe("demo generation", () => {
  it("is deterministic: same reference, same documents and byte-identical attachments", async () => {
    const [a, b] = [demoRequests(REFERENCE), demoRequests(new Date(REFERENCE.getTime()))];
    expect(b.map((r) => r.document)).toEqual(a.map((r) => r.document));
    let pdfs = 0;
    for (const [i, request] of a.entries()) {
      const other = b[i] as DemoRequest;
      const [mine, theirs] = [await bytesOf(request), await bytesOf(other)];
      for (const [name, bytes] of mine) {
        expect(Buffer.from(theirs.get(name) ?? new Uint8Array()).equals(Buffer.from(bytes)), name).toBe(true);
        if (name.endsWith(".pdf")) pdfs += 1;
      }
    }
    expect(pdfs).toBeGreaterThanOrEqual(4);
  });

  it("follows the reference date", () => {
    const later = demoRequests(new Date(REFERENCE.getTime() + 7 * DAY_MS));
    const now = demoRequests(REFERENCE);
    expect(at(later[0]?.document.submittedAt ?? "") - at(now[0]?.document.submittedAt ?? "")).toBe(7 * DAY_MS);
  });

  it("writes local times with the authority's offset, across DST", () => {
    expect(formatInZone(new Date("2026-07-01T10:00:00Z"), "Europe/Berlin")).toBe("2026-07-01T12:00:00+02:00");
    expect(formatInZone(new Date("2026-12-01T10:00:00Z"), "Europe/Berlin")).toBe("2026-12-01T11:00:00+01:00");
    expect(formatInZone(new Date("2026-12-01T10:00:00Z"), "America/New_York")).toBe("2026-12-01T05:00:00-05:00");
    expect(formatInZone(new Date("2026-12-01T10:00:00.789Z"), "Europe/London")).toBe("2026-12-01T10:00:00+00:00");
  });

  it("folds text that Helvetica cannot encode instead of failing", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(toFontText("Prokuratura Okręgowa w Łodzi, § 263 StGB – Müller", font)).toBe("Prokuratura Okregowa w Lodzi, § 263 StGB – Müller");
    expect(toFontText("Chișinău ≥ 3 ☃", font)).toBe("Chisinau >= 3 ?");
  });
});

// Once another engineer lands the shared zod schema, every demo document must parse with it.
const SCHEMA_FILE = fileURLToPath(new URL("../../shared/formats/request.ts", import.meta.url));
describe.runIf(existsSync(SCHEMA_FILE))("shared request schema", () => {
  it("accepts every demo document", async () => {
    const module = (await import(/* @vite-ignore */ SCHEMA_FILE)) as Record<string, unknown>;
    type Schema = { safeParse: (value: unknown) => { success: boolean; error?: unknown } };
    const schemas = Object.entries(module).filter((entry): entry is [string, Schema] => typeof (entry[1] as Schema | null)?.safeParse === "function");
    const requestSchemas = schemas.filter(([name]) => /request/i.test(name) && !/bundle|info|manifest/i.test(name));
    expect(requestSchemas.length, `zod exports of shared/formats/request.ts: ${schemas.map(([n]) => n).join(", ")}`).toBeGreaterThan(0);
    for (const document of demoRequests(REFERENCE).map((r) => r.document)) {
      const passing = requestSchemas.filter(([, schema]) => schema.safeParse(document).success);
      expect(passing.length, `${key(document)}: ${JSON.stringify(requestSchemas[0]?.[1].safeParse(document).error)}`).toBeGreaterThan(0);
    }
  });
});

describe("the spec check used above", () => {
  // Guard against a check that passes everything.
  const valid = (): Record<string, unknown> => JSON.parse(JSON.stringify(demoRequests(REFERENCE)[0]?.document)) as Record<string, unknown>;
  it.each([
    ["an unknown field", { note: "x" }],
    ["a time without offset", { submittedAt: "2026-11-01T10:00:00" }],
    ["an unknown instrument", { instrument: "subpoena" }],
    ["an empty data category set", { dataCategories: [] }],
    ["a revision 0", { revision: 0 }],
    ["an id with a slash", { id: "ER II Gs 2317/26" }],
    ["a lower-case country", { provider: { name: "X", country: "ie" } }],
    ["a reversed period", { period: { from: "2026-10-02T00:00:00+02:00", to: "2026-10-01T00:00:00+02:00" } }],
  ])("rejects %s", (_label, change) => {
    expect(checkRequestDocument({ ...valid(), ...change })).not.toEqual([]);
  });
});
