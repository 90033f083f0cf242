// Offence categories an issuer may put in offences[].category. The listed ones are those for
// which Regulation (EU) 2023/1543 Art 5(4)(b)-(c) allows an order for traffic or content data
// whatever the maximum penalty; any other text is allowed in the request but carries no weight
// in the threshold rule (shared/review/rules, L6). docs/review.md explains them for issuers.
export const THRESHOLD_OFFENCE_CATEGORIES = ["information-system-attack", "child-sexual-abuse", "terrorism", "non-cash-payment-fraud"] as const;
export type ThresholdOffenceCategory = (typeof THRESHOLD_OFFENCE_CATEGORIES)[number];

/** The EU instrument that defines each category (Art 5(4)(b)-(c)). */
export const THRESHOLD_OFFENCE_DEFINITIONS: Readonly<Record<ThresholdOffenceCategory, string>> = {
  "information-system-attack": "Attacks against information systems, Directive 2013/40/EU Arts 3 to 8",
  "child-sexual-abuse": "Sexual abuse and sexual exploitation of children and child sexual abuse material, Directive 2011/93/EU Arts 3 to 7",
  terrorism: "Terrorist offences, Directive (EU) 2017/541 Arts 3 to 12 and 14",
  "non-cash-payment-fraud": "Fraud and counterfeiting of non-cash means of payment, Directive (EU) 2019/713 Arts 3 to 8",
};

export const isThresholdOffenceCategory = (value: string | undefined): value is ThresholdOffenceCategory =>
  (THRESHOLD_OFFENCE_CATEGORIES as readonly string[]).includes(value ?? "");
