// Four eyes on a decision's page: whether a second reviewer's countersignature is needed and
// where it stands, and each countersignature that came back (who, when, signed or declined, with
// reasons, and the SHA-256 of its own signed bytes).
import { useTranslation } from "react-i18next";
import type { DecisionView } from "../../../../shared/api/decisions.js";
import { formatDateTime, groupHex } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";

export function CountersignaturesSection({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const received = view.countersignatures;
  return (
    <section className="panel" aria-labelledby="decision-countersign">
      <h2 id="decision-countersign">{t("decision.countersignatures")}</h2>
      <p>{view.countersignaturesRequired ? t(`decision.fourEyes.${view.status}`) : t("decision.fourEyes.notRequired")}</p>
      {received.length > 0 ? (
        <ul className="plain-list countersignature-list">
          {received.map((line) => (
            <li key={line.id}>
              <p>
                <strong>{t(`decision.verdict.${line.verdict}`)}</strong>{" "}
                {t("decision.countersignedBy", { name: line.reviewer.name, office: line.reviewer.office, keyId: line.reviewer.keyId, at: formatDateTime(line.at, locale) })}
              </p>
              {line.reasons ? <p className="pre-wrap">{line.reasons}</p> : null}
              <p className="muted">
                {t("decision.sha256")}: <code>{groupHex(line.sha256, 16)}</code>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
