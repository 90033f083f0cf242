// The passphrase strength hint: a word (Weak / Fair / Strong), a three-step bar that also differs
// in length and pattern (not colour alone), and the first tips that would help.
import { useTranslation } from "react-i18next";
import { estimateStrength } from "../features/setup-unlock/passphrase-strength.js";

export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const { t } = useTranslation();
  if (passphrase === "") return <div id={id} className="strength strength-empty" />;
  const estimate = estimateStrength(passphrase);
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
