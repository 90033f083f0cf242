// A screen that takes files dropped anywhere on it (the import screen, the auditor's packs): it
// marks itself while files are dragged over, refuses the drop while `busy`, and hands the dropped
// files on. The files become one-shot tokens in the bridge (docs/architecture.md, "Files").
import { useState, type ReactNode } from "react";

interface FileDropScreenProps {
  busy: boolean;
  onFiles: (files: File[]) => void;
  /** Given whether files are being dragged over, for a drop zone that shows only then. */
  children: (dragging: boolean) => ReactNode;
}

export function FileDropScreen({ busy, onFiles, children }: FileDropScreenProps) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={dragging ? "screen screen-import dragging" : "screen screen-import"}
      onDragEnter={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = busy ? "none" : "copy";
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const files = [...event.dataTransfer.files];
        if (files.length > 0) onFiles(files);
      }}
    >
      {children(dragging)}
    </div>
  );
}
