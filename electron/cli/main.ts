// counterseal: the command-line door onto the same core services the desktop app uses.
import { Command, CommanderError, Option } from "commander";
import { registerAuditCommands } from "./commands/audit.js";
import { registerAuditorCommands } from "./commands/auditor.js";
import { registerCountersignCommands } from "./commands/countersign-settings.js";
import { registerDecisionCommands } from "./commands/decide.js";
import { registerDemoCommand } from "./commands/demo.js";
import { registerGrievanceCommands } from "./commands/grievance.js";
import { registerEvidenceCommands } from "./commands/evidence.js";
import { registerExecutionCommands } from "./commands/execution.js";
import { registerIdentityCommands } from "./commands/identity.js";
import { registerImportCommand } from "./commands/import.js";
import { registerInitCommand } from "./commands/init.js";
import { registerKeygenCommand } from "./commands/keygen.js";
import { registerPassphraseCommand } from "./commands/passphrase.js";
import { registerReportCommands } from "./commands/report.js";
import { registerRequestCommands } from "./commands/requests.js";
import { registerRetentionCommands } from "./commands/retention.js";
import { registerReviewCommands } from "./commands/review.js";
import { registerSampleCommands } from "./commands/sample.js";
import { registerSealCommand } from "./commands/seal.js";
import { registerKeyringCommands } from "./commands/keyring.js";
import { registerVerifyCommand } from "./commands/verify.js";
import { EXIT } from "./exit-codes.js";
import { reportFailure } from "./report-failure.js";

const HELP_FOOTER = `
Store and secrets:
  The store is --store DIR, else $COUNTERSEAL_STORE, else the desktop app's store
  (~/.config/Counterseal/store on Linux). Its passphrase comes from
  $COUNTERSEAL_PASSPHRASE, else it is asked on the terminal (a new one, for "passphrase",
  from $COUNTERSEAL_NEW_PASSPHRASE). A minisign secret key's
  password comes from $COUNTERSEAL_KEY_PASSWORD, else the terminal.

Exit codes:
  0  success
  1  some input was refused (an import, a seal input), a file did not verify, or the audit log is broken
  2  usage or store error, or a review change refused (an unknown item, an answer
     outside met|not-met|na|info, a period outside the requested one, a decided case);
     or a decision refused (an incomplete review, missing reasons, an outcome that does
     not match the granted scope, no age recipient to seal to); a refused review,
     decide or export command changes and writes nothing
  3  wrong passphrase

Examples:
  counterseal init --reviewer "A. Reviewer" --office "Office of the Commissioner"
  counterseal trust add --authority de-ag-muenchen --name "Amtsgericht München" --country DE --minisign-key issuer.pub
  counterseal import --json inbox/*.sealed
  counterseal requests --json
  counterseal show de-ag-muenchen/AG-2026-0412 --json
  counterseal review de-ag-muenchen/AG-2026-0412 --declare-independence
  counterseal review de-ag-muenchen/AG-2026-0412 --set L1=met --note "Art 5 order, in force since 18 August 2026"
  counterseal review de-ag-muenchen/AG-2026-0412 --override N7-less-intrusive-means --note "subscriber data cannot show who sent them"
  counterseal review de-ag-muenchen/AG-2026-0412 --strike-category content --period 2026-09-01T00:00:00+02:00..2026-09-30T23:59:59+02:00
  counterseal review de-ag-muenchen/AG-2026-0412 --condition reassess-by=2027-01-31:"Reassess after the provider answers" --json
  counterseal clocks --json
  counterseal export-original de-ag-muenchen/AG-2026-0412 --out AG-2026-0412.sealed
  counterseal delete de-ag-muenchen/AG-2026-0412 --yes
  counterseal audit verify --json
  counterseal audit list --after 100 --limit 20
  counterseal audit checkpoint --out head.json        # head.json + head.json.minisig
  counterseal audit export --out audit.jsonl          # content-free, signed: audit.jsonl.minisig
  counterseal audit verify --file audit.jsonl --pubkey reviewer.pub    # anywhere, no store
  counterseal sample plan --confidence 95 --tolerable 5 --expected 0 --json
  counterseal sample draw --seed <64 hex digits> --size 59 --from 2026-01-01 --to 2026-06-30 --json
  counterseal sample pack --seed <64 hex digits> --size 59 --tolerable 5 --to committee.pub --out packs/   # sealed for the committee
  counterseal init --auditor --reviewer "C. Auditor" --office "Oversight Committee"       # an auditor's store
  counterseal auditor import packs/AP-….sealed
  counterseal auditor findings --case de-ag-muenchen/AG-2026-0412/1 --deviation scope-not-minimised --recommendation amber --note "…"
  counterseal auditor report --json; counterseal auditor report --out reports/   # the signed findings report
  counterseal decide de-ag-muenchen/AG-2026-0412 --outcome authorised-with-modifications --id D-2026-0001 \
    --reason legality="…" --reason necessity="…" --reason minimization="…" --defer M3="asked the issuer"
  counterseal decide de-ag-muenchen/AG-2026-0412 --outcome refused --reason … --supersedes D-2026-0001 --json
  counterseal decisions --json
  counterseal countersign settings --categories content,location --outcomes refused   # the four-eyes rule
  counterseal export D-2026-0001 --out exports/ --seal   # copy, and the reply sealed to the issuer
  counterseal verify --pubkey reviewer.pub exports/D-2026-0001.json
  counterseal grievance add --id G-2026-0001 --complainant-kind data-subject --complainant "A. Person" \
    --concerns request:de-ag-muenchen/AG-2026-0412 --ground excessive-scope --statement "…" \
    --remedy-sought "…" --received 2026-12-01
  counterseal grievance respond G-2026-0001 --outcome dismissed --reason "…"
  counterseal grievance export G-2026-0001 --out exports/
  counterseal retention settings --after refused=730 --after returned=365
  counterseal retention --json                         # the cases due for deletion
  counterseal execution record de-ag-muenchen/AG-2026-0412 --outcome complied --produced-at 2026-12-03T10:00:00+01:00
  counterseal execution record D-2026-0001 --outcome not-complied --ground no-data --note "…"
  counterseal execution list --json
  counterseal report settings --threshold 10           # counts below 10 are shown as "< 10"
  counterseal report --from 2026-01-01 --to 2026-12-31 --format pdf --out report-2026.pdf   # + .minisig
  counterseal report --from 2026-01-01 --to 2026-06-30 --format csv > h1.csv`;

export function buildProgram(): Command {
  const program = new Command("counterseal")
    .description("Import, review and answer sealed law-enforcement data requests, offline.")
    .version("0.1.0")
    .addOption(new Option("--store <dir>", "the store folder (default: $COUNTERSEAL_STORE or the app's store)"))
    .showHelpAfterError()
    .addHelpText("after", HELP_FOOTER)
    .exitOverride();
  registerInitCommand(program);
  registerPassphraseCommand(program);
  registerIdentityCommands(program);
  registerKeyringCommands(program);
  registerImportCommand(program);
  registerRequestCommands(program);
  registerReviewCommands(program);
  registerEvidenceCommands(program);
  registerSealCommand(program);
  registerKeygenCommand(program);
  registerDemoCommand(program);
  registerAuditCommands(program);
  registerDecisionCommands(program);
  registerCountersignCommands(program);
  registerGrievanceCommands(program);
  registerSampleCommands(program);
  registerAuditorCommands(program);
  registerRetentionCommands(program);
  registerExecutionCommands(program);
  registerReportCommands(program);
  registerVerifyCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (error) {
    // Help asked for (--help, --version) exits 0; help shown because a command was missing, or
    // any parse error, is a usage error.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return reportFailure(error);
  }
}

// `counterseal requests --json | head -1`: a reader that stops early is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
