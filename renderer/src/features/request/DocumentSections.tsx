// The request document laid out for reading, in the order a review follows.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RequestDocument } from "../../../../shared/formats/request.js";
import { countryName, formatDateTime, formatNumber, splitPenalty } from "../../i18n/format.js";
import { UI_LANGUAGE } from "../../i18n/index.js";
import { useLocale } from "../../store/settings.js";
import { FieldRow } from "./ProvenanceSection.js";
import { VisibleIdentifier, VisibleText } from "./VisibleText.js";

export type SectionKey =
  | "authorities"
  | "legalBasis"
  | "offences"
  | "targets"
  | "data"
  | "facts"
  | "necessity"
  | "proportionality"
  | "lessIntrusive"
  | "minimisation"
  | "retention"
  | "nonDisclosure"
  | "related";

export const DOCUMENT_SECTIONS: readonly SectionKey[] = [
  "authorities",
  "legalBasis",
  "offences",
  "targets",
  "data",
  "facts",
  "necessity",
  "proportionality",
  "lessIntrusive",
  "minimisation",
  "retention",
  "nonDisclosure",
  "related",
];

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="doc-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Prose({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  if (!text?.trim()) return <p className="muted">{t("request.notGiven")}</p>;
  return (
    <div className="prose">
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>
          <VisibleText text={paragraph} />
        </p>
      ))}
    </div>
  );
}

export function usePenaltyText(): (months: number | undefined) => string | null {
  const { t } = useTranslation();
  const locale = useLocale();
  return (months) => {
    if (months === undefined) return null;
    if (months === 0) return t("request.penalty.none");
    const split = splitPenalty(months);
    const years = split.years > 0 ? t("request.penalty.years", { count: split.years, formatted: formatNumber(split.years, locale) }) : null;
    const rest = split.months > 0 ? t("request.penalty.months", { count: split.months, formatted: formatNumber(split.months, locale) }) : null;
    return years && rest ? t("request.penalty.both", { years, months: rest }) : (years ?? rest);
  };
}

export function DocumentSections({ doc }: { doc: RequestDocument }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const penalty = usePenaltyText();
  const country = (code: string) => `${countryName(code, UI_LANGUAGE)} (${code})`;
  const notGiven = <span className="muted">{t("request.notGiven")}</span>;

  const sections: Record<SectionKey, ReactNode> = {
    authorities: (
      <div className="columns">
        <div>
          <h3>{t("request.field.issuing")}</h3>
          <dl className="fields">
            <FieldRow label={t("request.field.issuing")}>
              <VisibleText text={doc.issuingAuthority.name} />
            </FieldRow>
            <FieldRow label={t("request.field.authorityId")}>
              <VisibleIdentifier value={doc.issuingAuthority.id} />
            </FieldRow>
            <FieldRow label={t("request.field.kind")}>{t(`authorityKind.${doc.issuingAuthority.kind}`)}</FieldRow>
            <FieldRow label={t("request.field.country")}>{country(doc.issuingAuthority.country)}</FieldRow>
            <FieldRow label={t("request.field.contact")}>{doc.issuingAuthority.contact !== undefined ? <VisibleText text={doc.issuingAuthority.contact} /> : notGiven}</FieldRow>
          </dl>
        </div>
        <div>
          <h3>{t("request.field.validating")}</h3>
          {doc.validatingAuthority ? (
            <dl className="fields">
              <FieldRow label={t("request.field.validating")}>
                <VisibleText text={doc.validatingAuthority.name} />
              </FieldRow>
              <FieldRow label={t("request.field.kind")}>{t(`authorityKind.${doc.validatingAuthority.kind}`)}</FieldRow>
              <FieldRow label={t("request.field.country")}>{country(doc.validatingAuthority.country)}</FieldRow>
              <FieldRow label={t("request.field.validatedAt")}>
                {doc.validatingAuthority.validatedAt ? formatDateTime(doc.validatingAuthority.validatedAt, locale) : notGiven}
              </FieldRow>
            </dl>
          ) : (
            <p className="muted">{t("request.notGiven")}</p>
          )}
        </div>
      </div>
    ),
    legalBasis: (
      <ol className="item-list">
        {doc.legalBasis.map((basis, index) => (
          <li key={index}>
            <p className="item-title">
              <VisibleText text={basis.citation} />
            </p>
            {basis.text ? (
              <p className="pre-wrap">
                <VisibleText text={basis.text} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    ),
    offences: (
      <ol className="item-list">
        {doc.offences.map((offence, index) => (
          <li key={index}>
            <p className="item-title">
              <VisibleText text={offence.description} />
            </p>
            <dl className="fields fields-compact">
              {offence.citation ? <FieldRow label={t("request.field.citation")}>
                  <VisibleText text={offence.citation} />
                </FieldRow> : null}
              <FieldRow label={t("request.field.maxPenalty")}>{penalty(offence.maxPenaltyMonths) ?? notGiven}</FieldRow>
              {offence.category ? <FieldRow label={t("request.field.offenceCategory")}>
                  <VisibleText text={offence.category} />
                </FieldRow> : null}
            </dl>
          </li>
        ))}
      </ol>
    ),
    targets: (
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("request.field.targetValue")}</th>
              <th scope="col">{t("request.field.targetKind")}</th>
              <th scope="col">{t("request.field.targetRole")}</th>
            </tr>
          </thead>
          <tbody>
            {doc.targets.map((target, index) => (
              <tr key={index}>
                <th scope="row">
                  <VisibleIdentifier value={target.value} wrap />
                </th>
                <td>{t(`targetKind.${target.kind}`)}</td>
                <td>{target.role ? t(`targetRole.${target.role}`) : t("request.notGiven")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ),
    data: (
      <dl className="fields">
        <FieldRow label={t("request.field.categories")}>
          <ul className="chips">
            {doc.dataCategories.map((category) => (
              <li key={category} className={`chip chip-${category}`}>
                {t(`category.${category}`)}
              </li>
            ))}
          </ul>
        </FieldRow>
        <FieldRow label={t("request.field.period")}>
          {doc.period ? t("request.field.periodRange", { from: formatDateTime(doc.period.from, locale), to: formatDateTime(doc.period.to, locale) }) : notGiven}
        </FieldRow>
      </dl>
    ),
    facts: <Prose text={doc.facts} />,
    necessity: <Prose text={doc.necessity} />,
    proportionality: <Prose text={doc.proportionality} />,
    lessIntrusive: <Prose text={doc.lessIntrusiveMeans} />,
    minimisation: <Prose text={doc.minimization} />,
    retention:
      doc.retentionDays === undefined ? (
        <p className="muted">{t("request.notGiven")}</p>
      ) : (
        <p>{t("request.field.retentionDays", { count: doc.retentionDays, formatted: formatNumber(doc.retentionDays, locale) })}</p>
      ),
    nonDisclosure: doc.nonDisclosure ? (
      <dl className="fields">
        <FieldRow label={t("request.field.ndRequested")}>{doc.nonDisclosure.requested ? t("request.yes") : t("request.no")}</FieldRow>
        {doc.nonDisclosure.reason ? <FieldRow label={t("request.field.ndReason")}>
            <VisibleText text={doc.nonDisclosure.reason} />
          </FieldRow> : null}
        {doc.nonDisclosure.until ? <FieldRow label={t("request.field.ndUntil")}>{formatDateTime(doc.nonDisclosure.until, locale)}</FieldRow> : null}
      </dl>
    ) : (
      <p className="muted">{t("request.notGiven")}</p>
    ),
    related:
      doc.relatedRequests && doc.relatedRequests.length > 0 ? (
        <ul className="item-list">
          {doc.relatedRequests.map((related) => (
            <li key={related}>
              <VisibleIdentifier value={related} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("request.none")}</p>
      ),
  };

  return (
    <>
      {DOCUMENT_SECTIONS.map((key) => (
        <Section key={key} id={`section-${key}`} title={t(`request.section.${key}`)}>
          {sections[key]}
        </Section>
      ))}
    </>
  );
}
