// Audit samples over the store (docs/audit-sampling.md): the population is every stored request
// revision, narrowed by the filters; the draw, the strata and the purposive picks are the pure
// functions of shared/sampling, so what the CLI prints anyone can re-run from the frame and seed.
import { CoreError } from "../errors.js";
import type { Session } from "../session/session.js";
import {
  filterPopulation,
  markPurposive,
  referenceOf,
  stratumOf,
  type PopulationCase,
  type PopulationFilter,
  type PurposivePick,
  type PurposiveReason,
  type StratifyBy,
} from "../../../shared/sampling/population.js";
import { drawSample, type Draw } from "../../../shared/sampling/selection.js";

export class SamplingError extends CoreError {
  override readonly name = "SamplingError";
  readonly code = "invalid-arguments";
}

export interface DrawRequest {
  /** 64 hex digits; drawn from the runtime's randomness when absent. */
  seed?: string | undefined;
  size: number;
  spares?: number | undefined;
  filter: PopulationFilter;
  stratifyBy?: StratifyBy | undefined;
  purposive?: readonly { reference: string; reason: PurposiveReason }[];
}

export interface AuditSample extends Draw {
  filter: PopulationFilter;
  stratifyBy: StratifyBy | null;
  purposive: PurposivePick[];
}

/** Every stored revision as a member of the population. */
export function storedPopulation(session: Session): PopulationCase[] {
  return session.store.population.allRevisions().map((row) => ({
    authority: row.authorityId,
    id: row.documentId,
    revision: row.revision,
    instrument: row.instrument,
    urgency: row.urgencyLevel,
    dataCategories: row.dataCategories,
    receivedAt: row.receivedAt.toISOString(),
    outcome: row.outcome,
  }));
}

export function drawAuditSample(session: Session, request: DrawRequest): AuditSample {
  const seed = request.seed ?? Buffer.from(session.runtime.ids.randomBytes(32)).toString("hex");
  try {
    const stored = storedPopulation(session);
    const population = filterPopulation(stored, request.filter);
    const known = new Set(stored.map(referenceOf));
    for (const pick of request.purposive ?? []) {
      if (!known.has(pick.reference)) throw new SamplingError(`purposive pick ${pick.reference}: no stored request revision has this reference`);
    }
    const draw = drawSample({
      members: population.map((member) => ({ reference: referenceOf(member), stratum: stratumOf(member, request.stratifyBy) })),
      seed,
      size: request.size,
      ...(request.spares !== undefined && { spares: request.spares }),
    });
    return { ...draw, filter: request.filter, stratifyBy: request.stratifyBy ?? null, purposive: markPurposive(request.purposive ?? [], draw.sample) };
  } catch (error) {
    if (error instanceof RangeError) throw new SamplingError(error.message);
    throw error;
  }
}
