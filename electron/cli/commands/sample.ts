// `counterseal sample plan | draw | pack`: how many cases an audit sample needs, and which ones,
// drawn so that anyone can re-run the draw from the frame and the seed, and the audit pack that
// carries them to the committee (docs/audit-sampling.md).
import type { Command } from "commander";
import { exportAuditPack } from "../../core/sampling/audit-pack.js";
import { packRecipients } from "../../core/sampling/pack-recipients.js";
import { drawAuditSample, type AuditSample, type DrawRequest } from "../../core/sampling/sampling-service.js";
import { planSample, SamplingInputError, type SamplePlan } from "../../../shared/sampling/attribute-sampling.js";
import { PURPOSIVE_REASONS, STRATIFY_BY, type PurposiveReason, type StratifyBy } from "../../../shared/sampling/population.js";
import { DECISION_OUTCOMES, isDecisionOutcome } from "../../../shared/vocabulary/decision-outcomes.js";
import { INSTRUMENTS, isInstrument } from "../../../shared/vocabulary/instruments.js";
import { isUrgencyLevel, URGENCY_LEVELS } from "../../../shared/vocabulary/urgencies.js";
import { CliError } from "../exit-codes.js";
import { printJson, withSession } from "../context.js";

interface PlanOptions {
  confidence: string;
  tolerable: string;
  expected: string;
  json?: boolean;
}

interface DrawOptions {
  seed?: string;
  size: string;
  spares?: string;
  from?: string;
  to?: string;
  instrument?: string;
  authority?: string;
  urgency?: string;
  outcome?: string;
  stratifyBy?: string;
  purposive: string[];
  json?: boolean;
}

export function registerSampleCommands(program: Command): void {
  const sample = program.command("sample").description("plan and draw audit samples anyone can re-run (docs/audit-sampling.md)");
  sample
    .command("plan")
    .description("the binomial attribute sample size for a confidence level, tolerable deviation rate and deviations allowed; needs no store")
    .option("--confidence <percent>", "confidence level in percent", "95")
    .requiredOption("--tolerable <percent>", "tolerable deviation rate in percent, e.g. 5")
    .option("--expected <count>", "deviations allowed in the sample (the expected count)", "0")
    .option("--json", "print one object: method, confidence, tolerable, expected, sampleSize, achievedRisk, upperDeviationLimit")
    .action((options: PlanOptions) => {
      let plan: SamplePlan;
      try {
        plan = planSample({ confidence: decimal(options.confidence, "--confidence"), tolerable: decimal(options.tolerable, "--tolerable"), expected: whole(options.expected, "--expected", 0) });
      } catch (error) {
        if (error instanceof SamplingInputError) throw new CliError(error.message);
        throw error;
      }
      if (options.json) return printJson(plan);
      process.stdout.write(
        `sample ${plan.sampleSize} cases: ${plan.confidence}% confidence, tolerable deviation rate ${plan.tolerable}%, ${plan.expected} deviation${plan.expected === 1 ? "" : "s"} allowed ` +
          `(binomial; risk reached ${plan.achievedRisk}%; upper deviation limit ${plan.upperDeviationLimit}% if ${plan.expected} found)\n`,
      );
    });
  sample
    .command("draw")
    .description("draw a sample and its spares from the stored request revisions (every one, unless filtered)")
    .option("--seed <hex>", "32 bytes as 64 hex digits (default: 32 random bytes, printed; record them)")
    .requiredOption("--size <n>", "the sample size (from `sample plan`)")
    .option("--spares <n>", "how many spares (default: as many as the sample)")
    .option("--from <date>", "received on or after this day, YYYY-MM-DD (UTC)")
    .option("--to <date>", "received on or before this day, YYYY-MM-DD (UTC)")
    .option("--instrument <instrument>", `only this instrument: ${INSTRUMENTS.join(", ")}`)
    .option("--authority <id>", "only this issuing authority (its id)")
    .option("--urgency <level>", `only this urgency: ${URGENCY_LEVELS.join(", ")}`)
    .option("--outcome <outcome>", `only revisions whose current decision is: ${DECISION_OUTCOMES.join(", ")}`)
    .option("--stratify-by <field>", `share the sample across strata: ${STRATIFY_BY.join(", ")}`)
    .option("--purposive <reason=reference>", `add a purposive pick, marked as such (repeatable); reasons: ${PURPOSIVE_REASONS.join(", ")}`, collect, [])
    .option("--json", "print one object: frameHash, seed, population, size, sample, spares, strata, filter, stratifyBy, purposive")
    .action(async (options: DrawOptions, command: Command) => {
      const request = drawRequestOf(options);
      await withSession(command, (session) => {
        const drawn = drawAuditSample(session, request);
        if (options.json) return printJson(drawn);
        process.stdout.write(describeDraw(drawn));
      });
    });
  drawOptions(
    sample
      .command("pack")
      .description("draw exactly as `sample draw` does and seal the sampled cases (requests, reviews, signed decisions, audit excerpts) with the plan for the committee"),
  )
    .option("--confidence <percent>", "the plan's confidence level in percent", "95")
    .option("--tolerable <percent>", "the plan's tolerable deviation rate in percent", "5")
    .option("--expected <count>", "the plan's deviations allowed", "0")
    .requiredOption("--to <committee>", "the committee: its keyring entry (kind committee), its age recipient (age1…), or a file of recipients")
    .requiredOption("--out <dir>", "the folder the sealed pack is written to, as <id>.sealed")
    .option("--id <id>", "the pack's id (default AP-<frame hash 8>-<seed 8>)")
    .option("--json", "print one object: id, file, sealedSha256, bundleDigest, frameHash, seed, population, sample, spares, purposive, cases, headSeq, headHash, recipients")
    .action(async (options: PackOptions, command: Command) => {
      const { to: recipient, until, ...drawn } = options;
      const request = {
        ...drawRequestOf({ ...drawn, ...(until !== undefined && { to: until }) }),
        plan: { confidence: decimal(options.confidence, "--confidence"), tolerable: decimal(options.tolerable, "--tolerable"), expected: whole(options.expected, "--expected", 0) },
        outDir: options.out,
        id: options.id,
      };
      await withSession(command, async (session) => {
        const pack = await exportAuditPack(session, { ...request, recipients: packRecipients(session, recipient) });
        if (options.json) return printJson(pack);
        process.stdout.write(
          `sealed audit pack ${pack.id} to ${pack.recipients} recipient${pack.recipients === 1 ? "" : "s"}: ${pack.file}\n` +
            `frame hash ${pack.frameHash}, seed ${pack.seed}, population ${pack.population}; ${pack.sample.length} sampled, ${pack.purposive.length} purposive; ${pack.cases} cases\n` +
            `audit excerpts checkpointed at seq ${pack.headSeq} (${pack.headHash})\n`,
        );
      });
    });
}

interface PackOptions extends Omit<DrawOptions, "to"> {
  until?: string;
  confidence: string;
  tolerable: string;
  expected: string;
  /** The committee's recipient: in `pack`, --to is not the period's end (that is --until). */
  to: string;
  out: string;
  id?: string;
}

/** The draw's options, shared by `draw` and `pack` so both draw from the same population the same way. */
function drawOptions(command: Command): Command {
  return command
    .option("--seed <hex>", "32 bytes as 64 hex digits (default: 32 random bytes, printed; record them)")
    .requiredOption("--size <n>", "the sample size (from `sample plan`)")
    .option("--spares <n>", "how many spares (default: as many as the sample)")
    .option("--from <date>", "received on or after this day, YYYY-MM-DD (UTC)")
    .option("--until <date>", "received on or before this day, YYYY-MM-DD (UTC): draw's --to, which names the recipient here")
    .option("--instrument <instrument>", `only this instrument: ${INSTRUMENTS.join(", ")}`)
    .option("--authority <id>", "only this issuing authority (its id)")
    .option("--urgency <level>", `only this urgency: ${URGENCY_LEVELS.join(", ")}`)
    .option("--outcome <outcome>", `only revisions whose current decision is: ${DECISION_OUTCOMES.join(", ")}`)
    .option("--stratify-by <field>", `share the sample across strata: ${STRATIFY_BY.join(", ")}`)
    .option("--purposive <reason=reference>", `add a purposive pick, marked as such (repeatable); reasons: ${PURPOSIVE_REASONS.join(", ")}`, collect, []);
}

function drawRequestOf(options: DrawOptions): DrawRequest {
  const request = {
    seed: options.seed,
    size: whole(options.size, "--size", 1),
    spares: options.spares === undefined ? undefined : whole(options.spares, "--spares", 0),
    filter: {
      ...(options.from !== undefined && { from: options.from }),
      ...(options.to !== undefined && { to: options.to }),
      ...(options.instrument !== undefined && { instrument: oneOf(options.instrument, "--instrument", isInstrument, INSTRUMENTS) }),
      ...(options.authority !== undefined && { authority: options.authority }),
      ...(options.urgency !== undefined && { urgency: oneOf(options.urgency, "--urgency", isUrgencyLevel, URGENCY_LEVELS) }),
      ...(options.outcome !== undefined && { outcome: oneOf(options.outcome, "--outcome", isDecisionOutcome, DECISION_OUTCOMES) }),
    },
    stratifyBy: options.stratifyBy === undefined ? undefined : oneOf(options.stratifyBy, "--stratify-by", isStratifyBy, STRATIFY_BY),
    purposive: options.purposive.map(purposivePick),
  };
  if (request.seed !== undefined && !/^[0-9a-fA-F]{64}$/.test(request.seed)) throw new CliError(`--seed ${request.seed}: give 32 bytes as 64 hex digits`);
  return request;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const isStratifyBy = (text: string): text is StratifyBy => (STRATIFY_BY as readonly string[]).includes(text);
const isPurposiveReason = (text: string): text is PurposiveReason => (PURPOSIVE_REASONS as readonly string[]).includes(text);

function oneOf<T extends string>(text: string, option: string, is: (text: string) => text is T, all: readonly string[]): T {
  if (!is(text)) throw new CliError(`${option} ${text}: use one of ${all.join(", ")}`);
  return text;
}

function purposivePick(text: string): { reference: string; reason: PurposiveReason } {
  const at = text.indexOf("=");
  const reason = text.slice(0, Math.max(0, at));
  if (at < 0 || !isPurposiveReason(reason)) throw new CliError(`--purposive ${text}: write REASON=AUTHORITY/ID/REVISION, the reason one of ${PURPOSIVE_REASONS.join(", ")}`);
  return { reason, reference: text.slice(at + 1) };
}

function decimal(text: string, option: string): number {
  const value = /^\d{1,3}(\.\d{1,6})?$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(value)) throw new CliError(`${option} ${text}: give a percentage such as 95 or 2.5`);
  return value;
}

function whole(text: string, option: string, min: number): number {
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) throw new CliError(`${option} ${text}: use a whole number from ${min}`);
  return value;
}

function describeDraw(drawn: AuditSample): string {
  const lines = [`frame hash ${drawn.frameHash}`, `seed       ${drawn.seed}`, `population ${drawn.population} request revisions; sample ${drawn.sample.length}, spares ${drawn.spares.length}`];
  if (drawn.stratifyBy !== null) {
    lines.push(`strata by ${drawn.stratifyBy}:`);
    for (const stratum of drawn.strata) lines.push(`  ${stratum.stratum}: ${stratum.population} (${(stratum.share * 100).toFixed(1)}%), ${stratum.allocated} sampled`);
  }
  lines.push("sample:", ...drawn.sample.map((reference, index) => `  ${index + 1}. ${reference}`));
  lines.push("spares, in order:", ...drawn.spares.map((reference, index) => `  ${index + 1}. ${reference}`));
  if (drawn.purposive.length > 0) {
    lines.push("purposive picks (not part of the random sample):");
    for (const pick of drawn.purposive) lines.push(`  ${pick.reference} (${pick.reason})${pick.alsoInRandomSample ? ", also drawn at random" : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
