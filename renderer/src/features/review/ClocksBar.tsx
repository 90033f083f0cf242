// The request's legal clocks, always in view: kind, due instant, time left or overdue, state,
// and the source the deadline comes from. Overdue and due-soon clocks stand out. The state is the
// core's (its clock and the reviewer's time zone), so the page does no arithmetic of its own on it.
import { useTranslation } from "react-i18next";
import type { ReviewClock } from "../../../../shared/api/review.js";
import { Icon } from "../../components/Icon.js";
import { formatDateTime } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";
import { orderedClocks } from "./review-model.js";

export function ClocksBar({ clocks }: { clocks: readonly ReviewClock[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (clocks.length === 0)
    return (
      <section className="clocks" aria-label={t("review.clocks.label")}>
        <p className="muted">{t("review.clocks.none")}</p>
      </section>
    );
  return (
    <section className="clocks" aria-label={t("review.clocks.label")}>
      <ul className="clock-list">
        {orderedClocks(clocks).map((clock) => {
          return (
            <li key={`${clock.kind}-${clock.due}`} className={`clock clock-${clock.state}`} title={clock.description}>
              <span className="clock-head">
                <strong className="clock-kind">{t(`clockKind.${clock.kind}`)}</strong>
                <span className="clock-state">
                  {clock.state === "overdue" || clock.state === "due-soon" ? <Icon name="alert" /> : clock.state === "met" ? <Icon name="check" /> : null}
                  {t(`clockState.${clock.state}`)}
                </span>
              </span>
              <span className="clock-due">
                {t("review.clocks.due")} <time dateTime={clock.due}>{formatDateTime(clock.due, locale)}</time>
              </span>
              <span className="clock-source">{clock.source}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
