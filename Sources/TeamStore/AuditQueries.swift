import TeamCore

/// Reading the audit log with filters, for the audit view and `audit --actor …`.
extension SQLiteWorkspace {
    public func auditEvents(_ query: AuditQuery) throws -> [AuditEvent] {
        try reading {
            let op = try resolveOperator()
            try check(.viewAudit, op)
            // Changes made; refusals are listed by `audit --refused`.
            var conditions: [String] = ["outcome = 'done'"]
            var arguments: [any SQLBindable] = []
            func contains(_ column: String, _ needle: String) {
                // instr on lower(): a plain substring, no LIKE wildcards to escape.
                conditions.append("instr(lower(coalesce(\(column), '')), ?) > 0")
                arguments.append(needle.lowercased())
            }
            if let actor = query.actor { contains("actor", actor) }
            if let target = query.target { contains("target", target) }
            if let action = query.action { contains("action", action) }
            if let since = query.since { conditions.append("at >= ?"); arguments.append(since.seconds) }
            if let until = query.until { conditions.append("at <= ?"); arguments.append(until.seconds) }
            if let after = query.afterID { conditions.append("id > ?"); arguments.append(after) }
            for word in (query.text ?? "").split(separator: " ") {
                conditions.append("(instr(lower(coalesce(actor, '')), ?) > 0 OR instr(lower(target), ?) > 0 OR instr(lower(action), ?) > 0)")
                arguments += [word.lowercased(), word.lowercased(), word.lowercased()]
            }
            let filter = "WHERE " + conditions.joined(separator: " AND ")
            let columns = "id, at, actor, os_login, via_as, interface, action, target, before, after"
            // A page (afterID) is the oldest `limit` after that id; otherwise `limit` keeps the most recent.
            let pageOrder = query.afterID != nil && !query.newestFirst
            var sql = "SELECT \(columns) FROM audit \(filter) ORDER BY id \(pageOrder ? "" : "DESC")"
            if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
            if !query.newestFirst && !pageOrder { sql = "SELECT * FROM (\(sql)) ORDER BY id" }
            return try db.all(sql, arguments) { row in
                AuditEvent(id: row.int(0), at: Timestamp(seconds: row.int(1)), actor: row.optionalText(2),
                           osLogin: row.text(3), viaAs: row.int(4) != 0,
                           interface: Interface(rawValue: row.text(5)) ?? .cli,
                           action: row.text(6), target: row.text(7),
                           before: row.optionalText(8), after: row.optionalText(9))
            }
        }
    }
}
