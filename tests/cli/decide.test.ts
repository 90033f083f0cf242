// `counterseal decide`, `counterseal decisions` and `counterseal export` end to end, as a script
// would run them on a real store: an EU production order reviewed with `counterseal review`, then
// authorised with modifications, exported and sealed to the issuer (checked with the stock
// minisign, age, tar and sha256sum), then superseded; each bad input exits 2 naming the fault,
// and signs, stores and writes nothing.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DecisionSummary, DecisionView } from "../../shared/api/decisions.js";
import type { ReviewView } from "../../shared/api/review.js";
import { cliOk, expectExit, identityOf, importJson, initStore, jsonLines, runCli, stockRequestBundle } from "../helpers/cli.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockAgeKeygen, stockMinisignKeygen, stockOpen, type StockAgeKey } from "../helpers/stock-tools.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { stockVerify } from "../decisions/support.js";

const REF = `${SAMPLE_AUTHORITY.id}/OM-RTM-2026-0501`;
const OPEN_REF = `${SAMPLE_AUTHORITY.id}/OM-RTM-2026-0502`;
const REASONS = [
  "--reason", "legality=Art. 5 Verordnung (EU) 2023/1543; zuständig ist das Amtsgericht.",
  "--reason", "necessity=Only the subscriber data can show who holds the account.",
  "--reason", "minimization=Traffic data is not granted: subscriber data suffices.",
];

describe("counterseal decide, decisions and export", () => {
  const temp = suiteTempFolder("cli-decide");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  let issuerAge: StockAgeKey;
  let reviewerKey = "";
  const review = async (ref: string, ...flags: string[]): Promise<ReviewView> => JSON.parse((await cliOk([...store, "review", ref, "--json", ...flags])).stdout) as ReviewView;
  const decisions = async (): Promise<DecisionSummary[]> => jsonLines((await cliOk([...store, "decisions", "--json"])).stdout) as DecisionSummary[];
  const auditCount = async (): Promise<number> => jsonLines((await cliOk([...store, "audit", "list", "--json"])).stdout).length;

  beforeAll(async () => {
    await initStore(storeDir);
    const recipient = (await identityOf(storeDir)).ageRecipients[0] ?? "";
    const issuer = stockMinisignKeygen(temp.dir, "issuer");
    issuerAge = stockAgeKeygen(temp.dir, "issuer-age");
    const trust = ["trust", "add", "--authority", SAMPLE_AUTHORITY.id, "--name", SAMPLE_AUTHORITY.name, "--country", "NL", "--minisign-key", issuer.publicKeyFile];
    await cliOk([...store, ...trust, "--age-recipient", issuerAge.recipient]);
    const bundles = ["OM-RTM-2026-0501", "OM-RTM-2026-0502"].map((id) => {
      const out = join(temp.dir, `${id}.sealed`);
      stockRequestBundle({ workDir: temp.dir, document: sampleRequest({ id }), key: issuer, recipients: [recipient], out });
      return out;
    });
    expectExit((await importJson(storeDir, bundles)).result, 0);
    for (const ref of [REF, OPEN_REF]) {
      const { unanswered } = await review(ref, "--declare-independence");
      const open = ref === OPEN_REF ? ["N2", "M3"] : [];
      await review(ref, ...unanswered.filter((item) => !open.includes(item)).flatMap((item) => ["--set", `${item}=met`]));
    }
    await review(REF, "--strike-category", "traffic");
    const keyFile = join(temp.dir, "reviewer.pub");
    reviewerKey = (await identityOf(storeDir)).reviewer.minisignPublicKey;
    writeFileSync(keyFile, `untrusted comment: reviewer\n${reviewerKey}\n`);
  });
  afterAll(() => temp.remove());

  it("exits 2 naming the fault for bad input, and signs and stores nothing", async () => {
    const rows = await auditCount();
    const cases: [string[], RegExp][] = [
      [["decide", REF, "--outcome", "granted"], /--outcome granted: use authorised, authorised-with-modifications, refused, returned/],
      [["decide", REF, "--outcome", "refused", "--reason", "fairness=x"], /--reason fairness=x: use AREA=TEXT with AREA legality, necessity, minimization/],
      [["decide", REF, "--outcome", "refused", "--reason", "legality"], /--reason legality: use AREA=TEXT/],
      [["decide", REF, "--outcome", "refused", "--reason", "legality=a", "--reason", "legality=b"], /--reason legality: given twice/],
      [["decide", REF, "--outcome", "authorised", "--defer", "N2"], /--defer N2: use ITEM=REASON/],
      [["decide", REF, "--outcome", "authorised"], /differs in dataCategories: the outcome is authorised-with-modifications/],
      [["decide", REF, "--outcome", "authorised-with-modifications", REASONS[0] ?? "", REASONS[1] ?? ""], /missing: necessity, minimization[\s\S]*--reason necessity="/],
      [["decide", REF, "--outcome", "refused", ...REASONS], /no item of this review is/],
      [["decide", OPEN_REF, "--outcome", "authorised"], /N2, M3 are neither answered nor deferred/],
      [["decide", OPEN_REF, "--outcome", "authorised", "--defer", "N2=asked", "--defer", "L1=answered"], /--defer L1: it is answered \(met\)/],
      [["decide", `${SAMPLE_AUTHORITY.id}/NO-SUCH-ORDER`, "--outcome", "authorised"], /no stored request/],
      [["export", "D-404", "--out", temp.dir], /no decision D-404/],
    ];
    for (const [args, fault] of cases) {
      const result = await runCli([...store, ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(fault);
      expect(result.stdout).toBe("");
    }
    expect(await decisions()).toEqual([]);
    expect(await auditCount()).toBe(rows);
    expect((await review(REF)).state).toBe("in-review");
  });

  it("decides, lists, exports and seals; the stock tools verify the copy and open the reply", async () => {
    const decided = JSON.parse((await cliOk([...store, "decide", REF, "--outcome", "authorised-with-modifications", ...REASONS, "--id", "D-CLI-1", "--json"])).stdout) as DecisionView;
    expect(decided).toMatchObject({ id: "D-CLI-1", outcome: "authorised-with-modifications", status: "final", request: { id: "OM-RTM-2026-0501", revision: 1 } });
    expect(decided.document.grantedScope?.dataCategories).toEqual(["subscriber"]);
    expect((await review(REF)).state).toBe("decided");
    expect(await decisions()).toEqual([expect.objectContaining({ id: "D-CLI-1", sha256: decided.sha256, supersededBy: null })]);

    const out = join(temp.dir, "out");
    mkdirSync(out);
    const exported = JSON.parse((await cliOk([...store, "export", "D-CLI-1", "--out", out, "--seal", "--json"])).stdout) as { files: string[]; sealedTo: string; sha256: string };
    expect(exported).toMatchObject({ sealedTo: SAMPLE_AUTHORITY.id, sha256: decided.sha256 });
    expect(readdirSync(out).sort()).toEqual(["D-CLI-1.json", "D-CLI-1.json.minisig", "D-CLI-1.pdf", "D-CLI-1.sealed"]);
    const stock = stockVerify(join(out, "D-CLI-1.json"), reviewerKey);
    expect(stock.status, stock.stderr).toBe(0);
    expect(stock.stdout).toContain(`counterseal decision D-CLI-1 sha256:${decided.sha256}`);
    const bag = stockOpen(join(out, "D-CLI-1.sealed"), issuerAge.identityFile, join(temp.dir, "opened"), join(temp.dir, "reviewer.pub"));
    expect(readFileSync(join(bag, "data", "decision.json")).equals(readFileSync(join(out, "D-CLI-1.json")))).toBe(true);
    const verified = await cliOk([...store, "verify", join(out, "D-CLI-1.json")]);
    expect(verified.stdout).toContain("D-CLI-1");

    const again = await runCli([...store, "export", "D-CLI-1", "--out", out]);
    expectExit(again, 2);
    expect(again.stderr).toMatch(/refusing to overwrite/);
  });

  it("supersedes a decision only when told which, keeping both", async () => {
    const unnamed = await runCli([...store, "decide", REF, "--outcome", "authorised-with-modifications", ...REASONS]);
    expectExit(unnamed, 2);
    expect(unnamed.stderr).toMatch(/has decision D-CLI-1 \(authorised-with-modifications\); a new decision must supersede it \(--supersedes D-CLI-1\)/);
    const second = await cliOk([...store, "decide", REF, "--outcome", "authorised-with-modifications", ...REASONS, "--supersedes", "D-CLI-1"]);
    expect(second.stdout).toMatch(/^nl-om-rotterdam\.OM-RTM-2026-0501\.r1\.D2 {2}authorised-with-modifications on nl-om-rotterdam\/OM-RTM-2026-0501\/1 {2}final {2}sha256 [0-9a-f]{64}\n$/);
    const listed = await decisions();
    expect(listed.map((each) => [each.id, each.supersedes, each.supersededBy])).toEqual([
      ["nl-om-rotterdam.OM-RTM-2026-0501.r1.D2", "D-CLI-1", null],
      ["D-CLI-1", null, "nl-om-rotterdam.OM-RTM-2026-0501.r1.D2"],
    ]);
    const text = await cliOk([...store, "decisions"]);
    expect(text.stdout).toContain("D-CLI-1  authorised-with-modifications on nl-om-rotterdam/OM-RTM-2026-0501/1  final; superseded by nl-om-rotterdam.OM-RTM-2026-0501.r1.D2");
  });

  it("reads and sets the four-eyes rule; a decision it covers is listed as awaiting countersignature", async () => {
    expect(JSON.parse((await cliOk([...store, "countersign", "settings", "--json"])).stdout)).toEqual({ outcomes: [], categories: ["content", "location"] });
    const bad = await runCli([...store, "countersign", "settings", "--outcomes", "vetoed"]);
    expectExit(bad, 2);
    expect(bad.stderr).toMatch(/vetoed is not an outcome/);
    const set = await cliOk([...store, "countersign", "settings", "--categories", "traffic, content", "--outcomes", "", "--json"]);
    expect(JSON.parse(set.stdout)).toEqual({ outcomes: [], categories: ["traffic", "content"] });
    const decided = await cliOk([...store, "decide", OPEN_REF, "--outcome", "authorised", "--defer", "N2=Asked the issuer.", "--defer", "M3=Asked the issuer.", "--json"]);
    expect(JSON.parse(decided.stdout)).toMatchObject({ status: "awaiting-countersignature", countersignaturesRequired: true, document: { checklist: { deferredItems: [{ id: "N2" }, { id: "M3" }] } } });
  });
});
