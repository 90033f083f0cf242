// The audit pack and auditor mode as real processes, end to end: `sample pack` on an office's
// store (the same draw as `sample draw`), `init --auditor`, `trust add` of the office's key,
// `auditor import`, `auditor findings`, `auditor report --json` and `--out` (checked with stock
// minisign), and every case-changing command refused in the auditor's store with exit 2.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import { describeIdentity } from "../../electron/core/identity/identity-service.js";
import { systemRuntime } from "../../electron/core/runtime.js";
import { initializeStore } from "../../electron/core/session/create-store.js";
import { cliOk, expectExit, runCli, STORE_PASSPHRASE } from "../helpers/cli.js";
import { TEST_KDF } from "../helpers/runtime.js";
import { stockVerify } from "../decisions/support.js";
import { decidedOffice, SEED } from "./auditor-fixture.js";

describe("counterseal sample pack and auditor", () => {
  it("packs, imports, records findings, evaluates and signs the report; refuses case changes in the auditor's store", async () => {
    const office = await decidedOffice();
    const officeKey = reviewerSigner(office.session).publicKeyLine;
    const seal = await office.seal({ name: "late-request.sealed", document: { ...(await import("../helpers/sample-request.js")).sampleRequest({ id: "LATE-1" }) } });
    office.session.store.close();
    const officeStore = ["--store", office.storeDir];
    const auditorDir = join(office.dir, "auditor");
    const auditorStore = ["--store", auditorDir];

    // `init --auditor` itself, once (at the app's key-derivation cost); the flow below runs on an
    // auditor's store made the same way in this process at the tests' cost, as initStore does.
    const init = await cliOk(["--store", join(office.dir, "auditor-by-init"), "init", "--auditor", "--reviewer", "C. Auditor", "--office", "Oversight Committee"]);
    expect(init.stdout).toContain("An auditor's store");
    const made = initializeStore(auditorDir, STORE_PASSPHRASE, { reviewerName: "C. Auditor", office: "Oversight Committee", auditor: true }, { ...systemRuntime, storeKdf: TEST_KDF });
    const recipient = describeIdentity(made).ageRecipients[0] ?? "";
    made.store.close();
    const byInit = JSON.parse((await cliOk(["--store", join(office.dir, "auditor-by-init"), "auditor", "packs", "--json"])).stdout);
    expect(byInit).toEqual([]);
    const recipientsFile = join(office.dir, "committee.txt");
    writeFileSync(recipientsFile, `# the committee\n${recipient}\n`);

    const drawn = JSON.parse((await cliOk([...officeStore, "sample", "draw", "--seed", SEED, "--size", "3", "--json"])).stdout);
    const packs = join(office.dir, "packs");
    mkdirSync(packs);
    const badTo = await runCli([...officeStore, "sample", "pack", "--seed", SEED, "--size", "3", "--to", join(office.dir, "missing.txt"), "--out", packs]);
    expectExit(badTo, 2);
    expect(badTo.stderr).toMatch(/missing\.txt: neither a committee in the keyring, an age recipient .* nor a readable recipients file/);
    const pack = JSON.parse((await cliOk([...officeStore, "sample", "pack", "--seed", SEED, "--size", "3", "--until", "2027-12-31", "--to", recipientsFile, "--out", packs, "--json"])).stdout);
    expect(pack).toMatchObject({ frameHash: drawn.frameHash, seed: SEED, population: 6, sample: drawn.sample, spares: drawn.spares, cases: 3, recipients: 1, file: join(packs, `${pack.id}.sealed`) });

    const untrusted = await runCli([...auditorStore, "auditor", "import", pack.file]);
    expectExit(untrusted, 2);
    expect(untrusted.stderr).toMatch(/not in this store's keyring/);
    await cliOk([...auditorStore, "trust", "add", "--authority", "office-dpa", "--name", "Office of the Commissioner", "--country", "NL", "--minisign-key", officeKey]);
    const imported = JSON.parse((await cliOk([...auditorStore, "auditor", "import", pack.file, "--json"])).stdout);
    expect(imported).toMatchObject({ status: "imported", id: pack.id, sample: 3, decisionsVerified: 3 });

    for (const [args, message] of [
      [["review", "nl-om-rotterdam/AUD-2026-002", "--declare-independence"], /auditor's store, where case data are read-only: it cannot change a review/],
      [["decide", "nl-om-rotterdam/AUD-2026-002", "--outcome", "refused", "--reason", "legality=x"], /auditor's store, where case data are read-only: it cannot decide a request/],
      [["import", seal], /auditor's store, where case data are read-only: it cannot import request bundles/],
      [["sample", "pack", "--seed", SEED, "--size", "3", "--to", recipient, "--out", packs], /auditor's store, where case data are read-only: it cannot make an audit pack/],
    ] as const) {
      const refused = await runCli([...auditorStore, ...args]);
      expectExit(refused, 2);
      expect(refused.stderr).toMatch(message);
    }
    const notAuditor = await runCli([...officeStore, "auditor", "findings", "--json"]);
    expectExit(notAuditor, 2);
    expect(notAuditor.stderr).toMatch(/works in an auditor's store; this is an office's store/);

    const bad = await runCli([...auditorStore, "auditor", "findings", "--case", drawn.sample[0], "--deviation", "late", "--recommendation", "red"]);
    expectExit(bad, 2);
    expect(bad.stderr).toMatch(/--deviation late: use one of legal-basis-missing, proportionality-not-assessed/);
    const [first, second, third] = drawn.sample as string[];
    await cliOk([...auditorStore, "auditor", "findings", "--case", first ?? "", "--compliant", "--recommendation", "green"]);
    await cliOk([...auditorStore, "auditor", "findings", "--case", second ?? "", "--compliant", "--recommendation", "green"]);
    const incomplete = JSON.parse((await cliOk([...auditorStore, "auditor", "report", "--json"])).stdout);
    expect(incomplete.evaluation).toMatchObject({ sampleSize: 3, evaluated: 2, conclusion: "incomplete" });
    const reports = join(office.dir, "reports");
    mkdirSync(reports);
    const early = await runCli([...auditorStore, "auditor", "report", "--out", reports]);
    expectExit(early, 2);
    expect(early.stderr).toContain(`1 sampled case has no finding yet, so the report cannot be signed: ${third}`);
    const recorded = JSON.parse((await cliOk([...auditorStore, "auditor", "findings", "--case", third ?? "", "--deviation", "record-incomplete", "--recommendation", "amber", "--note", "No reasons for minimisation.", "--json"])).stdout);
    expect(recorded).toMatchObject({ reference: third, verdict: "deviation", deviationType: "record-incomplete", recommendation: "amber", note: "No reasons for minimisation." });
    const listed = JSON.parse((await cliOk([...auditorStore, "auditor", "findings", "--json"])).stdout);
    expect(listed.map((finding: { reference: string }) => finding.reference).sort()).toEqual([...drawn.sample].sort());

    const report = JSON.parse((await cliOk([...auditorStore, "auditor", "report", "--out", reports, "--json"])).stdout);
    expect(report.evaluation).toMatchObject({ sampleSize: 3, evaluated: 3, deviations: 1, deviationRate: 33.3333, confidence: 95, tolerable: 5, conclusion: "exceeds-tolerable" });
    const identity = JSON.parse((await cliOk([...auditorStore, "identity", "--json"])).stdout);
    const verified = stockVerify(join(reports, `F-${pack.id}.json`), identity.reviewer.minisignPublicKey);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`counterseal audit-findings F-${pack.id} sha256:${report.sha256}`);
    expect(JSON.parse(readFileSync(join(reports, `F-${pack.id}.json`), "utf8")).evaluation).toEqual(report.evaluation);
    const words = await cliOk([...auditorStore, "auditor", "report"]);
    expect(words.stdout).toContain("sample 3, 3 evaluated, 1 deviation: deviation rate 33.3333%");
  });
});
