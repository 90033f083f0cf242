// `counterseal countersign request | list | show | sign | decline` end to end as scripts run
// them, on two real stores (one laptop per reviewer): the decider seals a decision awaiting its
// countersignature to a colleague, the colleague imports, reads and signs it, and the decider's
// import of the countersignature makes `counterseal decisions` say final and `counterseal verify`
// list the countersignature; bad input exits 2 naming the fault and writes nothing.
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CountersignRequestSummary, CountersignRequestView } from "../../shared/api/countersign.js";
import type { DecisionSummary } from "../../shared/api/decisions.js";
import type { ReviewView } from "../../shared/api/review.js";
import { cliOk, expectExit, identityOf, importJson, initStore, jsonLines, runCli, stockRequestBundle } from "../helpers/cli.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockMinisignKeygen } from "../helpers/stock-tools.js";
import { suiteTempFolder } from "../helpers/temp.js";

const REF = `${SAMPLE_AUTHORITY.id}/OM-RTM-2026-0601`;
const DECISION = "D-CLI-0601";

describe("counterseal countersign", () => {
  const temp = suiteTempFolder("cli-countersign");
  const decider = ["--store", join(temp.dir, "decider")];
  const colleague = ["--store", join(temp.dir, "colleague")];
  const folder = (name: string): string => {
    const dir = join(temp.dir, name);
    mkdirSync(dir);
    return dir;
  };
  const decisions = async (): Promise<DecisionSummary[]> => jsonLines((await cliOk([...decider, "decisions", "--json"])).stdout) as DecisionSummary[];

  beforeAll(async () => {
    await initStore(join(temp.dir, "decider"), "Zofia Wójcik-Müller", "Biuro Kontroli Wniosków, Łódź");
    await initStore(join(temp.dir, "colleague"), "Νίκος Παπαδόπουλος", "Biuro Kontroli Wniosków, Łódź");
    const [mine, theirs] = [await identityOf(join(temp.dir, "decider")), await identityOf(join(temp.dir, "colleague"))];
    const issuer = stockMinisignKeygen(temp.dir, "issuer");
    await cliOk([...decider, "trust", "add", "--authority", SAMPLE_AUTHORITY.id, "--name", SAMPLE_AUTHORITY.name, "--country", "NL", "--minisign-key", issuer.publicKeyFile]);
    const colleagueEntry = ["--kind", "reviewer", "--id", "reviewer:nikos", "--name", "Νίκος Παπαδόπουλος", "--country", "PL"];
    await cliOk([...decider, "keyring", "add", ...colleagueEntry, "--minisign-key", theirs.reviewer.minisignPublicKey, "--age-recipient", theirs.ageRecipients[0] ?? ""]);
    await cliOk([...colleague, "keyring", "add", "--kind", "reviewer", "--id", "reviewer:zofia", "--name", "Zofia", "--country", "PL", "--minisign-key", mine.reviewer.minisignPublicKey, "--age-recipient", mine.ageRecipients[0] ?? ""]);
    const bundle = join(temp.dir, "request.sealed");
    stockRequestBundle({ workDir: temp.dir, document: sampleRequest({ id: "OM-RTM-2026-0601" }), key: issuer, recipients: [mine.ageRecipients[0] ?? ""], out: bundle });
    expectExit((await importJson(join(temp.dir, "decider"), [bundle])).result, 0);
    const { unanswered } = JSON.parse((await cliOk([...decider, "review", REF, "--json", "--declare-independence"])).stdout) as ReviewView;
    await cliOk([...decider, "review", REF, "--json", ...unanswered.flatMap((item) => ["--set", `${item}=met`])]);
    await cliOk([...decider, "countersign", "settings", "--outcomes", "authorised"]);
    await cliOk([...decider, "decide", REF, "--outcome", "authorised", "--id", DECISION]);
  });
  afterAll(() => temp.remove());

  it("request → import → list/show → sign → import makes the decision final, and verify lists the countersignature", async () => {
    expect((await decisions()).find((each) => each.id === DECISION)).toMatchObject({ status: "awaiting-countersignature", countersignatures: [] });
    const outbox = folder("outbox");
    const sent = JSON.parse((await cliOk([...decider, "countersign", "request", DECISION, "--to", "reviewer:nikos", "--out", outbox, "--json"])).stdout) as { file: string; to: string };
    expect(sent).toMatchObject({ file: join(outbox, `${DECISION}.countersign.sealed`), to: "reviewer:nikos" });

    const imported = await importJson(join(temp.dir, "colleague"), [sent.file]);
    expectExit(imported.result, 0);
    expect(imported.lines).toEqual([{ file: sent.file, status: "imported", authority: "reviewer:zofia", id: DECISION, revision: 1, bundleType: "countersignature-request" }]);
    const listed = JSON.parse((await cliOk([...colleague, "countersign", "list", "--json"])).stdout) as CountersignRequestSummary[];
    expect(listed).toEqual([expect.objectContaining({ decisionId: DECISION, outcome: "authorised", answer: null, from: expect.objectContaining({ entry: "reviewer:zofia" }) })]);
    expect((await cliOk([...colleague, "countersign", "list"])).stdout).toContain(`${DECISION}  authorised on ${REF}/1  from reviewer:zofia`);
    const shown = JSON.parse((await cliOk([...colleague, "countersign", "show", DECISION, "--json"])).stdout) as CountersignRequestView;
    expect(shown.decision.reviewer.name).toBe("Zofia Wójcik-Müller");
    expect(shown.review.items.length).toBeGreaterThan(5);
    // Read-only: it is not one of the colleague's own requests.
    expect(jsonLines((await cliOk([...colleague, "requests", "--json"])).stdout)).toEqual([]);

    const reply = folder("reply");
    const signed = JSON.parse((await cliOk([...colleague, "countersign", "sign", DECISION, "--out", reply, "--json"])).stdout) as { file: string; id: string; verdict: string };
    expect(signed).toMatchObject({ file: join(reply, `${DECISION}.CS.sealed`), id: `${DECISION}.CS`, verdict: "signed", sealedTo: "reviewer:zofia" });
    const again = await runCli([...colleague, "countersign", "decline", DECISION, "--reason", "no", "--out", folder("again")]);
    expectExit(again, 2);
    expect(again.stderr).toContain(`decision ${DECISION} was answered by ${DECISION}.CS`);

    expect((await decisions()).find((each) => each.id === DECISION)?.status).toBe("awaiting-countersignature");
    const back = await importJson(join(temp.dir, "decider"), [signed.file]);
    expect(back.lines).toMatchObject([{ status: "imported", authority: "reviewer:nikos", id: `${DECISION}.CS`, bundleType: "countersignature" }]);
    const final = (await decisions()).find((each) => each.id === DECISION);
    expect(final).toMatchObject({ status: "final", countersignatures: [{ id: `${DECISION}.CS`, verdict: "signed", reviewer: { name: "Νίκος Παπαδόπουλος" } }] });
    expect((await cliOk([...decider, "decisions"])).stdout).toContain(`countersigned by Νίκος Παπαδόπουλος (key ${final?.countersignatures[0]?.reviewer.keyId ?? "?"}) as ${DECISION}.CS`);

    const copy = folder("copy");
    await cliOk([...decider, "export", DECISION, "--out", copy]);
    const verified = await cliOk([...decider, "verify", join(copy, `${DECISION}.json`)]);
    expect(verified.stdout).toContain("status: Final");
    expect(verified.stdout).toContain(`${DECISION}.CS: signed by key ${final?.countersignatures[0]?.reviewer.keyId ?? "?"}, verified`);
  });

  it("refuses with exit 2 and writes nothing: a final decision, a non-reviewer entry, a decline without reasons, an unknown request", async () => {
    const out = folder("refused");
    // After the first test the decision is countersigned: final, nothing more to ask.
    const final = await runCli([...decider, "countersign", "request", DECISION, "--to", "reviewer:nikos", "--out", out]);
    expectExit(final, 2);
    expect(final.stderr).toContain(`decision ${DECISION} is final: it is countersigned`);
    const missing = await runCli([...decider, "countersign", "request", "D-NONE", "--to", "reviewer:nikos", "--out", out]);
    expectExit(missing, 2);
    expect(missing.stderr).toContain("the store holds no decision D-NONE");
    const authority = await runCli([...decider, "countersign", "request", DECISION, "--to", SAMPLE_AUTHORITY.id, "--out", out]);
    expectExit(authority, 2);
    const noReason = await runCli([...colleague, "countersign", "decline", DECISION, "--out", out]);
    expectExit(noReason, 2);
    expect(noReason.stderr).toContain("--reason");
    const unknown = await runCli([...colleague, "countersign", "show", "D-NONE"]);
    expectExit(unknown, 2);
    expect(unknown.stderr).toContain("no countersignature request for decision D-NONE");
    expect(readdirSync(out)).toEqual([]);
  });
});
