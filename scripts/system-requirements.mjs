// The Debian packages the tests run for real (age, minisign, tar, coreutils, Chromium, poppler),
// named once for `npm test` (which stops early, naming the exact apt-get line, when one is
// missing) and for .ci/run (which installs them on a fresh machine).
//
//   node scripts/system-requirements.mjs              checks; exits 1 naming what is missing
//   node scripts/system-requirements.mjs --packages   prints the missing packages' names, one per line
import { accessSync, constants } from "node:fs";
import path from "node:path";

const onPath = (command) =>
  (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
const fileExists = (file) => {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};

// What each package gives the tests, and how to tell it is there.
export const REQUIREMENTS = [
  { pkg: "age", why: "interop tests seal and open bundles with the real age", present: () => onPath("age") && onPath("age-keygen") },
  { pkg: "minisign", why: "signatures are checked against the real minisign", present: () => onPath("minisign") },
  { pkg: "tar", why: "bundles are packed with the real tar", present: () => onPath("tar") },
  { pkg: "coreutils", why: "manifests are checked with sha256sum -c", present: () => onPath("sha256sum") },
  { pkg: "poppler-utils", why: "PDFs are read back with pdftotext and pdftoppm", present: () => onPath("pdftotext") && onPath("pdftoppm") },
  { pkg: "chromium", why: "the UI is tested in Debian's Chromium", present: () => fileExists("/usr/bin/chromium") },
  { pkg: "fonts-dejavu-core", why: "PDFs embed DejaVu Sans", present: () => fileExists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") },
];

const missing = REQUIREMENTS.filter((requirement) => !requirement.present());

if (process.argv.includes("--packages")) {
  for (const { pkg } of missing) console.log(pkg);
} else if (missing.length > 0) {
  console.error("The tests use these programs for real, and this machine lacks them:");
  for (const { pkg, why } of missing) console.error(`  ${pkg}: ${why}`);
  console.error(`Install them, then run npm test again:\n  sudo apt-get install -y ${missing.map(({ pkg }) => pkg).join(" ")}`);
  process.exit(1);
}
