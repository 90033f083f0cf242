// The external corpora live beside the project (../shared/corpora), read in place, never copied.
import { fileURLToPath } from "node:url";

export const CORPORA = fileURLToPath(new URL("../../../../shared/corpora/", import.meta.url));
