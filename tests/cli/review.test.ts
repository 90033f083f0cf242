// `counterseal review` and `counterseal clocks` end to end, as a script would run them: a whole
// review of an EU production order (independence, every applicable item answered, findings
// accepted and overridden, the scope narrowed), each refusal exiting 2 with the fault named and
// nothing changed, and the store's open clocks soonest first. Bundles are made with tar, age and
// minisign alone. The request was submitted in August 2026, so its legal clocks are overdue
// whatever day the test runs; the reviewer's reassess date lies years ahead, so it is running.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewView, StoreClock } from "../../shared/api/review.js";
import type { InboxRow } from "../../shared/api/requests.js";
import { cliOk, expectExit, identityOf, importJson, initStore, jsonLines, runCli, stockRequestBundle } from "../helpers/cli.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockMinisignKeygen, type StockMinisignKey } from "../helpers/stock-tools.js";
import { suiteTempFolder } from "../helpers/temp.js";

const ORDER = "OM-RTM-2026-0301";
const REF = `${SAMPLE_AUTHORITY.id}/${ORDER}`;
const OTHER = "OM-RTM-2026-0302";

const order = (overrides: Record<string, unknown> = {}) =>
  sampleRequest({
    id: ORDER,
    submittedAt: "2026-08-20T09:15:00+02:00",
    validatingAuthority: { name: "Rechtbank Rotterdam, rechter-commissaris", country: "NL", kind: "judge", validatedAt: "2026-08-19T16:40:00+02:00" },
    dataCategories: ["subscriber", "traffic", "content"],
    targets: [
      { kind: "email", value: "j.doe.4471@example.com", role: "suspect" },
      { kind: "phone", value: "+31 6 1234 5678", role: "suspect" },
    ],
    period: { from: "2026-06-01T00:00:00+02:00", to: "2026-07-31T23:59:59+02:00" },
    retentionDays: 180,
    minimization: "Only messages exchanged with the bank's customers.",
    ...overrides,
  });

describe("counterseal review and clocks", () => {
  const temp = suiteTempFolder("cli-review");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  let issuer: StockMinisignKey;
  let recipient = "";
  let sealed = 0;
  const review = async (...flags: string[]): Promise<ReviewView> => JSON.parse((await cliOk([...store, "review", REF, "--json", ...flags])).stdout) as ReviewView;
  const auditCount = async (): Promise<number> => jsonLines((await cliOk([...store, "audit", "list", "--json"])).stdout).length;
  /** Runs a refused command: exit 2, the fault named on stderr, the review and the audit log as before. */
  const refused = async (flags: string[], fault: RegExp): Promise<void> => {
    const [before, rows] = [await review(), await auditCount()];
    const result = await runCli([...store, "review", REF, ...flags]);
    expectExit(result, 2);
    expect(result.stderr).toMatch(fault);
    expect(result.stdout).toBe("");
    expect(await review()).toEqual(before);
    expect(await auditCount()).toBe(rows);
  };

  beforeAll(async () => {
    await initStore(storeDir);
    recipient = (await identityOf(storeDir)).ageRecipients[0] ?? "";
    issuer = stockMinisignKeygen(temp.dir, "issuer");
    await cliOk([...store, "trust", "add", "--authority", SAMPLE_AUTHORITY.id, "--name", SAMPLE_AUTHORITY.name, "--country", "NL", "--minisign-key", issuer.publicKeyFile]);
    const bundle = (document: Record<string, unknown>): string => {
      const out = join(temp.dir, `bundle-${++sealed}.sealed`);
      stockRequestBundle({ workDir: temp.dir, document, key: issuer, recipients: [recipient], out });
      return out;
    };
    // Another case naming the same mobile number, written the national way.
    const other = sampleRequest({ id: OTHER, dataCategories: ["subscriber"], period: undefined, targets: [{ kind: "phone", value: "06-12345678" }] });
    const { result } = await importJson(storeDir, [bundle(order()), bundle(other)]);
    expectExit(result, 0);
  });
  afterAll(() => temp.remove());

  it("prints getReview's object for a received order: template, items, clocks, scopes, intrusion, related", async () => {
    const view = await review();
    expect(view.request).toEqual({ authority: SAMPLE_AUTHORITY.id, id: ORDER, revision: 1 });
    expect(view.template).toEqual({ id: "eu-production-order@2026.1", version: "2026.1" });
    expect(view).toMatchObject({ state: "received", independence: null, previousRevision: null });
    const l1 = view.items.find((item) => item.id === "L1");
    expect(l1).toMatchObject({ area: "legality", applies: true, answer: null, note: null, evidence: [], findings: [] });
    expect(l1?.sources[0]?.citation).toMatch(/2023\/1543/);
    expect(view.items.find((item) => item.id === "L14")).toMatchObject({ applies: false, notApplicableReason: expect.stringMatching(/urgency is routine/) });
    expect(view.unanswered).toEqual(view.items.filter((item) => item.applies).map((item) => item.id));
    expect(view.clocks.map(({ kind, due, state }) => ({ kind, due, state }))).toEqual([
      { kind: "provider-deadline", due: "2026-08-30T07:15:00.000Z", state: "overdue" },
      { kind: "objection-window", due: "2026-08-30T07:15:00.000Z", state: "overdue" },
    ]);
    expect(view.requestedScope).toEqual(view.grantedScope);
    expect(view.intrusion).toMatchObject({ categories: ["subscriber", "traffic", "content"], mostIntrusive: "content", identifiers: 2, periodDays: 61, reach: 366 });
    expect(view.related).toEqual([
      expect.objectContaining({ authority: SAMPLE_AUTHORITY.id, id: OTHER, revision: 1, state: "received", outcome: null, identifier: { kind: "phone", value: "+31 6 1234 5678" }, categories: ["subscriber"] }),
    ]);
  });

  it("refuses an answer before the independence declaration, then declares it and starts the review", async () => {
    await refused(["--set", "L1=met"], /declare your independence/);
    const view = await review("--declare-independence");
    expect(view.state).toBe("in-review");
    expect(view.independence).toMatchObject({ conflict: false, note: null });
    const inbox = jsonLines((await cliOk([...store, "requests", "--json"])).stdout) as InboxRow[];
    expect(inbox.find((row) => row.id === ORDER)).toMatchObject({
      status: "in-review",
      nextDeadline: { kind: "provider-deadline", due: "2026-08-30T07:15:00.000Z" },
    });
  });

  it("refuses bad input with exit 2 naming it, and a refused flag takes back the ones before it", async () => {
    await refused(["--set", "L99=met"], /L99 is not an item of the eu-production-order@2026\.1 checklist/);
    await refused(["--set", "L1=maybe"], /"maybe" is not an answer; use met, not-met, na, info/);
    await refused(["--set", "L14=met"], /L14 does not apply to this request/);
    await refused(["--period", "2026-05-01T00:00:00+02:00..2026-07-01T00:00:00+02:00"], /inside the requested period .* its start 2026-05-01T00:00:00\+02:00 is before the requested start/);
    await refused(["--set", "L1=met", "--retention", "365"], /a retention of 365 days is longer than the 180 requested/);
    await refused(["--override", "N7-less-intrusive-means"], /needs --note/);
    await refused(["--override", "M4-retention", "--note", "none"], /no finding of rule M4-retention on this request/);
    await refused(["--condition", "reassess-by:no date"], /reassess-by needs a date/);
    await refused(["--strike-target", "+44 20 7946 0018"], /no granted target is that identifier/);
    const notFound = await runCli([...store, "review", `${SAMPLE_AUTHORITY.id}/NO-SUCH-ORDER`, "--json"]);
    expectExit(notFound, 2);
    expect(notFound.stderr).toMatch(/no stored request nl-om-rotterdam\/NO-SUCH-ORDER/);
  });

  it("does a whole review and ends with a narrowed scope", async () => {
    const started = await review();
    const applying = started.items.filter((item) => item.applies).map((item) => item.id);
    const sets = applying.flatMap((id) => ["--set", `${id}=${id === "M12" ? "info" : "met"}`]);
    let view = await review(...sets);
    expect(view.unanswered).toEqual([]);
    view = await review("--set", "M12=met", "--note", "The provider reports back within 30 days.");
    expect(view.items.find((item) => item.id === "M12")).toMatchObject({ answer: "met", note: "The provider reports back within 30 days." });

    const open = view.items.flatMap((item) => item.findings.map((finding) => finding.rule));
    expect(open).toEqual(["L16-form-gaps", "N7-less-intrusive-means"]);
    await review("--accept", "L16-form-gaps", "--note", "The issuer's contact is on the covering letter.");
    view = await review("--override", "N7-less-intrusive-means", "--note", "Subscriber data cannot show who read the messages.");
    expect(view.items.flatMap((item) => item.findings.map(({ rule, status }) => ({ rule, status })))).toEqual([
      { rule: "L16-form-gaps", status: "accepted" },
      { rule: "N7-less-intrusive-means", status: "overridden" },
    ]);

    view = await review(
      "--strike-category", "content",
      "--strike-target", "+31612345678",
      "--period", "2026-06-15T00:00:00+02:00..2026-07-15T23:59:59+02:00",
      "--retention", "90",
      "--condition", "purpose-limitation:Only for the phishing investigation RTM-26-004417.",
      "--condition", "reassess-by=2030-01-31:Reassess once the provider has answered.",
    );
    expect(view.grantedScope).toEqual({
      categories: ["subscriber", "traffic"],
      targets: [{ kind: "email", value: "j.doe.4471@example.com", role: "suspect" }],
      period: { from: "2026-06-15T00:00:00+02:00", to: "2026-07-15T23:59:59+02:00" },
      retentionDays: 90,
      conditions: [
        { kind: "purpose-limitation", text: "Only for the phishing investigation RTM-26-004417." },
        { kind: "reassess-by", date: "2030-01-31", text: "Reassess once the provider has answered." },
      ],
    });
    expect(view.requestedScope.categories).toEqual(["subscriber", "traffic", "content"]);
    // The office's time zone is the machine's (UTC in tests): the reassess date ends at its midnight.
    expect(view.clocks.find((clock) => clock.kind === "reassess")).toMatchObject({ due: "2030-01-31T23:59:59.999Z", state: "running" });

    const text = await cliOk([...store, "review", REF]);
    expect(text.stdout).toMatch(/in-review, template eu-production-order@2026\.1/);
    expect(text.stdout).toMatch(/granted: content data: not granted/);
    expect(text.stdout).toMatch(/granted: retention 180 days narrowed to 90/);
    expect((await cliOk([...store, "audit", "verify", "--json"])).stdout).toMatch(/"ok":true/);
  });

  it("lists every open clock of the store, soonest first, one line each", async () => {
    const result = await cliOk([...store, "clocks", "--json"]);
    const clocks = jsonLines(result.stdout) as StoreClock[];
    expect(clocks.map(({ id, kind, due }) => [id, kind, due])).toEqual([
      [ORDER, "provider-deadline", "2026-08-30T07:15:00.000Z"],
      [ORDER, "objection-window", "2026-08-30T07:15:00.000Z"],
      [OTHER, "provider-deadline", "2026-11-30T08:15:00.000Z"],
      [ORDER, "reassess", "2030-01-31T23:59:59.999Z"],
    ]);
    expect(clocks[0]).toEqual({
      authority: SAMPLE_AUTHORITY.id,
      id: ORDER,
      revision: 1,
      kind: "provider-deadline",
      due: "2026-08-30T07:15:00.000Z",
      state: "overdue",
      source: "Reg. 2023/1543 Art 10(2)",
      description: "The provider must produce the data within 10 days.",
    });
    const text = await cliOk([...store, "clocks"]);
    expect(text.stdout.split("\n")[0]).toMatch(/^2026-08-30T07:15:00.000Z +overdue +provider-deadline +nl-om-rotterdam\/OM-RTM-2026-0301\/1 /);
  });

  it("refuses any change once a newer revision supersedes the reviewed one, whose review offers its answers", async () => {
    const out = join(temp.dir, "revision-2.sealed");
    stockRequestBundle({ workDir: temp.dir, document: order({ revision: 2, retentionDays: 120 }), key: issuer, recipients: [recipient], out });
    expectExit((await importJson(storeDir, [out])).result, 0);
    const closed = await runCli([...store, "review", `${REF}/1`, "--set", "L1=not-met"]);
    expectExit(closed, 2);
    expect(closed.stderr).toMatch(/nl-om-rotterdam\/OM-RTM-2026-0301\/1 is superseded/);

    let second = await review();
    expect(second.request.revision).toBe(2);
    expect(second.previousRevision).toEqual({ revision: 1, changedPaths: ["$.revision", "$.retentionDays"] });
    expect(second.items.find((item) => item.id === "M12")?.carriedOver).toEqual({ revision: 1, answer: "met", note: "The provider reports back within 30 days." });
    second = await review("--declare-independence", "--confirm", "all");
    expect(second.unanswered).toEqual([]);
    expect(second.items.every((item) => item.carriedOver === null)).toBe(true);
    const clocks = jsonLines((await cliOk([...store, "clocks", "--json"])).stdout) as StoreClock[];
    expect(clocks.filter((clock) => clock.id === ORDER).map((clock) => clock.revision)).toEqual([2, 2]);
  });
});
