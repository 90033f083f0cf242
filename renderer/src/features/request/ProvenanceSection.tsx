// Where the bundle came from and how it was verified at import.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { Icon } from "../../components/Icon.js";
import { formatDate, formatDateTime, groupHex } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";

export function ProvenanceSection({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = detail.provenance;
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
