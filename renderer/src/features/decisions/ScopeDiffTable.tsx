// Requested against granted scope, side by side, and the grant's changes in plain words
// (shared/review/scope-diff.ts): on the decision screen before signing, and on the decision's page.
import { useTranslation } from "react-i18next";
import type { GrantedScope } from "../../../../shared/review/scope-schema.js";
import { asWritten, scopeChanges } from "../review/scope-model.js";

export function ScopeDiffTable({ requested, granted, headingId }: { requested: GrantedScope; granted: GrantedScope | null; headingId: string }) {
  const { t } = useTranslation();
  const categories = (scope: GrantedScope) => scope.categories.map((category) => t(`category.${category}`)).join(", ");
  const targets = (scope: GrantedScope) =>
    scope.targets.map((target) => `${t(`targetKind.${target.kind}`)} ${target.value}${target.restriction ? ` (${t("decide.scope.only", { restriction: target.restriction })})` : ""}`).join("; ");
  const period = (scope: GrantedScope) => (scope.period ? `${asWritten(scope.period.from)} – ${asWritten(scope.period.to)}` : t("decide.scope.none"));
  const retention = (scope: GrantedScope) => (scope.retentionDays === undefined ? t("decide.scope.none") : t("decide.scope.days", { count: scope.retentionDays }));
  const conditions = (scope: GrantedScope) =>
    scope.conditions.length === 0 ? t("decide.scope.none") : scope.conditions.map((condition) => `${t(`conditionKind.${condition.kind}`)}${"date" in condition ? ` ${condition.date}` : ""}: ${condition.text}`).join("; ");
  const rows: [string, (scope: GrantedScope) => string][] = [
    [t("decide.scope.categories"), categories],
    [t("decide.scope.targets"), targets],
    [t("decide.scope.period"), period],
    [t("decide.scope.retention"), retention],
    [t("decide.scope.conditions"), conditions],
  ];
  const changes = granted === null ? null : scopeChanges(requested, granted);

  return (
    <>
      <div className="table-wrap">
        <table className="table scope-diff-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t("decide.scope.part")}</th>
              <th scope="col">{t("decide.scope.requested")}</th>
              <th scope="col">{t("decide.scope.granted")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, show]) => {
              const asked = show(requested);
              const given = granted === null ? t("decide.scope.nothingGranted") : show(granted);
              return (
                <tr key={label} className={asked !== given ? "scope-changed" : undefined}>
                  <th scope="row">{label}</th>
                  <td>{asked}</td>
                  <td>{given}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {changes === null ? null : !changes.ok ? (
        <p className="field-error">{changes.error}</p>
      ) : changes.changes.length === 0 ? (
        <p>{t("decide.scope.unchanged")}</p>
      ) : (
        <ul className="change-list" aria-label={t("decide.scope.changes")}>
          {changes.changes.map((change, index) => (
            <li key={index} className={`change change-${change.field}`}>
              <span className="tag">{t(`review.scope.field.${change.field}`)}</span> {change.summary}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
