// The inbox: data categories as rows (filterable without parsing JSON), a full-text index over
// each request's words, sort indexes, and the reviewer's settings.
import type Database from "better-sqlite3-multiple-ciphers";
import { searchTextOf } from "../search-text.js";
import type { Migration } from "./migration.js";

const SCHEMA = `
CREATE TABLE request_categories (
  request_id  TEXT NOT NULL REFERENCES requests (id),
  category    TEXT NOT NULL,
  PRIMARY KEY (request_id, category)
) STRICT, WITHOUT ROWID;
CREATE INDEX request_categories_by_category ON request_categories (category, request_id);

-- rowid = requests.rowid. The text is folded (search-text.ts) before it is indexed; the index
-- lives in the encrypted database like everything else.
CREATE VIRTUAL TABLE request_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

CREATE INDEX requests_by_submitted ON requests (submitted_at);
CREATE INDEX requests_by_respond_by ON requests (respond_by);
CREATE INDEX requests_by_authority ON requests (authority_id);
CREATE INDEX requests_by_instrument ON requests (instrument, received_at);
CREATE INDEX requests_by_urgency ON requests (urgency_level, received_at);
CREATE INDEX requests_by_status ON requests (status, received_at);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY NOT NULL,
  value  TEXT NOT NULL CONSTRAINT setting_value_is_json CHECK (json_valid(value))
) STRICT;
`;

export const migration002Inbox: Migration = {
  version: 2,
  name: "inbox",
  up(db: Database.Database): void {
    db.exec(SCHEMA);
    db.exec(`INSERT INTO request_categories (request_id, category)
             SELECT DISTINCT r.id, j.value FROM requests r, json_each(r.document, '$.dataCategories') j`);
    const index = db.prepare<[number, string]>("INSERT INTO request_search (rowid, body) VALUES (?, ?)");
    for (const row of db.prepare<[], { rowid: number; document: string }>("SELECT rowid, document FROM requests").all()) {
      index.run(row.rowid, searchTextOf(JSON.parse(row.document)));
    }
  },
};
