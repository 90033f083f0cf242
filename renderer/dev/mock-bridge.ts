// A fake core for looking at the UI without the real one: `vite --mode mock` or
// `vite build --mode mock`. main.tsx imports this only when import.meta.env.MODE === "mock", a
// condition Vite makes statically false in production builds, so none of it ships.
import type { CountersealBridge, MenuAction } from "../../shared/api/bridge.js";
import type { ApiResult } from "../../shared/api/result.js";
import type { ImportOutcome, InboxRow, KeyringEntry, RequestDetail, Settings } from "../../shared/api/schemas.js";

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const fail = (code: string, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const INSTRUMENTS = ["mlat", "executive-agreement", "eu-production-order", "eu-preservation-order", "coe-subscriber-disclosure", "domestic-warrant", "emergency-disclosure"] as const;
const URGENCIES = ["routine", "routine", "routine", "expedited", "emergency"] as const;
const CATEGORIES = ["subscriber", "identification", "device-logs", "traffic", "location", "content"] as const;
const AUTHORITIES = [
  { id: "nl-om-rotterdam", name: "OM Rotterdam", country: "NL" },
  { id: "fr-pnf", name: "Parquet national financier", country: "FR" },
  { id: "de-bka", name: "Bundeskriminalamt", country: "DE" },
  { id: "pl-pk-warszawa", name: "Prokuratura Krajowa Warszawa", country: "PL" },
  { id: "us-doj-ccips", name: "US DOJ CCIPS", country: "US" },
] as const;

function makePdf(lines: readonly string[]): string {
  const text = lines.map((line, i) => `BT /F1 14 Tf 72 ${740 - i * 22} Td (${line.replace(/[()\\]/g, "")}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const page2 = "BT /F1 14 Tf 72 740 Td (Page two: annex with subscriber details.) Tj ET";
  objects.push(`<< /Length ${page2.length} >>\nstream\n${page2}\nendstream`);
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return btoa(out);
}

// A 2x2 PNG.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mP8z8Dwn4GBgYGJgYGBAQAfBAIBkW2F0wAAAABJRU5ErkJggg==";

function rows(count: number): InboxRow[] {
  const out: InboxRow[] = [];
  const start = Date.parse("2026-01-05T08:00:00Z");
  for (let i = 0; i < count; i++) {
    const authority = AUTHORITIES[i % AUTHORITIES.length]!;
    const urgency = URGENCIES[(i * 7) % URGENCIES.length]!;
    const received = new Date(start + i * 37 * 60_000).toISOString();
    out.push({
      authority: authority.id,
      authorityName: authority.name,
      country: authority.country,
      id: `REQ-${String(2026_00000 + i)}`,
      revision: 1 + (i % 3 === 0 ? 1 : 0),
      revisionCount: i % 3 === 0 ? 2 : 1,
      instrument: urgency === "emergency" ? "emergency-disclosure" : INSTRUMENTS[i % (INSTRUMENTS.length - 1)]!,
      urgency,
      dataCategories: CATEGORIES.filter((_, c) => (i + c) % 3 === 0),
      receivedAt: received,
      submittedAt: received,
      respondBy: urgency === "routine" ? null : new Date(Date.parse(received) + 48 * 3600_000).toISOString(),
      status: i % 11 === 0 ? "in-review" : "received",
    });
  }
  return out;
}

export function installMockBridge(): void {
  const params = new URLSearchParams(window.location.search);
  let state: "missing" | "locked" | "unlocked" = params.has("fresh") ? "missing" : "locked";
  let passphrase = "correct horse battery staple";
  let settings: Settings = { idleLockMinutes: 10, locale: "en-GB" };
  const all = rows(Number(params.get("rows") ?? 100_000));
  const identity = {
    reviewer: { name: "A. Reviewer", office: "Office of the Data Access Commissioner", keyId: "8E0A0F1B2E6C3D4A", minisignPublicKey: "RWRKPWwuGw8KjpHBC8ebRGuy0Bm8KfdvKaVtTU2SI0ITuwBnTt3J2nW6" },
    ageRecipients: ["age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"],
  };
  let keyring: KeyringEntry[] = AUTHORITIES.map((a, i) => ({
    authorityId: a.id,
    name: a.name,
    country: a.country,
    keyId: `1A2B3C4D5E6F708${i}`,
    minisignPublicKey: "RWRKPWwuGw8KjpHBC8ebRGuy0Bm8KfdvKaVtTU2SI0ITuwBnTt3J2nW6",
    ageRecipient: null,
    validFrom: "2026-01-01T00:00:00Z",
    validUntil: i === 4 ? "2026-02-01T00:00:00Z" : null,
    revokedAt: null,
    addedAt: "2026-01-01T00:00:00Z",
  }));
  let progress = { active: false, fileIndex: 0, fileCount: 0, bytesRead: 0, bytesTotal: 0 };
  const listeners = new Set<(action: MenuAction) => void>();
  const guard = (): ApiResult<never> | null => (state === "unlocked" ? null : fail("locked", "The store is locked."));

  const detail = (authority: string, id: string, revision?: number): RequestDetail | null => {
    const row = all.find((r) => r.authority === authority && r.id === id);
    if (!row) return null;
    const rev = revision ?? row.revisionCount;
    return {
      authority: row.authority,
      authorityName: row.authorityName,
      country: row.country,
      id: row.id,
      revision: rev,
      instrument: row.instrument,
      urgency: row.urgency,
      status: row.status,
      receivedAt: row.receivedAt,
      submittedAt: row.submittedAt,
      respondBy: row.respondBy,
      document: {
        schema: "counterseal.request/1",
        id: row.id,
        revision: rev,
        submittedAt: row.submittedAt,
        instrument: row.instrument,
        urgency: { level: row.urgency, ...(row.urgency === "emergency" ? { reason: "Imminent threat to life: a missing minor.", respondBy: row.respondBy } : {}) },
        issuingAuthority: { id: row.authority, name: row.authorityName, country: row.country, kind: "prosecutor", contact: "duty-officer@example.org" },
        validatingAuthority: { name: "Rechter-commissaris Rotterdam", country: row.country, kind: "judge", validatedAt: row.submittedAt },
        caseReference: "PARKET-10/123456-26",
        provider: { name: "Example Mail B.V.", country: "NL", service: "Webmail" },
        legalBasis: [{ citation: "Art. 126ng Sv", text: "Production order for stored data." }],
        offences: [
          { description: "Fraud (oplichting)", citation: "Art. 326 Sr", maxPenaltyMonths: 48 },
          { description: "Money laundering", citation: "Art. 420bis Sr", maxPenaltyMonths: 78 },
        ],
        targets: [
          { kind: "email", value: "suspect@example.com", role: "suspect" },
          { kind: "ip-address", value: "203.0.113.24", role: "unknown" },
        ],
        dataCategories: row.dataCategories.length > 0 ? row.dataCategories : ["subscriber"],
        period: { from: "2025-10-01T00:00:00+02:00", to: "2025-12-31T23:59:59+01:00" },
        facts: "Between October and December 2025 victims paid for goods that were never delivered.\n\nThe payments were routed through accounts opened with the target email address.",
        necessity: "The subscriber data is the only way to identify who controls the account.",
        proportionality: "Limited to one account and three months; no content is requested.",
        lessIntrusiveMeans: "Open-source checks on the domain were made and gave no result.",
        minimization: "Only the fields needed to identify the account holder.",
        retentionDays: 365,
        nonDisclosure: { requested: true, reason: "Disclosure would alert the suspect.", until: "2026-12-31T00:00:00Z" },
        relatedRequests: ["REQ-202600001"],
        attachments: [],
      },
      provenance: {
        signerKeyId: "1A2B3C4D5E6F7080",
        trustedComment: `timestamp:1767600000\tfile:tagmanifest-sha256.txt\tprehashed`,
        sourceOrganization: row.authorityName,
        baggingDate: "2026-01-05",
        bundleDigest: "9f2c1e0b7a6d5c4b3a29180716f5e4d3c2b1a0998877665544332211ffeeddcc",
        sealedSha256: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
        receivedAt: row.receivedAt,
      },
      attachments: [
        { path: "attachments/order.pdf", title: "Signed production order", mediaType: "application/pdf", size: 1480, sha256: "ab".repeat(32) },
        { path: "attachments/notes.txt", title: "Investigator's notes", mediaType: "text/plain", size: 120, sha256: "cd".repeat(32) },
        { path: "attachments/screenshot.png", title: "Screenshot of the shop", mediaType: "image/png", size: 80, sha256: "ef".repeat(32) },
        { path: "attachments/ledger.xlsx", title: "Payment ledger", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", size: 48213, sha256: "12".repeat(32) },
      ],
      revisions: [
        { revision: 1, receivedAt: row.receivedAt, bundleDigest: "11".repeat(32), changes: [] },
        ...(row.revisionCount > 1
          ? [
              {
                revision: 2,
                receivedAt: row.receivedAt,
                bundleDigest: "22".repeat(32),
                changes: [
                  { path: "$.period.to", before: "2025-11-30T23:59:59+01:00", after: "2025-12-31T23:59:59+01:00" },
                  { path: "$.targets[1]", before: undefined, after: { kind: "ip-address", value: "203.0.113.24", role: "unknown" } },
                ],
              },
            ]
          : []),
      ],
    };
  };

  const bridge: CountersealBridge = {
    getStoreStatus: async () => ok({ state, location: "/home/reviewer/.config/Counterseal/store" }),
    createStore: async (args) => {
      await delay(400);
      state = "unlocked";
      passphrase = args.passphrase;
      return ok({ ...identity, reviewer: { ...identity.reviewer, name: args.reviewerName, office: args.office } });
    },
    unlock: async (args) => {
      await delay(300);
      if (args.passphrase !== passphrase) return fail("wrong-passphrase", "The passphrase is wrong, or this is not a Counterseal store.");
      state = "unlocked";
      return ok(identity);
    },
    lock: async () => {
      state = "locked";
      return ok(null);
    },
    changePassphrase: async (args) => {
      if (args.current !== passphrase) return fail("wrong-passphrase", "The current passphrase is wrong.");
      passphrase = args.next;
      return ok(null);
    },
    getSettings: async () => guard() ?? ok(settings),
    updateSettings: async (args) => {
      settings = { ...settings, ...args } as Settings;
      return guard() ?? ok(settings);
    },
    getIdentity: async () => guard() ?? ok(identity),
    addAgeIdentities: async () => guard() ?? ok({ added: ["age1new"], known: [] }),
    listKeyring: async () => guard() ?? ok(keyring),
    addAuthorityKey: async (args) => {
      const entry: KeyringEntry = {
        authorityId: args.authorityId,
        name: args.name,
        country: args.country,
        keyId: "ABCDEF0123456789",
        minisignPublicKey: args.minisignPublicKey,
        ageRecipient: args.ageRecipient ?? null,
        validFrom: args.validFrom ?? null,
        validUntil: args.validUntil ?? null,
        revokedAt: null,
        addedAt: new Date().toISOString(),
      };
      keyring = [...keyring, entry];
      return guard() ?? ok(entry);
    },
    revokeKey: async (args) => {
      const entry = keyring.find((k) => k.keyId === args.keyId);
      if (!entry) return fail("unknown-key", "There is no key with that id.");
      const revoked = { ...entry, revokedAt: new Date().toISOString() };
      keyring = keyring.map((k) => (k.keyId === args.keyId ? revoked : k));
      return ok(revoked);
    },
    importBundles: async (args) => {
      const total = args.paths.length;
      for (let i = 0; i < total; i++) {
        for (let step = 1; step <= 4; step++) {
          progress = { active: true, fileIndex: i, fileCount: total, bytesRead: step * 250_000, bytesTotal: 1_000_000 };
          await delay(150);
        }
      }
      progress = { active: false, fileIndex: total, fileCount: total, bytesRead: 0, bytesTotal: 0 };
      const outcomes: ImportOutcome[] = args.paths.map((file, i) =>
        i % 3 === 0
          ? { file, status: "imported", authority: "nl-om-rotterdam", id: "REQ-202600000", revision: 1 }
          : i % 3 === 1
            ? { file, status: "duplicate", authority: "nl-om-rotterdam", id: "REQ-202600000", revision: 1 }
            : { file, status: "refused", code: "signer-unknown", message: `${file}: signed by key 0123456789ABCDEF, which is not in the keyring.` },
      );
      return guard() ?? ok(outcomes);
    },
    getImportProgress: async () => ok(progress),
    queryInbox: async (args) => {
      const locked = guard();
      if (locked) return locked;
      await delay(60);
      const f = args.filter ?? {};
      const search = args.search?.toLowerCase();
      let list = all.filter(
        (r) =>
          (!f.instrument || r.instrument === f.instrument) &&
          (!f.urgency || r.urgency === f.urgency) &&
          (!f.category || r.dataCategories.includes(f.category)) &&
          (!f.authority || r.authority.includes(f.authority)) &&
          (!f.country || r.country === f.country) &&
          (!f.status || r.status === f.status) &&
          (!search || r.id.toLowerCase().includes(search) || r.authorityName.toLowerCase().includes(search)),
      );
      const key = args.sort.field === "authority" ? "authorityName" : args.sort.field;
      const dir = args.sort.direction === "asc" ? 1 : -1;
      list = [...list].sort((a, b) => String(a[key] ?? "").localeCompare(String(b[key] ?? "")) * dir);
      return ok({ total: list.length, rows: list.slice(args.offset, args.offset + args.limit) });
    },
    getRequest: async (args) => {
      const locked = guard();
      if (locked) return locked;
      const found = detail(args.authority, args.id, args.revision);
      return found ? ok(found) : fail("not-found", "There is no such request.");
    },
    readAttachment: async (args) => {
      if (args.path.endsWith(".pdf")) return ok({ mediaType: "application/pdf", size: 1480, base64: makePdf(["Production order", `Reference ${args.id}`, "Signed by the investigating judge."]) });
      if (args.path.endsWith(".txt")) return ok({ mediaType: "text/plain", size: 120, base64: btoa("Notes of 5 January 2026\n- account opened 2025-09-30\n- payments via PSP X") });
      if (args.path.endsWith(".png")) return ok({ mediaType: "image/png", size: 80, base64: PNG });
      return fail("not-viewable", "This attachment can only be saved.");
    },
    saveAttachment: async () => ok({ bytes: 48213 }),
    listAudit: async () => guard() ?? ok([]),
    verifyAudit: async () => guard() ?? ok({ ok: true, count: 0, headSeq: 0, headHash: "0".repeat(64) }),
    onMenuAction: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pathForFile: async (file) => `/mock/${file.name}`,
    chooseSavePath: async (name) => `/home/reviewer/Downloads/${name}`,
  };
  Object.defineProperty(window, "counterseal", { value: bridge, configurable: false });
  // For poking at menu actions from the console: __menu("about").
  Object.defineProperty(window, "__menu", { value: (action: MenuAction) => listeners.forEach((l) => l(action)) });
}
