// A progress bar on stderr for long imports (many files, or large ones), only on a terminal, so
// scripts reading stdout, or stderr from a pipe, never see it.
import { SingleBar, Presets } from "cli-progress";

export interface ImportProgress {
  update(fileIndex: number, bytesReadOfFile: number): void;
  fileDone(fileIndex: number): void;
  /** Prints a result line without tearing the bar. */
  interrupt(print: () => void): void;
  stop(): void;
}

const LARGE_BYTES = 64 * 1024 * 1024;
const MANY_FILES = 20;

export function createImportProgress(sizes: readonly number[]): ImportProgress {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const worthShowing = process.stderr.isTTY && (sizes.length >= MANY_FILES || total >= LARGE_BYTES);
  if (!worthShowing) return { update: () => {}, fileDone: () => {}, interrupt: (print) => print(), stop: () => {} };

  const before = sizes.map((_, index) => sizes.slice(0, index).reduce((sum, size) => sum + size, 0));
  const bar = new SingleBar(
    { format: "importing [{bar}] {percentage}% | {files} | {mb} MB", stream: process.stderr, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let done = 0;
  // Files are read ahead of their outcomes (which come once a batch commits): the bar follows
  // the bytes read and never moves back when an earlier file's outcome arrives.
  let shown = 0;
  const show = (value: number) => {
    shown = Math.max(shown, value);
    bar.update(shown, { files: `${done}/${sizes.length} files`, mb: (shown / 1e6).toFixed(1) });
  };
  bar.start(Math.max(total, 1), 0, { files: `0/${sizes.length} files`, mb: "0.0" });
  return {
    update: (index, read) => show((before[index] ?? 0) + read),
    fileDone: (index) => {
      done += 1;
      show((before[index] ?? 0) + (sizes[index] ?? 0));
    },
    interrupt: (print) => {
      // Results go to stdout; when it shares the terminal, clear the bar's line first.
      if (process.stdout.isTTY) process.stderr.write("\r\x1b[2K");
      print();
    },
    stop: () => bar.stop(),
  };
}
