import JSONText
import TeamCore

/// Appends audit events. The table's triggers refuse UPDATE and DELETE, so
/// the log can only grow; events are written in the transaction of the change.
extension SQLiteWorkspace {
    typealias AuditValues = [(String, JSONText.Value)]

    func appendAudit(_ op: OperatorContext?, action: String, target: String,
                     before: AuditValues? = nil, after: AuditValues? = nil) throws {
        try appendAudit(actor: op?.member.email.value, action: action, target: target, before: before, after: after)
    }

    /// For changes made by someone who is not (yet) an operator: the
    /// accepting invitee, or the mail delivery loop (actor nil).
    func appendAudit(actor: String?, action: String, target: String,
                     before: AuditValues? = nil, after: AuditValues? = nil) throws {
        try db.run("""
            INSERT INTO audit (at, actor, os_login, via_as, interface, action, target, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                now().seconds, actor, identity.osLogin, identity.asEmail != nil,
                identity.interface.rawValue, action, target,
                before.map { JSONText.Value.object($0).rendered() },
                (auditBatch.map { (after ?? []) + [("batch", .string($0))] } ?? after).map { JSONText.Value.object($0).rendered() },
            ])
    }

    public func auditEvents(limit: Int?) throws -> [AuditEvent] {
        try reading {
            let op = try resolveOperator()
            try check(.viewAudit, op)
            let columns = "id, at, actor, os_login, via_as, interface, action, target, before, after"
            let sql = limit.map {
                "SELECT * FROM (SELECT \(columns) FROM audit ORDER BY id DESC LIMIT \(max(0, $0))) ORDER BY id"
            } ?? "SELECT \(columns) FROM audit ORDER BY id"
            return try db.all(sql) { row in
                AuditEvent(id: row.int(0), at: Timestamp(seconds: row.int(1)), actor: row.optionalText(2),
                           osLogin: row.text(3), viaAs: row.int(4) != 0,
                           interface: Interface(rawValue: row.text(5)) ?? .cli,
                           action: row.text(6), target: row.text(7),
                           before: row.optionalText(8), after: row.optionalText(9))
            }
        }
    }
}
