// The passphrase strength hint: a word (Weak / Fair / Strong), a three-step bar that also differs
// in length and pattern (not colour alone), and the first tips that would help. The rule is the
// one core enforces (shared/passphrase/passphrase-rule.ts); its dictionaries are loaded only when
// a strength meter is first shown, so the rest of the app does not carry them.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { assessPassphrase as AssessPassphrase } from "../../../shared/passphrase/passphrase-rule.js";

type Assess = typeof AssessPassphrase;
let loading: Promise<Assess> | undefined;
const loadRule = (): Promise<Assess> =>
  (loading ??= import("../../../shared/passphrase/passphrase-rule.js").then((rule) => rule.assessPassphrase));

function useAssess(): Assess | null {
  const [assess, setAssess] = useState<Assess | null>(null);
  useEffect(() => {
    let live = true;
    void loadRule().then((loaded) => {
      if (live) setAssess(() => loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return assess;
}

export function StrengthMeter({ passphrase, id, personalWords = [] }: { passphrase: string; id: string; personalWords?: readonly string[] }) {
  const { t } = useTranslation();
  const assess = useAssess();
  if (passphrase === "" || assess === null) return <div id={id} className="strength strength-empty" />;
  const estimate = assess(passphrase, personalWords);
  const level = t(`strength.${estimate.level}`);
  const steps = estimate.level === "strong" ? 3 : estimate.level === "fair" ? 2 : 1;
  return (
    <div id={id} className={`strength strength-${estimate.level}`}>
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3].map((step) => (
          <span key={step} className={step <= steps ? "strength-step strength-step-on" : "strength-step"} />
        ))}
      </div>
      <p className="strength-label">{t("strength.label", { level })}</p>
      {estimate.hints.length > 0 ? (
        <ul className="strength-hints">
          {estimate.hints.slice(0, 2).map((hint) => (
            <li key={hint}>{t(`strength.hint.${hint}`)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
