// The legal instruments a request can be made under (sealed-bundle-v1, "The request document").
import { isOneOf } from "./is-one-of.js";

export const INSTRUMENTS = [
  "mlat",
  "executive-agreement",
  "eu-production-order",
  "eu-preservation-order",
  "coe-subscriber-disclosure",
  "coe-domain-registration",
  "emergency-disclosure",
  "domestic-warrant",
] as const;

export type Instrument = (typeof INSTRUMENTS)[number];

export const isInstrument = isOneOf(INSTRUMENTS);
