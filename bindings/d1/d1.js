// The D1Database object a worker sees as env.NAME: D1Database,
// D1DatabaseSession and D1PreparedStatement with the methods, result shapes
// and error texts of workerd's src/cloudflare/internal/d1-api.ts (the
// binding without the d1_binding_jsrpc flag, the path Miniflare serves),
// written for edgedev. Where workerd POSTs JSON to the binding service,
// this calls native.run(sqls, params), which runs the queries off the
// event loop as one transaction and resolves
// [results, bookmark], each result [columns, rows, meta]; or rejects with
// the bare SQLite text. Knowingly missing: query(), which the workerd of
// wrangler 4.86.0 does not have either, and the session's private
// transport methods (_send, _sendOrThrow, _wrappedFetch).
(function (native) {
  "use strict";

  const FIRST_PRIMARY = "first-primary";
  const FIRST_UNCONSTRAINED = "first-unconstrained";

  function d1Error(prefix, message, causeMessage) {
    const e = new Error(prefix + ": " + message);
    e.cause = new Error(causeMessage === undefined ? message : causeMessage);
    return e;
  }

  // send runs sqls (with params, one array each) and returns the results,
  // or throws D1_ERROR: <message>.
  async function send(session, sqls, params) {
    let answer;
    try {
      answer = await native.run(sqls, params);
    } catch (e) {
      const message = typeof e === "string" ? e : (e && e.message) || "Something went wrong";
      throw d1Error("D1_ERROR", message);
    }
    if (answer[1]) session._updateBookmark(answer[1]);
    return answer[0];
  }

  // toResult is Miniflare's answer turned into a D1Result: success, meta,
  // results (rows as objects; a repeated column keeps the last value).
  function toResult(r) {
    const columns = r[0], rows = r[1];
    const n = columns.length;
    const results = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const o = {};
      for (let j = 0; j < n; j++) o[columns[j]] = row[j];
      results[i] = o;
    }
    return { success: true, meta: r[2], results };
  }


  // The general path of first, all and raw: through send, which keeps a
  // session's bookmark.
  async function slowFirst(stmt, colName) {
    const info = (await send(stmt.dbSession, [stmt.statement], [stmt.params]))[0];
    const rows = info[1];
    if (rows.length === 0) return null;
    const first = toResult([info[0], [rows[0]], info[2]]).results[0];
    if (colName !== undefined) {
      if (first[colName] === undefined) {
        throw d1Error("D1_COLUMN_NOTFOUND", `Column not found (${colName})`, "Column not found");
      }
      return first[colName];
    }
    return first;
  }

  async function slowAll(stmt) {
    return toResult((await send(stmt.dbSession, [stmt.statement], [stmt.params]))[0]);
  }

  async function slowRaw(stmt, options) {
    const s = (await send(stmt.dbSession, [stmt.statement], [stmt.params]))[0];
    const rows = s[1];
    if (options && options.columnNames) return [s[0], ...rows];
    return rows;
  }

  class D1PreparedStatement {
    constructor(dbSession, statement, values) {
      this.dbSession = dbSession;
      this.statement = statement;
      this.params = values || [];
    }

    bind(...values) {
      const transformed = values.map((r) => {
        const type = typeof r;
        if (type === "number" || type === "string") return r;
        if (type === "boolean") return r ? 1 : 0;
        if (type === "object") {
          if (r == null) return r;
          if (Array.isArray(r) && r.every((b) => typeof b == "number" && b >= 0 && b < 256)) return r;
          if (r instanceof ArrayBuffer) return Array.from(new Uint8Array(r));
          if (ArrayBuffer.isView(r)) return Array.from(r);
        }
        throw d1Error("D1_TYPE_ERROR", `Type '${type}' not supported for value '${r}'`);
      });
      return new D1PreparedStatement(this.dbSession, this.statement, transformed);
    }

    // The four methods go straight to native.query on the always-primary
    // session (Go builds the value: one promise per call); a session that
    // tracks bookmarks takes the general path.
    first(colName) {
      if (this.dbSession.primary) return native.query(0, this.statement, this.params, colName);
      return slowFirst(this, colName);
    }


    run() {
      return this.all();
    }

    all() {
      if (this.dbSession.primary) return native.query(1, this.statement, this.params);
      return slowAll(this);
    }


    raw(options) {
      if (this.dbSession.primary) return native.query(options && options.columnNames ? 3 : 2, this.statement, this.params);
      return slowRaw(this, options);
    }

  }

  class D1DatabaseSession {
    constructor(fetcher, bookmarkOrConstraint) {
      this.fetcher = fetcher;
      if (bookmarkOrConstraint == null) {
        this.bookmarkOrConstraint = null;
      } else {
        this.bookmarkOrConstraint = bookmarkOrConstraint.trim();
        if (!this.bookmarkOrConstraint) throw new Error("D1_SESSION_ERROR: invalid bookmark or constraint");
      }
    }

    _updateBookmark(newBookmark) {
      newBookmark = newBookmark.trim();
      if (!newBookmark) return this.getBookmark();
      const current = this.getBookmark();
      if (current === null || current.localeCompare(newBookmark) < 0) this.bookmarkOrConstraint = newBookmark;
      return this.getBookmark();
    }

    prepare(sql) {
      return new D1PreparedStatement(this, sql);
    }

    async batch(statements) {
      const results = await send(this, statements.map((s) => s.statement), statements.map((s) => s.params));
      return results.map(toResult);
    }

    getBookmark() {
      switch (this.bookmarkOrConstraint) {
        case FIRST_UNCONSTRAINED:
        case FIRST_PRIMARY:
          return null;
        default:
          return this.bookmarkOrConstraint;
      }
    }
  }

  class D1DatabaseSessionAlwaysPrimary extends D1DatabaseSession {
    constructor(fetcher) {
      super(fetcher, FIRST_PRIMARY);
    }

    get primary() {
      return true;
    }

    _updateBookmark() {
      return null;
    }

    getBookmark() {
      return null;
    }

    async exec(query) {
      const lines = query.trim().split("\n");
      let results;
      try {
        results = await send(this, lines, lines.map(() => []));
      } catch (e) {
        // The local platform answers with one error for the whole call,
        // so the message always names line 1.
        const message = e.cause.message;
        throw d1Error("D1_EXEC_ERROR", `Error in line 1: ${lines[0]}: ${message}`);
      }
      let duration = 0;
      for (const r of results) duration += r[2].duration;
      return { count: results.length, duration };
    }

    async dump() {
      // Miniflare has no /dump route; the binding turns its 404 into this.
      throw d1Error("D1_DUMP_ERROR", "Status + 404", "Status 404");
    }
  }

  class D1Database {
    constructor(fetcher) {
      this.alwaysPrimarySession = new D1DatabaseSessionAlwaysPrimary(fetcher);
      this.fetcher = fetcher;
    }

    prepare(query) {
      return new D1PreparedStatement(this.alwaysPrimarySession, query);
    }

    async batch(statements) {
      return this.alwaysPrimarySession.batch(statements);
    }

    async exec(query) {
      return this.alwaysPrimarySession.exec(query);
    }

    withSession(constraintOrBookmark) {
      constraintOrBookmark = constraintOrBookmark?.trim();
      if (constraintOrBookmark == null || constraintOrBookmark === "") constraintOrBookmark = FIRST_UNCONSTRAINED;
      return new D1DatabaseSession(this.fetcher, constraintOrBookmark);
    }

    async dump() {
      return this.alwaysPrimarySession.dump();
    }
  }

  // The fetcher is an empty object, as JSON.stringify(env.DB) shows it.
  return function newDatabase() {
    return new D1Database({});
  };
});
