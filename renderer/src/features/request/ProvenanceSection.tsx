// Where the bundle came from and how it was verified at import, and the sealed original itself
// (saved through main's dialog, exactly as it arrived).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { Icon } from "../../components/Icon.js";
import { formatBytes, formatDate, formatDateTime, groupHex } from "../../i18n/format.js";
import { announce } from "../../store/announcer.js";
import { failureFrom } from "../../store/failure.js";
import { useLocale } from "../../store/settings.js";

export function ProvenanceSection({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = detail.provenance;
  const saveOriginal = async () => {
    try {
      const result = await api.saveOriginal({ authority: detail.authority, id: detail.id, revision: detail.revision });
      if (result.saved) announce(t("request.provenance.originalSaved", { name: result.name, size: formatBytes(result.bytes, locale) }));
    } catch (error) {
      const failure = failureFrom(error, (message) => t("request.provenance.originalFailed", { message }));
      if (failure) announce(failure.message, "assertive");
    }
  };
  return (
    <>
      <p className="note note-ok">
        <Icon name="check" />
        <span>{t("request.provenance.verified")}</span>
      </p>
      <dl className="fields">
        <FieldRow label={t("request.provenance.signerKeyId")}>
          <code>{p.signerKeyId}</code>
        </FieldRow>
        <FieldRow label={t("request.provenance.trustedComment")}>
          <code className="wrap">{p.trustedComment}</code>
        </FieldRow>
        <FieldRow label={t("request.provenance.sourceOrganization")}>{p.sourceOrganization}</FieldRow>
        <FieldRow label={t("request.provenance.baggingDate")}>{formatDate(p.baggingDate, locale)}</FieldRow>
        <FieldRow label={t("request.provenance.bundleDigest")}>
          <code className="digest">{groupHex(p.bundleDigest)}</code>
        </FieldRow>
        <FieldRow label={t("request.provenance.sealedSha256")}>
          <code className="digest">{groupHex(p.sealedSha256)}</code>
        </FieldRow>
        <FieldRow label={t("request.provenance.receivedAt")}>{formatDateTime(p.receivedAt, locale)}</FieldRow>
      </dl>
      <p>
        <button type="button" className="button button-small" onClick={() => void saveOriginal()}>
          {t("request.provenance.saveOriginal")}
        </button>{" "}
        <span className="muted">{t("request.provenance.original")}</span>
      </p>
    </>
  );
}

export function FieldRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
