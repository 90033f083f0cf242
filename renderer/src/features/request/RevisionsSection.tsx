// Every revision of the case, the one shown marked, each with its changes against the one before.
import { useTranslation } from "react-i18next";
import type { RequestDetail, RevisionChange } from "../../../../shared/api/requests.js";
import { formatDateTime, groupHex } from "../../i18n/format.js";
import { useNavigation } from "../../store/navigation.js";
import { useLocale } from "../../store/settings.js";
import { describeChangeValue } from "./request-model.js";

export function RevisionsSection({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigation((state) => state.navigate);
  const revisions = [...detail.revisions].sort((a, b) => b.revision - a.revision);
  return (
    <>
      <p className="muted">{t("request.revisions.intro")}</p>
      <ol className="revisions">
        {revisions.map((revision) => {
          const shown = revision.revision === detail.revision;
          return (
            <li key={revision.revision} className={shown ? "revision revision-shown" : "revision"} aria-current={shown ? "true" : undefined}>
              <div className="revision-head">
                <h3>
                  {t("request.revisions.revision", { revision: revision.revision })}
                  {shown ? <span className="tag">{t("request.revisions.current")}</span> : null}
                </h3>
                <span className="muted">{t("request.revisions.received", { date: formatDateTime(revision.receivedAt, locale) })}</span>
                <code className="digest cell-sub">{groupHex(revision.bundleDigest)}</code>
                {!shown ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => navigate({ screen: "request", authority: detail.authority, id: detail.id, revision: revision.revision })}
                  >
                    {t("request.revisions.show", { revision: revision.revision })}
                  </button>
                ) : null}
              </div>
              {revision.revision === 1 && revision.changes.length === 0 ? (
                <p className="muted">{t("request.revisions.first")}</p>
              ) : revision.changes.length === 0 ? (
                <p className="muted">{t("request.revisions.noChanges")}</p>
              ) : (
                <ChangesTable revision={revision.revision} changes={revision.changes} />
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function ChangeValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const described = describeChangeValue(value);
  if (described.kind === "absent") return <span className="muted">{t("request.revisions.absent")}</span>;
  if (described.kind === "text") return <span className="pre-wrap">{described.text}</span>;
  return <code className="pre-wrap">{described.text}</code>;
}

function ChangesTable({ revision, changes }: { revision: number; changes: readonly RevisionChange[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table-changes">
        <caption className="visually-hidden">{t("request.revisions.changesCaption", { revision })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("request.revisions.field")}</th>
            <th scope="col">{t("request.revisions.before")}</th>
            <th scope="col">{t("request.revisions.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path}>
              <th scope="row">
                <code>{change.path}</code>
              </th>
              <td className="change-before">
                <ChangeValue value={change.before} />
              </td>
              <td className="change-after">
                <ChangeValue value={change.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
