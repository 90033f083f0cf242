// Scope narrowing: what the request asks for beside what the reviewer grants, with a button for
// each narrowing, and the changes in plain words. Every change is saved at once through the core,
// which refuses one that would widen the request; the grant shown is always the stored one.
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewView } from "../../../../shared/api/review.js";
import type { GrantedTarget } from "../../../../shared/review/scope-schema.js";
import { TextField } from "../../components/Field.js";
import { useReview } from "../../store/review.js";
import { VisibleIdentifier } from "../request/VisibleText.js";
import { saveKey } from "./review-model.js";
import { SaveStatus } from "./SaveStatus.js";
import { ConditionsForm, PeriodForm, RetentionForm } from "./ScopeForms.js";
import { scopeChanges, targetGrant } from "./scope-model.js";

function TargetRow({ target, view, readOnly }: { target: GrantedTarget; view: ReviewView; readOnly: boolean }) {
  const { t } = useTranslation();
  const changeScope = useReview((state) => state.changeScope);
  const [narrowing, setNarrowing] = useState(false);
  const [restriction, setRestriction] = useState("");
  const grant = targetGrant(target, view.grantedScope);
  const last = view.grantedScope.targets.length <= 1;
  const narrow = async () => {
    if (restriction.trim() === "") return;
    if (await changeScope({ op: "narrow-target", kind: target.kind, value: target.value, restriction: restriction.trim() })) setNarrowing(false);
  };
  return (
    <tr className={grant.kind === "struck" ? "scope-struck" : undefined}>
      <th scope="row">
        <span className="cell-title">
          <VisibleIdentifier value={target.value} />
        </span>
        <span className="cell-sub">
          {t(`targetKind.${target.kind}`)}
          {target.role ? ` · ${t(`targetRole.${target.role}`)}` : ""}
        </span>
      </th>
      <td>{grant.kind === "struck" ? <del>{t("review.scope.struck")}</del> : grant.kind === "narrowed" ? t("review.scope.narrowedTo", { restriction: grant.restriction }) : t("review.scope.granted")}</td>
      <td className="actions">
        {grant.kind !== "struck" ? (
          <>
            <Button className="button button-small" isDisabled={readOnly || last} onPress={() => void changeScope({ op: "strike-target", kind: target.kind, value: target.value })}>
              {t("review.scope.strikeTarget", { value: target.value })}
            </Button>
            <Button className="button button-small button-quiet" isDisabled={readOnly} onPress={() => setNarrowing((open) => !open)} aria-expanded={narrowing}>
              {t("review.scope.narrow")}
            </Button>
          </>
        ) : null}
        {narrowing ? (
          <div className="inline-form">
            <TextField label={t("review.scope.restriction", { value: target.value })} value={restriction} onChange={setRestriction} hint={t("review.scope.restrictionHint")} />
            <Button className="button button-small" isDisabled={readOnly || restriction.trim() === ""} onPress={() => void narrow()}>
              {t("review.scope.saveRestriction")}
            </Button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}

export function ScopePanel({ view, readOnly }: { view: ReviewView; readOnly: boolean }) {
  const { t } = useTranslation();
  const changeScope = useReview((state) => state.changeScope);
  const { requestedScope: requested, grantedScope: granted } = view;
  const changes = scopeChanges(requested, granted);
  const lastCategory = granted.categories.length <= 1;

  return (
    <div className="scope">
      <h2>{t("review.scope.title")}</h2>
      <p className="muted">{t("review.scope.intro")}</p>
      <section className="scope-diff" aria-labelledby="scope-changes">
        <h3 id="scope-changes">{t("review.scope.changes")}</h3>
        {!changes.ok ? (
          <p className="field-error">{changes.error}</p>
        ) : changes.changes.length === 0 ? (
          <p>{t("review.scope.unchanged")}</p>
        ) : (
          <ul className="change-list">
            {changes.changes.map((change, index) => (
              <li key={index} className={`change change-${change.field}`}>
                <span className="tag">{t(`review.scope.field.${change.field}`)}</span> {change.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="scope-categories">
        <h3 id="scope-categories">{t("review.scope.categories")}</h3>
        <table className="table scope-table">
          <ScopeTableHead />
          <tbody>
            {requested.categories.map((category) => {
              const kept = granted.categories.includes(category);
              return (
                <tr key={category} className={kept ? undefined : "scope-struck"}>
                  <th scope="row">{t(`category.${category}`)}</th>
                  <td>{kept ? t("review.scope.granted") : <del>{t("review.scope.struck")}</del>}</td>
                  <td className="actions">
                    {kept ? (
                      <Button className="button button-small" isDisabled={readOnly || lastCategory} onPress={() => void changeScope({ op: "strike-category", category })}>
                        {t("review.scope.strikeCategory", { category: t(`category.${category}`) })}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {lastCategory ? <p className="field-hint">{t("review.scope.lastCategory")}</p> : null}
        <SaveStatus saveKey={saveKey.scope("categories")} what={t("review.scope.what")} />
      </section>
      <section aria-labelledby="scope-targets">
        <h3 id="scope-targets">{t("review.scope.targets")}</h3>
        <table className="table scope-table">
          <ScopeTableHead />
          <tbody>
            {requested.targets.map((target) => (
              <TargetRow key={`${target.kind}:${target.value}`} target={target} view={view} readOnly={readOnly} />
            ))}
          </tbody>
        </table>
        <SaveStatus saveKey={saveKey.scope("targets")} what={t("review.scope.what")} />
      </section>
      <PeriodForm requested={requested} granted={granted} readOnly={readOnly} />
      <RetentionForm requested={requested} granted={granted} readOnly={readOnly} />
      <ConditionsForm granted={granted} readOnly={readOnly} />
    </div>
  );
}

/** The head both of the scope's tables share: what was requested, what is granted, what to do. */
function ScopeTableHead() {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t("review.scope.requested")}</th>
        <th scope="col">{t("review.scope.grant")}</th>
        <th scope="col">{t("review.scope.actions")}</th>
      </tr>
    </thead>
  );
}
