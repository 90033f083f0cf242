// An office document shown read-only as it came in the pack: its fields, labelled, nested as the
// document nests them (auditor-model.ts, documentParts). Nothing here can change it.
import type { DocumentPart } from "./auditor-model.js";
import { documentParts } from "./auditor-model.js";

export function DocumentView({ document }: { document: unknown }) {
  return <PartList parts={documentParts(document)} />;
}

function PartList({ parts }: { parts: readonly DocumentPart[] }) {
  return (
    <dl className="document-view">
      {parts.map((part, index) => (
        <div key={`${part.label}-${index}`} className={part.kind === "group" ? "document-group" : "field-row"}>
          <dt>{part.label}</dt>
          <dd>{part.kind === "group" ? <PartList parts={part.parts} /> : <span className="pre-wrap">{part.text}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
