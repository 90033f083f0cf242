// Two lint rules that carry the architecture (configured in eslint.config.js):
//   architecture/import-boundaries: each folder of electron/, renderer/ and shared/ names what it may
//     import (folders, by the path an import resolves to, and packages). A file in a folder the
//     table does not know is an error of its own, so a new folder cannot pass without a decision.
//   architecture/sql-in-store: SQL lives in electron/core/store/ only: importing better-sqlite3* and
//     calling `.prepare(` or `.exec(` anywhere else is an error. Without types a database's exec
//     cannot be told from RegExp#exec, so code outside store/ matches with String#match instead.
import path from "node:path";

/** A glob over repository paths: `**` spans folders, `*` stays within one segment, `{a,b}` is either. */
function globToRegExp(glob) {
  let source = "";
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === "*" && glob[i + 1] === "*") {
      source += ".*";
      i += 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "{") source += "(?:";
    else if (char === "}") source += ")";
    else if (char === "," && source.lastIndexOf("(?:") > source.lastIndexOf(")")) source += "|";
    else source += char.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

const globCache = new Map();
function matches(glob, relPath) {
  if (!globCache.has(glob)) globCache.set(glob, globToRegExp(glob));
  return globCache.get(glob).test(relPath);
}

/** `@scope/name/deep` → `@scope/name`; `name/deep?url` → `name`; builtins keep their `node:` prefix. */
function packageName(specifier) {
  const bare = specifier.split("?")[0];
  const parts = bare.split("/");
  return bare.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const toPosix = (p) => p.split(path.sep).join("/");

/** The string an import, export-from, dynamic import or `import("x").T` type names. */
function sourceOf(node) {
  if (node.type === "TSImportType") {
    const argument = node.argument;
    const literal = argument?.type === "TSLiteralType" ? argument.literal : argument;
    return literal?.type === "Literal" && typeof literal.value === "string" ? literal : undefined;
  }
  const source = node.source;
  return source?.type === "Literal" && typeof source.value === "string" ? source : undefined;
}

const importBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Each folder imports only what its zone allows; unknown folders fail." },
    schema: [
      {
        type: "object",
        properties: {
          root: { type: "string" },
          checked: { type: "array", items: { type: "string" } },
          zones: { type: "array" },
        },
        required: ["root", "checked", "zones"],
        additionalProperties: false,
      },
    ],
    messages: {
      unknownFolder:
        "{{file}} is in a folder the import zones in eslint.config.js do not know: add a zone for it naming what it may import.",
      folder: "{{zone}} may not import {{target}}: {{why}} (allowed: {{allowed}}).",
      package: "{{zone}} may not import the package '{{name}}': {{why}} (allowed packages: {{allowed}}).",
    },
  },
  create(context) {
    const { root, checked, zones } = context.options[0];
    const file = toPosix(path.relative(root, context.filename));
    if (!checked.some((glob) => matches(glob, file))) return {};
    const zone = zones.find((candidate) => matches(candidate.files, file));
    if (zone === undefined) {
      return {
        Program(node) {
          context.report({ node, messageId: "unknownFolder", data: { file } });
        },
      };
    }
    const check = (node) => {
      const literal = sourceOf(node);
      if (literal === undefined) return;
      const specifier = literal.value;
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const target = toPosix(path.relative(root, path.resolve(path.dirname(context.filename), specifier.split("?")[0])));
        if (zone.imports.some((glob) => matches(glob, target))) return;
        const allowed = zone.imports.join(", ") || "nothing outside the file";
        context.report({ node: literal, messageId: "folder", data: { zone: zone.files, target, why: zone.why, allowed } });
        return;
      }
      const name = packageName(specifier);
      if ((zone.packages ?? []).some((glob) => matches(glob, name))) return;
      const allowed = (zone.packages ?? []).join(", ") || "none";
      context.report({ node: literal, messageId: "package", data: { zone: zone.files, name, why: zone.why, allowed } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      TSImportType: check,
    };
  },
};

const SQLITE_PACKAGE = /^better-sqlite3/;

const sqlInStore = {
  meta: {
    type: "problem",
    docs: { description: "SQL (better-sqlite3, .prepare, .exec) appears only in electron/core/store/." },
    schema: [],
    messages: {
      sqliteImport: "Only electron/core/store/ opens SQLite: go through a store repository instead of importing '{{name}}'.",
      sqlCall:
        "`.{{method}}(` belongs to electron/core/store/ (SQL lives in repositories). For a regular expression use String#match, RegExp#test or String#matchAll.",
    },
  },
  create(context) {
    const checkSource = (node) => {
      const literal = sourceOf(node);
      if (literal !== undefined && SQLITE_PACKAGE.test(literal.value)) {
        context.report({ node: literal, messageId: "sqliteImport", data: { name: literal.value } });
      }
    };
    return {
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ImportExpression: checkSource,
      TSImportType: checkSource,
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === "Identifier" && callee.name === "require") {
          const [first] = node.arguments;
          if (first?.type === "Literal" && typeof first.value === "string" && SQLITE_PACKAGE.test(first.value)) {
            context.report({ node: first, messageId: "sqliteImport", data: { name: first.value } });
          }
          return;
        }
        if (callee.type !== "MemberExpression") return;
        const property = callee.property;
        let method;
        if (!callee.computed && property.type === "Identifier") method = property.name;
        else if (callee.computed && property.type === "Literal") method = property.value;
        if (method === "prepare" || method === "exec") context.report({ node: property, messageId: "sqlCall", data: { method } });
      },
    };
  },
};

export default {
  meta: { name: "counterseal-architecture" },
  rules: { "import-boundaries": importBoundaries, "sql-in-store": sqlInStore },
};
