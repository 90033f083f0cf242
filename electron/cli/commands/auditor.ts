// `counterseal auditor import | packs | findings | report`: auditor mode (docs/audit-sampling.md).
// An auditor's store (`counterseal init --auditor`) takes in audit packs, records the auditor's
// findings on their cases, evaluates the sample and signs the findings report.
import type { Command } from "commander";
import { listFindings, recordFinding } from "../../core/auditor/findings.js";
import { evaluateFindings, exportFindingsReport } from "../../core/auditor/findings-report.js";
import { listAuditPacks, getAuditPack } from "../../core/auditor/auditor-views.js";
import { importAuditPack } from "../../core/auditor/pack-import.js";
import type { Evaluation } from "../../../shared/formats/audit-findings.js";
import { DEVIATION_TYPES, isDeviationType, isRecommendation, RECOMMENDATIONS, type DeviationType } from "../../../shared/vocabulary/auditor-findings.js";
import { CliError } from "../exit-codes.js";
import { printJson, withSession } from "../context.js";

interface FindingsOptions {
  pack?: string;
  case?: string;
  compliant?: boolean;
  deviation?: string;
  recommendation?: string;
  note?: string;
  json?: boolean;
}

export function registerAuditorCommands(program: Command): void {
  const auditor = program.command("auditor").description("auditor mode: import audit packs, record findings, evaluate and sign the findings report (docs/audit-sampling.md)");
  auditor
    .command("import")
    .description("import an audit pack sealed to this auditor's store and signed by an office key in its keyring; re-checks the frame, the draw, every decision's signature and the audit excerpts")
    .argument("<pack>", "the sealed audit pack")
    .option("--json", "print one object: status, id, bundleDigest, office, signerKeyId, frameHash, seed, population, sample, purposive, decisionsVerified")
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      await withSession(command, async (session) => {
        const imported = await importAuditPack(session, file);
        if (options.json) return printJson(imported);
        process.stdout.write(
          `${imported.status === "imported" ? "imported" : "duplicate"} audit pack ${imported.id} from ${imported.office} (key ${imported.signerKeyId}): ` +
            `${imported.sample} sampled of ${imported.population}, ${imported.purposive} purposive; frame hash and draw re-checked, ${imported.decisionsVerified} decision signatures verified\n`,
        );
      });
    });
  auditor
    .command("packs")
    .description("the audit packs this store holds; with --pack, one pack's cases with the office's documents and the findings")
    .option("--pack <id>", "show this pack's cases")
    .option("--json", "print JSON")
    .action(async (options: { pack?: string; json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        if (options.pack !== undefined) {
          const pack = getAuditPack(session, options.pack);
          if (options.json) return printJson(pack);
          process.stdout.write(pack.cases.map((each) => `${each.reference}  ${each.selection}  ${each.finding === null ? "no finding" : each.finding.verdict}\n`).join(""));
          return;
        }
        const packs = listAuditPacks(session);
        if (options.json) return printJson(packs);
        process.stdout.write(packs.map((pack) => `${pack.id}  ${pack.office}  ${pack.sample.length} sampled of ${pack.population}  ${pack.findings} findings\n`).join(""));
      });
    });
  auditor
    .command("findings")
    .description("record the finding on a case (--case with --compliant or --deviation TYPE, and --recommendation), or list the findings")
    .option("--pack <id>", "the pack (may be left out while the store holds one)")
    .option("--case <reference>", "the case, AUTHORITY/ID/REVISION")
    .option("--compliant", "the case complied")
    .option("--deviation <type>", `the case deviated: ${DEVIATION_TYPES.join(", ")}`)
    .option("--recommendation <colour>", `${RECOMMENDATIONS.join(", ")}`)
    .option("--note <text>", "the auditor's note (required for a deviation of type other)")
    .option("--json", "print the finding recorded, or the list of findings")
    .action(async (options: FindingsOptions, command: Command) => {
      const args = options.case === undefined ? undefined : findingArgs(options, options.case);
      await withSession(command, (session) => {
        if (args === undefined) {
          const findings = listFindings(session, options.pack);
          if (options.json) return printJson(findings);
          process.stdout.write(findings.map((finding) => `${finding.reference}  ${finding.verdict}${finding.deviationType === null ? "" : ` (${finding.deviationType})`}  ${finding.recommendation}${finding.note === null ? "" : `  ${finding.note}`}\n`).join(""));
          return;
        }
        const finding = recordFinding(session, args);
        if (options.json) return printJson(finding);
        process.stdout.write(`recorded ${finding.reference}: ${finding.verdict}${finding.deviationType === null ? "" : ` (${finding.deviationType})`}, ${finding.recommendation}\n`);
      });
    });
  auditor
    .command("report")
    .description("the evaluation (sample size, deviations, deviation rate, its upper limit against the tolerable rate, conclusion); with --out, the signed findings report")
    .option("--pack <id>", "the pack (may be left out while the store holds one)")
    .option("--out <dir>", "write <id>.json, <id>.json.minisig and <id>.pdf there (every sampled case needs a finding)")
    .option("--id <id>", "the report's id (default F-<pack id>)")
    .option("--json", "print one object: id, pack, evaluation, files, sha256")
    .action(async (options: { pack?: string; out?: string; id?: string; json?: boolean }, command: Command) => {
      await withSession(command, async (session) => {
        const report = options.out === undefined ? evaluateFindings(session, options.pack) : await exportFindingsReport(session, { pack: options.pack, id: options.id, outDir: options.out });
        if (options.json) return printJson(report);
        process.stdout.write(describeEvaluation(report.evaluation) + report.files.map((file) => `wrote ${file}\n`).join(""));
      });
    });
}

function findingArgs(options: FindingsOptions, reference: string) {
  if ((options.compliant === true) === (options.deviation !== undefined)) throw new CliError("give --compliant or --deviation TYPE, one of them");
  if (options.deviation !== undefined && !isDeviationType(options.deviation)) throw new CliError(`--deviation ${options.deviation}: use one of ${DEVIATION_TYPES.join(", ")}`);
  if (options.recommendation === undefined || !isRecommendation(options.recommendation)) throw new CliError(`--recommendation ${options.recommendation ?? "(missing)"}: use one of ${RECOMMENDATIONS.join(", ")}`);
  return {
    ...(options.pack !== undefined && { pack: options.pack }),
    reference,
    verdict: options.compliant === true ? ("compliant" as const) : ("deviation" as const),
    ...(options.deviation !== undefined && { deviationType: options.deviation as DeviationType }),
    recommendation: options.recommendation,
    ...(options.note !== undefined && { note: options.note }),
  };
}

function describeEvaluation(evaluation: Evaluation): string {
  const rate = (value: number | null): string => (value === null ? "–" : `${value}%`);
  return (
    `sample ${evaluation.sampleSize}, ${evaluation.evaluated} evaluated, ${evaluation.deviations} deviation${evaluation.deviations === 1 ? "" : "s"}: ` +
    `deviation rate ${rate(evaluation.deviationRate)}, upper limit ${rate(evaluation.upperLimit)} at ${evaluation.confidence}% confidence against a tolerable ${evaluation.tolerable}%: ${evaluation.conclusion}\n`
  );
}
