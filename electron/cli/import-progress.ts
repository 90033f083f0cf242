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
  const payload = (read: number) => ({ files: `${done}/${sizes.length} files`, mb: (read / 1e6).toFixed(1) });
  bar.start(Math.max(total, 1), 0, payload(0));
  return {
    update: (index, read) => {
      const value = (before[index] ?? 0) + read;
      bar.update(value, payload(value));
    },
    fileDone: (index) => {
      done += 1;
      const value = (before[index] ?? 0) + (sizes[index] ?? 0);
      bar.update(value, payload(value));
    },
    interrupt: (print) => {
      // Results go to stdout; when it shares the terminal, clear the bar's line first.
      if (process.stdout.isTTY) process.stderr.write("\r\x1b[2K");
      print();
    },
    stop: () => bar.stop(),
  };
}
