// The files the page may import, by one-shot token. Main (its open dialog, a drop resolved by the
// preload) and the test host (an upload's copy) register a path and hand the page a token; the
// page passes tokens back to importBundles, which trades each for its path once. A token is 32
// random bytes, good for one import by the session it was issued in: a forged, reused or
// pre-lock token names no file.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { PickedImportFile } from "../../shared/api/requests.js";
import { CoreError } from "../core/errors.js";
import type { RandomSource } from "../core/crypto/random.js";
import { randomExactly } from "../core/crypto/random.js";

const TOKEN_BYTES = 32;

export class ImportTokenError extends CoreError {
  override readonly name = "ImportTokenError";
  override readonly code = "import-token-unknown";
}

/** What a token stands for, on the trusted side only. */
export interface RegisteredFile {
  path: string;
  /** The name the reviewer knows it by (the picked file's own name). */
  name: string;
}

export interface ImportTokens {
  /** Registers `file` for `owner` (the session it may be imported into) and answers its token. */
  issue(file: RegisteredFile, size: number, owner: object): PickedImportFile;
  /**
   * Trades tokens for their files, each once, in order. All or none: if any token is unknown,
   * used, repeated or another owner's, nothing is spent and the whole call is refused.
   */
  take(tokens: readonly string[], owner: object): RegisteredFile[];
  /** Forgets every token (the store was locked). */
  clear(): void;
}

export function createImportTokens(random: RandomSource): ImportTokens {
  const issued = new Map<string, RegisteredFile & { owner: object }>();
  return {
    issue(file, size, owner) {
      const token = Buffer.from(randomExactly(random, TOKEN_BYTES)).toString("base64url");
      if (issued.has(token)) throw new Error("the random source repeated an import token");
      issued.set(token, { ...file, owner });
      return { token, name: file.name, size };
    },
    take(tokens, owner) {
      const seen = new Set<string>();
      for (const [index, token] of tokens.entries()) {
        const entry = issued.get(token);
        if (entry === undefined || entry.owner !== owner || seen.has(token)) {
          throw new ImportTokenError(
            `File ${index + 1} of ${tokens.length} is not one Counterseal gave this window, or it was already imported or the store was locked since: choose the file again.`,
          );
        }
        seen.add(token);
      }
      return tokens.map((token) => {
        const entry = issued.get(token);
        issued.delete(token);
        if (entry === undefined) throw new Error("an import token vanished while it was taken");
        return { path: entry.path, name: entry.name };
      });
    },
    clear: () => issued.clear(),
  };
}

/**
 * The trusted doors' way in: registers a path main itself obtained (never one the page sent) for
 * the current session. Only the size is measured here; what the file is gets checked when the
 * import opens it (electron/core/bundles/bundle-file.ts), as a name can change meaning meanwhile.
 */
export interface ImportFileRegistry {
  register(file: string, name?: string): Promise<PickedImportFile>;
}

export function createImportFileRegistry(tokens: ImportTokens, currentOwner: () => object): ImportFileRegistry {
  return {
    async register(file, name) {
      if (!path.isAbsolute(file)) throw new Error(`an import file must be registered by its absolute path, not ${JSON.stringify(file)}`);
      const owner = currentOwner();
      const { size } = await stat(file);
      return tokens.issue({ path: file, name: name ?? path.basename(file) }, size, owner);
    },
  };
}
