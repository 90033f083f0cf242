// What the app's auditor screens call, through the dispatcher on a real store the table itself
// created: createStore's auditor option and getStoreMode (an office's store stays an office's), a
// pack refused in plain words naming the picked file's name and never its path, the pack's plan
// with its strata and spares, each decision's signature verified against the keyring, and the
// signed findings report through the door's folder: refused before the dialog while a sampled case
// lacks a finding, nothing written when the dialog is cancelled, and once written answered by
// names only and verified by stock minisign.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../../electron/api/dispatch.js";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import type { AuditPackSummary } from "../../shared/api/auditor.js";
import type { ApiResult } from "../../shared/api/result.js";
import type { ReviewerIdentity } from "../../shared/api/keyring.js";
import { stockVerify } from "../decisions/support.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { decidedOffice, makePack } from "./auditor-fixture.js";

const SAMPLED = ["nl-om-rotterdam/AUD-2026-002/1", "nl-om-rotterdam/AUD-2026-001/1", "nl-om-rotterdam/AUD-2026-003/1"];
const PURPOSIVE = "nl-om-rotterdam/AUD-2026-004/1";

/** A table over `storeDir` whose folder dialog answers what `folder()` says at the time. */
function appTable(storeDir: string, folder: () => string | null) {
  const asked: string[] = [];
  const files = {
    chooseSavePath: () => Promise.reject(new Error("the auditor screens save no single file")),
    chooseFolder: async (name: string) => {
      asked.push(name);
      return folder();
    },
  };
  const handlers = createApiHandlers({ storeDir, runtime: testRuntime(new Date("2026-12-21T12:00:00Z"), "auditor-app-api"), files });
  const { dispatch } = createDispatcher(handlers, { onInternalError: (method, error) => console.error(method, error) });
  const call = async <V>(method: string, args: unknown = {}): Promise<V> => {
    const result = (await dispatch(method, args)) as ApiResult<V>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const failure = async (method: string, args: unknown = {}): Promise<{ code: string; message: string }> => {
    const result = await dispatch(method, args);
    return result.ok ? { code: "ok", message: "" } : result.error;
  };
  return { handlers, asked, call, failure };
}

describe("the auditor screens' API", () => {
  const { dir } = suiteTempFolder("auditor-app-api");
  let out: string | null = null;
  let app: ReturnType<typeof appTable>;
  let packFile = "";
  let officeKey = "";

  beforeAll(async () => {
    app = appTable(join(dir, "auditor-store"), () => out);
    const identity = await app.call<ReviewerIdentity>("createStore", { reviewerName: "C. Auditor", office: "Oversight Committee", passphrase: STORE_PASSPHRASE, auditor: true });
    const office = await decidedOffice();
    officeKey = reviewerSigner(office.session).publicKeyLine;
    const made = await makePack(office, identity.ageRecipients[0] ?? "", { purposive: [{ reason: "long-running-measure", reference: PURPOSIVE }], stratifyBy: "urgency" });
    office.session.store.close();
    packFile = join(dir, "office-pack.sealed");
    copyFileSync(made.file, packFile);
  }, 60_000);
  afterAll(() => app.handlers.close());

  it("creates an auditor's store from createStore's option, and an office's store without it", async () => {
    expect(await app.call("getStoreMode")).toEqual({ mode: "auditor" });
    const office = appTable(join(dir, "office-store"), () => null);
    await office.call("createStore", { reviewerName: "Ada Reviewer", office: "Office of the Commissioner", passphrase: STORE_PASSPHRASE });
    expect(await office.call("getStoreMode")).toEqual({ mode: "office" });
    expect((await office.failure("listAuditPacks")).code).toBe("not-an-auditor-store");
    office.handlers.close();
    expect((await office.failure("getStoreMode")).code).toBe("locked");
  });

  it("refuses a pack from an office it does not trust in words that name the file, not its path", async () => {
    const token = (await app.handlers.importFiles.register(packFile)).token;
    const refused = await app.failure("importAuditPack", { token });
    expect(refused.code).toBe("audit-pack-refused");
    expect(refused.message).toContain("office-pack.sealed");
    expect(refused.message).toContain("not in this store's keyring");
    expect(refused.message).not.toContain(dir);
    expect(await app.call("listAuditPacks")).toEqual([]);
  });

  it("shows the pack's plan with its strata and spares, and each decision's signature verified", async () => {
    await app.call("addAuthorityKey", { authorityId: "office-dpa", name: "Office of the Commissioner", country: "NL", minisignPublicKey: officeKey });
    const imported = await app.call<{ status: string; id: string }>("importAuditPack", { token: (await app.handlers.importFiles.register(packFile)).token });
    expect(imported.status).toBe("imported");
    const [summary] = await app.call<AuditPackSummary[]>("listAuditPacks");
    expect(summary?.stratifyBy).toBe("urgency");
    expect(summary?.strata.reduce((sum, stratum) => sum + stratum.allocated, 0)).toBe(3);
    expect(summary?.strata.reduce((sum, stratum) => sum + stratum.population, 0)).toBe(6);
    expect(summary?.spares).toHaveLength(3);
    expect(summary?.plan).toMatchObject({ confidence: 95, tolerable: 5, expected: 0, sampleSize: 59, achievedRisk: 4.8495, upperDeviationLimit: 4.9508 });
    expect(summary?.purposive).toEqual([{ reference: PURPOSIVE, reason: "long-running-measure", alsoInRandomSample: false }]);

    const pack = await app.call<{ cases: { reference: string; selection: string; decisions: { id: string; signature: { verified: boolean; signer: string | null; trustedComment: string } }[] }[] }>("getAuditPack", {});
    const purposive = pack.cases.find((each) => each.reference === PURPOSIVE);
    expect(purposive?.selection).toBe("purposive");
    expect(purposive?.decisions.map((decision) => [decision.id, decision.signature.verified, decision.signature.signer])).toEqual([
      ["D-2026-004", true, "Office of the Commissioner"],
      ["D-2026-004b", true, "Office of the Commissioner"],
    ]);
    expect(purposive?.decisions[0]?.signature.trustedComment).toMatch(/^counterseal decision D-2026-004 sha256:[0-9a-f]{64}$/);
  });

  it("signs the findings report into the door's folder once every sampled case has a finding, answering names only", async () => {
    const folder = join(dir, "reports");
    mkdirSync(folder);
    out = folder;
    const incomplete = await app.failure("exportFindingsReport", {});
    expect(incomplete.code).toBe("findings-incomplete");
    expect(app.asked).toEqual([]);

    // Findings on the random sample; the purposive pick is not needed for the report.
    for (const reference of SAMPLED) await app.call("recordAuditorFinding", { reference, verdict: "compliant", recommendation: "green" });
    out = null;
    expect(await app.call("exportFindingsReport", {})).toEqual({ saved: false });
    expect(readdirSync(folder)).toEqual([]);

    out = folder;
    const exported = await app.call<{ saved: true; folder: string; files: string[]; sealedTo: null; sha256: string }>("exportFindingsReport", {});
    const [summary] = await app.call<AuditPackSummary[]>("listAuditPacks");
    const id = `F-${summary?.id ?? ""}`;
    expect(app.asked).toEqual([id, id]);
    expect(exported).toMatchObject({ saved: true, folder: "reports", files: [`${id}.json`, `${id}.json.minisig`, `${id}.pdf`], sealedTo: null });
    expect(JSON.stringify(exported)).not.toContain(dir);
    const verified = stockVerify(join(folder, `${id}.json`), (await app.call<ReviewerIdentity>("getIdentity")).reviewer.minisignPublicKey);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`counterseal audit-findings ${id} sha256:${exported.sha256}`);
    expect(JSON.parse(readFileSync(join(folder, `${id}.json`), "utf8"))).toMatchObject({ schema: "counterseal.audit-findings/1", evaluation: { evaluated: 3, deviations: 0 } });

    // Never over a file: a second export into the same folder refuses and leaves the first.
    expect((await app.failure("exportFindingsReport", {})).code).not.toBe("ok");
    expect(readdirSync(folder).sort()).toEqual([`${id}.json`, `${id}.json.minisig`, `${id}.pdf`]);
  });
});
