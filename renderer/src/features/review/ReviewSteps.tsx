// The stepper: the three checklists with their progress, then the scope and the completeness
// check, as react-aria Tabs (arrow keys between steps, one tab stop, panels labelled by their tab).
import type { RefObject } from "react";
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewView } from "../../../../shared/api/review.js";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { CHECKLIST_AREAS } from "../../../../shared/vocabulary/checklist-areas.js";
import { useReview, type ReviewStep } from "../../store/review.js";
import { ChecklistPanel } from "./ChecklistPanel.js";
import { CompletenessPanel } from "./CompletenessPanel.js";
import { areaProgress, completeness } from "./review-model.js";
import { ScopePanel } from "./ScopePanel.js";

interface Props {
  view: ReviewView;
  detail: RequestDetail | null;
  readOnly: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onLeaveNote: () => void;
}

const STEPS: readonly ReviewStep[] = [...CHECKLIST_AREAS, "scope", "check"];
const isStep = (key: unknown): key is ReviewStep => typeof key === "string" && (STEPS as readonly string[]).includes(key);

export function ReviewSteps({ view, detail, readOnly, headingRef, onLeaveNote }: Props) {
  const { t } = useTranslation();
  const step = useReview((state) => state.step);
  const setStep = useReview((state) => state.setStep);
  const missing = completeness(view);
  const outstanding = missing.unanswered.length + missing.unconfirmed.length + missing.openFindings.length + (missing.independenceDeclared ? 0 : 1);

  return (
    <Tabs className="review-steps" selectedKey={step} onSelectionChange={(key) => isStep(key) && setStep(key)}>
      <TabList className="step-list" aria-label={t("review.steps.label")}>
        {CHECKLIST_AREAS.map((area, index) => {
          const progress = areaProgress(view.items, area);
          const done = progress.total > 0 && progress.answered === progress.total;
          return (
            <Tab key={area} id={area} className={done ? "step step-done" : "step"}>
              <span className="step-number">{index + 1}</span>
              <span className="step-text">
                <span className="step-title">{t(`area.${area}`)}</span>
                <span className="step-progress">{t("review.steps.progress", { answered: progress.answered, total: progress.total })}</span>
                <progress className="step-bar" max={Math.max(1, progress.total)} value={progress.answered} aria-hidden="true" />
              </span>
            </Tab>
          );
        })}
        <Tab id="scope" className="step">
          <span className="step-number">4</span>
          <span className="step-text">
            <span className="step-title">{t("review.steps.scope")}</span>
          </span>
        </Tab>
        <Tab id="check" className={missing.ready ? "step step-done" : "step"}>
          <span className="step-number">5</span>
          <span className="step-text">
            <span className="step-title">{t("review.steps.check")}</span>
            <span className="step-progress">{missing.ready ? t("review.steps.ready") : t("review.steps.outstanding", { count: outstanding })}</span>
          </span>
        </Tab>
      </TabList>
      {CHECKLIST_AREAS.map((area) => (
        <TabPanel key={area} id={area} className="step-panel">
          <ChecklistPanel area={area} items={view.items} detail={detail} readOnly={readOnly} headingRef={headingRef} onLeaveNote={onLeaveNote} />
        </TabPanel>
      ))}
      <TabPanel id="scope" className="step-panel">
        <ScopePanel view={view} readOnly={readOnly} />
      </TabPanel>
      <TabPanel id="check" className="step-panel">
        <CompletenessPanel view={view} />
      </TabPanel>
    </Tabs>
  );
}
