// `counterseal execution` and `counterseal report` end to end, as a script would run them on a
// real store: an EU production order reviewed and authorised through the CLI, its execution
// recorded (its clock gone from `counterseal clocks`), then the transparency report as JSON, CSV
// (RFC 4180) and a signed PDF that the stock minisign verifies and pdftotext reads. Bad input
// exits 2 naming the fault, and stores and writes nothing.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecutionView } from "../../shared/api/executions.js";
import type { ReviewView } from "../../shared/api/review.js";
import type { TransparencyReport } from "../../shared/statistics/report.js";
import { cliOk, expectExit, identityOf, importJson, initStore, jsonLines, runCli, sha256File, stockRequestBundle } from "../helpers/cli.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockMinisignKeygen } from "../helpers/stock-tools.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { folded, pdfText, stockVerify } from "../decisions/support.js";

const REF = `${SAMPLE_AUTHORITY.id}/OM-RTM-2026-0701`;
const YEAR = ["--from", "2026-01-01", "--to", "2026-12-31"];

describe("counterseal execution and report", () => {
  const temp = suiteTempFolder("cli-report");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  let reviewerKey = "";
  const executions = async (): Promise<ExecutionView[]> => jsonLines((await cliOk([...store, "execution", "list", "--json"])).stdout) as ExecutionView[];
  const executionClocks = async () => jsonLines((await cliOk([...store, "clocks", "--json"])).stdout).filter((clock) => (clock as { kind: string }).kind === "execution-report");

  beforeAll(async () => {
    await initStore(storeDir);
    const recipient = (await identityOf(storeDir)).ageRecipients[0] ?? "";
    const issuer = stockMinisignKeygen(temp.dir, "issuer");
    await cliOk([...store, "trust", "add", "--authority", SAMPLE_AUTHORITY.id, "--name", SAMPLE_AUTHORITY.name, "--country", "NL", "--minisign-key", issuer.publicKeyFile]);
    const out = join(temp.dir, "order.sealed");
    stockRequestBundle({ workDir: temp.dir, document: sampleRequest({ id: "OM-RTM-2026-0701" }), key: issuer, recipients: [recipient], out });
    expectExit((await importJson(storeDir, [out])).result, 0);
    const { unanswered } = JSON.parse((await cliOk([...store, "review", REF, "--json", "--declare-independence"])).stdout) as ReviewView;
    await cliOk([...store, "review", REF, ...unanswered.flatMap((item) => ["--set", `${item}=met`])]);
    await cliOk([...store, "decide", REF, "--outcome", "authorised", "--id", "D-2026-0701"]);
    reviewerKey = (await identityOf(storeDir)).reviewer.minisignPublicKey;
  });
  afterAll(() => temp.remove());

  it("records the execution once, refusing bad input with exit 2 and storing nothing", async () => {
    expect(await executionClocks()).toEqual([expect.objectContaining({ authority: SAMPLE_AUTHORITY.id, id: "OM-RTM-2026-0701", revision: 1, kind: "execution-report", due: "2026-11-30T08:15:00.000Z" })]);
    for (const [args, message] of [
      [["execution", "record", REF, "--outcome", "done"], /--outcome done: use complied, complied-in-part, not-complied, enforcing-state-objected/],
      [["execution", "record", REF, "--outcome", "not-complied", "--ground", "lost"], /--ground lost: use no-data, wrong-identifier, overbroad, conflict-of-laws, other/],
      [["execution", "record", REF, "--outcome", "complied", "--produced-at", "yesterday"], /--produced-at yesterday: give an RFC 3339 date-time/],
      [["execution", "record", REF, "--outcome", "complied"], /--produced-at: an outcome of complied says when the data were produced/],
      [["execution", "record", "D-NONE", "--outcome", "enforcing-state-objected"], /no decision D-NONE/],
      [["execution", "record", `${SAMPLE_AUTHORITY.id}/NO-SUCH`, "--outcome", "enforcing-state-objected"], /no stored request/],
    ] as const) {
      const result = await runCli([...store, ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(message);
    }
    expect(await executions()).toEqual([]);

    const recorded = JSON.parse((await cliOk([...store, "execution", "record", REF, "--outcome", "complied-in-part", "--produced-at", "2026-11-24T16:00:00+01:00", "--note", "Only October's traffic data.", "--json"])).stdout) as ExecutionView;
    expect(recorded).toMatchObject({ decision: "D-2026-0701", request: { authority: SAMPLE_AUTHORITY.id, id: "OM-RTM-2026-0701", revision: 1 }, outcome: "complied-in-part", producedAt: "2026-11-24T15:00:00.000Z", note: "Only October's traffic data.", source: "hand" });
    expect(await executions()).toEqual([recorded]);
    expect(await executionClocks()).toEqual([]);

    const again = await runCli([...store, "execution", "record", "D-2026-0701", "--outcome", "enforcing-state-objected"]);
    expectExit(again, 2);
    expect(again.stderr).toMatch(/has its execution record .* never replaced/);
    expect(await executions()).toEqual([recorded]);
  });

  it("prints the report as JSON, withholding small counts at the office's threshold unless told another", async () => {
    const report = JSON.parse((await cliOk([...store, "report", ...YEAR, "--format", "json"])).stdout) as TransparencyReport;
    expect(report).toMatchObject({ schema: "counterseal.transparency-report/1", period: { from: "2026-01-01", to: "2026-12-31" }, threshold: 5 });
    const byInstrument = (r: TransparencyReport) => r.tables.find((t) => t.id === "received-by-instrument")?.totals?.cells[0];
    expect(byInstrument(report)).toEqual({ value: null, display: "< 5", suppressed: "small" });
    const open = JSON.parse((await cliOk([...store, "report", ...YEAR, "--format", "json", "--threshold", "1"])).stdout) as TransparencyReport;
    expect(byInstrument(open)).toEqual({ value: 1, display: "1", suppressed: null });
    expect(open.tables.find((t) => t.id === "compliance-by-provider")?.rows).toEqual([expect.objectContaining({ key: "Northwind Mail Ltd", rate: 1 })]);

    expect(JSON.parse((await cliOk([...store, "report", "settings", "--threshold", "1", "--json"])).stdout)).toEqual({ threshold: 1 });
    expect((await cliOk([...store, "report", "settings"])).stdout).toBe("threshold 1: every count is shown\n");
    expect(byInstrument(JSON.parse((await cliOk([...store, "report", ...YEAR, "--format", "json"])).stdout) as TransparencyReport)).toMatchObject({ display: "1" });
    expect((await cliOk([...store, "report", "settings", "--threshold", "5"])).stdout).toBe('threshold 5: counts from 1 to 4 are shown as "< 5"\n');
  });

  it("writes CSV by RFC 4180, one section per table", async () => {
    const file = join(temp.dir, "report.csv");
    expect((await cliOk([...store, "report", ...YEAR, "--format", "csv", "--out", file, "--threshold", "1"])).stdout).toBe(`wrote ${file}\n`);
    const csv = readFileSync(file, "utf8");
    expect(csv.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
    expect(csv.startsWith("report,counterseal.transparency-report/1\r\nperiod,2026-01-01,2026-12-31,")).toBe(true);
    expect(csv).toContain("\r\n\r\ntable,received-by-provider,Requests received by provider\r\nprovider,requests\r\nNorthwind Mail Ltd,1\r\ntotal,1\r\n");
    expect(csv).toContain("table,compliance-by-provider,Compliance by provider (final authorisations)\r\nprovider,complied,complied-in-part,not-complied,enforcing-state-objected,no-record,total,compliance rate\r\nNorthwind Mail Ltd,0,1,0,0,0,1,1\r\n");
    expect(csv).toContain("table,art28-orders-by-addressee,Orders by addressee (Art 28(2))\r\n");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes a PDF signed with the reviewer's key that the stock minisign verifies and pdftotext reads", async () => {
    const file = join(temp.dir, "report-2026.pdf");
    const written = await cliOk([...store, "report", ...YEAR, "--format", "pdf", "--out", file]);
    expect(written.stdout).toBe(`wrote ${file}\nwrote ${file}.minisig\n`);
    const verified = stockVerify(file, reviewerKey);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`counterseal transparency-report 2026-01-01..2026-12-31 sha256:${sha256File(file)}`);
    const text = folded(pdfText(file));
    for (const expected of ["Transparency report", "Requests received from 2026-01-01 to 2026-12-31", "Test Office", "Requests received by instrument", "< 5", "Orders by addressee (Art 28(2))", "Time from issue to receipt of the data (Art 28(2))", "page 1 of"]) {
      expect(text).toContain(expected);
    }
    const audit = jsonLines((await cliOk([...store, "audit", "list", "--json"])).stdout).at(-1);
    expect(audit).toMatchObject({ action: "report.exported", details: { format: "pdf", from: "2026-01-01", to: "2026-12-31", threshold: 5, sha256: sha256File(file) } });

    // A tampered PDF fails the stock verification.
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 1;
    const tampered = join(temp.dir, "tampered.pdf");
    writeFileSync(tampered, bytes);
    writeFileSync(`${tampered}.minisig`, readFileSync(`${file}.minisig`));
    expect(stockVerify(tampered, reviewerKey).status).not.toBe(0);
  });

  it("exits 2 naming the fault for a bad period, format or threshold, or a file already there, writing nothing", async () => {
    const taken = join(temp.dir, "taken.json");
    writeFileSync(taken, "mine");
    for (const [args, message] of [
      [["report", "--to", "2026-12-31", "--format", "json"], /report needs --from YYYY-MM-DD and --to YYYY-MM-DD/],
      [["report", ...YEAR, "--format", "xml"], /--format xml: use csv, json, pdf/],
      [["report", ...YEAR, "--format", "pdf"], /--format pdf needs --out FILE/],
      [["report", "--from", "2026-13-01", "--to", "2026-12-31", "--format", "json"], /--from 2026-13-01: there is no such day/],
      [["report", "--from", "2026-12-31", "--to", "2026-01-01", "--format", "json"], /--to 2026-01-01 is before --from 2026-12-31/],
      [["report", ...YEAR, "--format", "json", "--threshold", "0"], /--threshold 0: give a whole number from 1/],
      [["report", ...YEAR, "--format", "json", "--out", taken], /refusing to overwrite .*taken\.json/],
      [["report", "settings", "--threshold", "many"], /--threshold many: give a whole number from 1/],
    ] as const) {
      const result = await runCli([...store, ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(message);
    }
    expect(readFileSync(taken, "utf8")).toBe("mine");
    expect(JSON.parse((await cliOk([...store, "report", "settings", "--json"])).stdout)).toEqual({ threshold: 5 });
  });
});
