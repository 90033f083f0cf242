// The reviewer's workspace for one request revision: the clocks always in view, the independence
// declaration before the first answer, the stepper through the checklists, scope and completeness
// check, and the request beside it. Keys (outside text fields): 1–4 answer the current item, n
// goes to its note, j/k move between items; Escape or Alt+Left goes back to the request.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ReviewRef } from "../../../../shared/api/review.js";
import { isTextField } from "../../app/shortcuts.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { announce } from "../../store/announcer.js";
import { useNavigation } from "../../store/navigation.js";
import { useRequest } from "../../store/request.js";
import { useReview } from "../../store/review.js";
import { CarriedOverPanel } from "./CarriedOverPanel.js";
import { ClocksBar } from "./ClocksBar.js";
import { IndependencePanel, IndependenceSummary } from "./IndependencePanel.js";
import { RequestPane } from "./RequestPane.js";
import { ReviewSteps } from "./ReviewSteps.js";
import { questions, isAnswered, workspaceKeyAction } from "./review-model.js";

const CLOSED_STATES = new Set(["decided", "superseded"]);
const CLOCK_REFRESH_MS = 60_000;

export function ReviewScreen({ reference }: { reference: ReviewRef }) {
  const { t } = useTranslation();
  const { authority, id, revision } = reference;
  const load = useReview((state) => state.load);
  const view = useReview((state) => state.view);
  const error = useReview((state) => state.error);
  const step = useReview((state) => state.step);
  const currentItem = useReview((state) => state.currentItem);
  const loadRequest = useRequest((state) => state.load);
  const detail = useRequest((state) => state.detail);
  const requestError = useRequest((state) => state.error);
  const navigate = useNavigation((state) => state.navigate);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterMove = useRef(false);

  useEffect(() => {
    void load({ authority, id, revision });
    void loadRequest({ authority, id, revision });
  }, [authority, id, revision, load, loadRequest]);

  // The clocks' states are the core's at the moment it answered: read the review again each minute.
  useEffect(() => {
    const timer = window.setInterval(() => void useReview.getState().refresh(), CLOCK_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    headingRef.current?.focus();
  }, [currentItem, step]);

  const backToRequest = () => navigate({ screen: "request", authority, id, revision });
  const closed = view ? CLOSED_STATES.has(view.state) : true;
  const readOnly = !view || closed || view.independence === null;
  const onChecklist = step === "legality" || step === "necessity" || step === "minimization";

  // The workspace's keys work wherever focus is on the page (also after a panel it sat in has
  // gone), and are taken in the capture phase, before a list box's type-ahead or a radio sees them.
  const keyState = useRef({ view, readOnly, onChecklist, currentItem, backToRequest });
  keyState.current = { view, readOnly, onChecklist, currentItem, backToRequest };
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest("[role=dialog], [role=alertdialog]")) return;
      const state = keyState.current;
      const inTextField = isTextField(target);
      // Escape inside the attachment viewer or an open disclosure is theirs (as in the request view).
      const escapeIsTheirs = Boolean(target?.closest("details, .viewer"));
      if ((event.key === "Escape" && !inTextField && !escapeIsTheirs) || (event.altKey && event.key === "ArrowLeft")) {
        event.preventDefault();
        state.backToRequest();
        return;
      }
      const action = workspaceKeyAction({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, inTextField });
      if (!action || !state.view || !state.onChecklist || event.repeat) return;
      event.preventDefault();
      event.stopPropagation();
      const review = useReview.getState();
      if (action.kind === "move") {
        focusAfterMove.current = true;
        review.move(action.delta);
        // Already there (either end): focus the item so the reviewer hears where they are.
        if (review.currentItem === state.currentItem) headingRef.current?.focus();
      } else if (action.kind === "note") {
        review.focusNote();
      } else if (!state.readOnly && state.currentItem) {
        // Focus stays where it was, so say what was stored once the core has it.
        const item = state.currentItem;
        void review.answer(item, action.answer).then((stored) => {
          if (stored) announce(t("review.answered", { id: item, answer: t(`answer.${action.answer}`) }));
        });
      }
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, []);

  // Once the declaration is stored its panel goes: focus moves on to the item to answer.
  const declared = view?.independence !== null && view?.independence !== undefined;
  const wasDeclared = useRef(declared);
  useEffect(() => {
    if (declared && !wasDeclared.current) headingRef.current?.focus();
    wasDeclared.current = declared;
  }, [declared]);

  const back = (
    <button type="button" className="button button-quiet back-button" onClick={backToRequest}>
      <Icon name="back" />
      {t("review.back")}
    </button>
  );

  if (!view) {
    return (
      <div className="screen">
        {back}
        <h1 tabIndex={-1}>{t("review.title", { id, revision })}</h1>
        {error ? <ErrorNote message={t("review.loadFailed", { message: error.message })} code={error.code} /> : <p role="status">{t("review.loading")}</p>}
      </div>
    );
  }

  const all = questions(view.items);
  const answered = all.filter(isAnswered).length;

  return (
    <div className="screen screen-review">
      <div className="review-top">
        <div className="review-title-row">
          {back}
          <h1 tabIndex={-1}>{t("review.title", { id, revision })}</h1>
          <span className={`tag case-state case-${view.state}`}>{t(`caseState.${view.state}`)}</span>
          <span className="muted review-meta">
            {t("review.meta", { template: view.template.id, answered, total: all.length })}
          </span>
        </div>
        <ClocksBar clocks={view.clocks} />
      </div>
      {error ? <ErrorNote message={t("review.refreshFailed", { message: error.message })} code={error.code} /> : null}
      {closed ? <p className="note">{t("review.closed", { state: t(`caseState.${view.state}`) })}</p> : null}
      {view.independence === null ? <IndependencePanel disabled={closed} /> : <IndependenceSummary view={view} />}
      <div className="review-layout">
        <div className="review-main">
          <CarriedOverPanel view={view} readOnly={readOnly} />
          <ReviewSteps view={view} detail={detail} readOnly={readOnly} headingRef={headingRef} onLeaveNote={() => headingRef.current?.focus()} />
        </div>
        <aside className="review-side" aria-label={t("review.pane.aside")}>
          <RequestPane view={view} detail={detail} error={requestError} />
        </aside>
      </div>
    </div>
  );
}
