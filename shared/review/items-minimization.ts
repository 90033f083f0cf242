// Minimisation and safeguards: M1–M14 (review-checklists.md). Citations as the notes give them.
// The safeguards a reviewer can secure by a condition on the grant, or that bind the office
// afterwards (M7, M10, M12–M14), do not block a favourable decision on their own.
import { ALWAYS } from "./item-conditions.js";
import { CLOUD_ACT, IPA_2016, REG_2023_1543, type ChecklistItem } from "./item-types.js";

const BBW = "Big Brother Watch v UK (GC 2021)";
const ZAKHAROV = "Roman Zakharov v Russia (ECtHR GC 2015)";
const reg = (citation: string) => ({ citation, note: REG_2023_1543 });
const cloud = (citation: string) => ({ citation, note: CLOUD_ACT });

export const MINIMIZATION_ITEMS: readonly ChecklistItem[] = [
  {
    id: "M1",
    area: "minimization",
    question: "Is the narrowest data category used?",
    guidance: "Ask whether subscriber or identification data would answer the question before traffic, location or content.",
    sources: [reg("Art 3(10), 5(3)")],
    blocking: true,
    appliesWhen: ALWAYS,
  },
  {
    id: "M2",
    area: "minimization",
    question: "Is each identifier separately justified?",
    guidance: "The facts should explain why every listed identifier, not only the first, is needed.",
    sources: [{ citation: "BBW §355", note: BBW }],
    blocking: true,
    appliesWhen: ALWAYS,
  },
  {
    id: "M3",
    area: "minimization",
    question: "Is the date range explicit and minimal?",
    guidance: "Traffic, location, content and device logs need a stated period, no longer than the facts support.",
    sources: [reg("Annex I"), { citation: "Prokuratuur", note: "CJEU Prokuratuur C-746/18" }],
    blocking: true,
    appliesWhen: ALWAYS,
  },
  {
    id: "M4",
    area: "minimization",
    question: "Are a retention limit and an erasure rule stated?",
    guidance: "The request should say how long the data will be kept and when and how they will be erased.",
    sources: [{ citation: "Zakharov", note: ZAKHAROV }, { citation: "BBW §356", note: BBW }],
    blocking: true,
    appliesWhen: ALWAYS,
  },
  {
    id: "M5",
    area: "minimization",
    question: "Is use limited to the stated purpose (purpose limitation, speciality)?",
    guidance: "The data should be used only for the proceedings named; a purpose-limitation condition can secure it.",
    sources: [{ citation: "MLA treaties" }, { citation: "Second Protocol Art 14", note: "Second Additional Protocol to the Budapest Convention" }],
    blocking: true,
    appliesWhen: ALWAYS,
  },
  {
    id: "M6",
    area: "minimization",
    question: "Is onward transfer controlled?",
    guidance: "Check whether the data may be passed to other States or bodies and under what conditions; a no-onward-transfer condition can secure it.",
    sources: [cloud("2523(b)(4)(C),(G),(H)"), { citation: "BBW §356", note: BBW }],
    blocking: true,
    appliesWhen: ALWAYS,
  },
  {
    id: "M7",
    area: "minimization",
    question: "Will the data be reviewed promptly, with irrelevant material sealed or deleted?",
    guidance: "Look for a commitment to review what is received and to seal or delete what is not relevant.",
    sources: [cloud("2523(b)(4)(F)–(G)")],
    blocking: false,
    appliesWhen: ALWAYS,
  },
  {
    id: "M8",
    area: "minimization",
    question: "Is there minimisation for the data of persons who are not targets?",
    guidance: "Content and traffic reach the people the target communicates with; the request should say how their data will be limited.",
    sources: [cloud("2523(b)(2)")],
    blocking: true,
    appliesWhen: ALWAYS,
  },
  {
    id: "M9",
    area: "minimization",
    question: "Is the non-disclosure justified, with a bounded duration?",
    guidance: "A request to keep the person uninformed needs a reason tied to the investigation and an end date.",
    sources: [reg("Art 13(2)"), { citation: "Tele2", note: "CJEU Tele2/Watson C-203/15 and C-698/15" }],
    blocking: true,
    appliesWhen: [{ nonDisclosureRequested: true }],
  },
  {
    id: "M10",
    area: "minimization",
    question: "Will the data subject be informed of the measure and of the remedies?",
    guidance: "Check that the person will be told, once that no longer harms the investigation, and how they can challenge the measure.",
    sources: [reg("Art 13, 18"), { citation: "Zakharov §234", note: ZAKHAROV }],
    blocking: false,
    appliesWhen: ALWAYS,
  },
  {
    id: "M11",
    area: "minimization",
    question: "Does the preservation end after 60 days (90 with an extension), with release once it is not needed?",
    guidance: "A preservation order lapses after 60 days unless extended by 30; the data should be released earlier when no production request follows.",
    sources: [reg("Art 11")],
    blocking: true,
    appliesWhen: [{ instruments: ["eu-preservation-order"] }],
  },
  {
    id: "M12",
    area: "minimization",
    question: "Is there periodic reassessment and independent review afterwards?",
    guidance: "A reassess-by condition on the grant sets when the office looks at the measure again.",
    sources: [{ citation: "BBW §§350, 356", note: BBW }, cloud("2523(b)(4)(J)")],
    blocking: false,
    appliesWhen: ALWAYS,
  },
  {
    id: "M13",
    area: "minimization",
    question: "Are the order and the data kept confidential, with integrity protection?",
    guidance: "The order and any data produced should travel and be stored encrypted and signed.",
    sources: [reg("Art 13(4)")],
    blocking: false,
    appliesWhen: ALWAYS,
  },
  {
    id: "M14",
    area: "minimization",
    question: "Are errors logged, and serious errors notified to the affected persons?",
    guidance: "Record any error in the handling of this request; a serious error must be reported so the person can be told.",
    sources: [{ citation: "IPA s.231", note: IPA_2016 }],
    blocking: false,
    appliesWhen: ALWAYS,
  },
];
