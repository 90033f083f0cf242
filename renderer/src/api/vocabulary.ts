// The request vocabulary the UI offers in filters and labels. shared/formats/request.ts holds the
// same lists, but importing its values would pull zod (and its eval probe) into the page; the
// Record types below make the compiler fail if shared/ adds or drops a value.
import type { DataCategory, Instrument, UrgencyLevel } from "./types.js";

const instruments: Record<Instrument, true> = {
  mlat: true,
  "executive-agreement": true,
  "eu-production-order": true,
  "eu-preservation-order": true,
  "coe-subscriber-disclosure": true,
  "coe-domain-registration": true,
  "emergency-disclosure": true,
  "domestic-warrant": true,
};

const urgencies: Record<UrgencyLevel, true> = { routine: true, expedited: true, emergency: true };

// Least to most intrusive, as in shared/formats/request.ts.
const categories: Record<DataCategory, true> = {
  subscriber: true,
  identification: true,
  "device-logs": true,
  traffic: true,
  location: true,
  content: true,
};

export const INSTRUMENT_LIST = Object.keys(instruments) as Instrument[];
export const URGENCY_LIST = Object.keys(urgencies) as UrgencyLevel[];
export const CATEGORY_LIST = Object.keys(categories) as DataCategory[];

/** Request statuses the core writes today; unknown ones are shown as they come. */
export const KNOWN_STATUSES = ["received", "in-review", "decided", "superseded", "withdrawn"] as const;

export const isInstrument = (value: string): value is Instrument => Object.hasOwn(instruments, value);
export const isUrgency = (value: string): value is UrgencyLevel => Object.hasOwn(urgencies, value);
export const isCategory = (value: string): value is DataCategory => Object.hasOwn(categories, value);
