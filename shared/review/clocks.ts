// The deadlines a request runs against, each with its legal source and where it stands now.
// Clocks run from submittedAt. "Days" are calendar durations in absolute time (10 days is
// 10 × 24 h): the Regulation counts from receipt and, read with Reg. 1182/71, may end later
// (at the end of the last day, or the next working day), never earlier, so these clocks err on
// the side of falling due first. docs/review.md sets out the choice.
import type { ClockKind, ClockState } from "../vocabulary/clock-kinds.js";
import { DAY_MS, HOUR_MS, instant, isoInstant } from "./instants.js";
import type { RequestDocument } from "./request-vocabulary.js";
import { asksTrafficOrContent, competentValidator, issuerCompetent } from "./eu-authorities.js";
import { endOfNthLondonWorkingDayAfter } from "./working-days.js";
import { assertTimeZone, endOfDay, parseCivilDate } from "./zoned-time.js";

export interface Clock {
  readonly kind: ClockKind;
  /** The instant the clock falls due, ISO 8601 in UTC. */
  readonly due: string;
  readonly source: string;
  readonly state: ClockState;
  /** What the deadline is, in plain words. */
  readonly description: string;
  /** When what the clock waits for happened, if it has. */
  readonly metAt?: string;
}

export interface ClockOptions {
  readonly now: string | Date;
  /** The office's time zone (IANA name): a reassess date ends at midnight there. */
  readonly timeZone: string;
  /** The reviewer's reassess-by condition: a date (YYYY-MM-DD, to the end of that day) or an instant. */
  readonly reassessBy?: string;
  /** An extension of the preservation order has been recorded (Art 11: 60 days become 90). */
  readonly preservationExtended?: boolean;
  /** When each clock's event happened (the provider answered, approval came…). */
  readonly met?: Readonly<Partial<Record<ClockKind, string | Date>>>;
}

export const DUE_SOON_MS = 24 * HOUR_MS;

interface Deadline {
  readonly kind: ClockKind;
  readonly dueMs: number;
  readonly source: string;
  readonly description: string;
  readonly metAt?: string;
}

function deadlines(request: RequestDocument, options: ClockOptions): Deadline[] {
  const submitted = instant(request.submittedAt);
  const emergency = request.urgency.level === "emergency";
  const out: Deadline[] = [];
  const add = (deadline: Deadline) => out.push(deadline);
  switch (request.instrument) {
    case "eu-production-order":
      add(
        emergency
          ? { kind: "provider-deadline", dueMs: submitted + 8 * HOUR_MS, source: "Reg. 2023/1543 Art 10(4)", description: "The provider must produce the data within 8 hours in an emergency." }
          : { kind: "provider-deadline", dueMs: submitted + 10 * DAY_MS, source: "Reg. 2023/1543 Art 10(2)", description: "The provider must produce the data within 10 days." },
      );
      if (asksTrafficOrContent(request))
        add({
          kind: "objection-window",
          dueMs: submitted + (emergency ? 96 * HOUR_MS : 10 * DAY_MS),
          source: "Reg. 2023/1543 Art 12",
          description: `The enforcing State may raise grounds for refusal within ${emergency ? "96 hours" : "10 days"} of notification.`,
        });
      break;
    case "eu-preservation-order": {
      const days = options.preservationExtended === true ? 90 : 60;
      add({
        kind: "preservation-end",
        dueMs: submitted + days * DAY_MS,
        source: "Reg. 2023/1543 Art 11",
        description: `The preservation ends after ${days} days${options.preservationExtended === true ? " (extended by 30)" : " unless extended by 30"}.`,
      });
      break;
    }
    case "coe-subscriber-disclosure":
      add({ kind: "provider-deadline", dueMs: submitted + 30 * DAY_MS, source: "Second Additional Protocol to the Budapest Convention, Art 7", description: "The provider should disclose within 30 days." });
      break;
    case "domestic-warrant":
      if (emergency && request.issuingAuthority.country === "GB")
        add({
          kind: "urgent-approval",
          dueMs: endOfNthLondonWorkingDayAfter(submitted, 3),
          source: "Investigatory Powers Act 2016 s.24(3)",
          description: "A Judicial Commissioner must approve the urgent warrant by the end of the third working day after it was issued, or it lapses.",
        });
      break;
    default:
      break;
  }
  // Validation within 48 h: an emergency EU order from an issuer Art 4 does not let act alone.
  if ((request.instrument === "eu-production-order" || request.instrument === "eu-preservation-order") && emergency && !issuerCompetent(request)) {
    const validatedAt = competentValidator(request) ? request.validatingAuthority?.validatedAt : undefined;
    add({
      kind: "validation",
      dueMs: submitted + 48 * HOUR_MS,
      source: "Reg. 2023/1543 Art 4(5)",
      description: "The emergency order must be validated within 48 hours.",
      ...(validatedAt === undefined ? {} : { metAt: isoInstant(instant(validatedAt)) }),
    });
  }
  if (request.urgency.respondBy !== undefined)
    add({ kind: "respond-by", dueMs: instant(request.urgency.respondBy), source: "The request (urgency.respondBy)", description: "The issuer asks for an answer by this time." });
  if (request.nonDisclosure?.until !== undefined)
    add({ kind: "non-disclosure-end", dueMs: instant(request.nonDisclosure.until), source: "The request (nonDisclosure.until); Reg. 2023/1543 Art 13(2)", description: "Non-disclosure ends; the person may then be informed." });
  if (options.reassessBy !== undefined) {
    const dueMs = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(options.reassessBy) ? endOfDay(parseCivilDate(options.reassessBy), options.timeZone) : instant(options.reassessBy);
    add({ kind: "reassess", dueMs, source: "The reviewer's reassess-by condition", description: "The reviewer set this date to look at the measure again." });
  }
  return out;
}

function stateOf(dueMs: number, nowMs: number, metAt: string | undefined): ClockState {
  if (metAt !== undefined) return "met";
  if (nowMs >= dueMs) return "overdue";
  return dueMs - nowMs <= DUE_SOON_MS ? "due-soon" : "running";
}

/** Every clock the request runs against, in a fixed order, with its state at options.now. */
export function clocksFor(request: RequestDocument, options: ClockOptions): Clock[] {
  const nowMs = instant(options.now);
  assertTimeZone(options.timeZone);
  return deadlines(request, options).map((deadline) => {
    const given = options.met?.[deadline.kind];
    const metAt = given === undefined ? deadline.metAt : isoInstant(instant(given));
    return {
      kind: deadline.kind,
      due: isoInstant(deadline.dueMs),
      source: deadline.source,
      state: stateOf(deadline.dueMs, nowMs, metAt),
      description: deadline.description,
      ...(metAt === undefined ? {} : { metAt }),
    };
  });
}
