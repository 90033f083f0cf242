// Where one change stands on its way to the core: nothing (stored), "Saving…", or the failure
// with Retry and Dismiss. The failure is the one from failureFrom, shown with ErrorNote.
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { useReview } from "../../store/review.js";

export function SaveStatus({ saveKey, what }: { saveKey: string; what: string }) {
  const { t } = useTranslation();
  const save = useReview((state) => state.saves[saveKey]);
  const retry = useReview((state) => state.retry);
  const dismiss = useReview((state) => state.dismissFailure);
  if (!save) return null;
  if (save.status === "saving")
    return (
      <p className="save-status save-saving" role="status">
        {t("review.saving", { what })}
      </p>
    );
  return (
    <ErrorNote message={t("review.saveFailed", { what, message: save.error.message })} code={save.error.code}>
      <div className="inline-actions">
        <Button className="button button-small" onPress={() => void retry(saveKey)}>
          {t("review.retry")}
        </Button>
        <Button className="button button-small button-quiet" onPress={() => dismiss(saveKey)}>
          {t("common.dismiss")}
        </Button>
      </div>
    </ErrorNote>
  );
}
