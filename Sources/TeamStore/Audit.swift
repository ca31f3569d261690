import JSONText
import TeamCore

/// Appends audit events, chained (``AuditChain``). The table's triggers
/// refuse UPDATE, DELETE and an insert over an existing row, so the log can
/// only grow; events are written in the transaction of the change.
extension SQLiteWorkspace {
    typealias AuditValues = [(String, JSONText.Value)]

    func appendAudit(_ op: OperatorContext?, action: String, target: String,
                     before: AuditValues? = nil, after: AuditValues? = nil) throws {
        try appendAudit(actor: op?.member.email.value, action: action, target: target, before: before, after: after)
    }

    /// For changes made by someone who is not (yet) an operator: the
    /// accepting invitee, or the mail delivery loop (actor nil).
    func appendAudit(actor: String?, action: String, target: String, before: AuditValues? = nil,
                     after: AuditValues? = nil, outcome: AuditOutcome = .done, rule: GuardRule? = nil) throws {
        // A batch's id goes into each of its events, so they can be found together.
        var after = auditBatch.map { (after ?? []) + [("batch", .string($0))] } ?? after
        // An undo names the change it undoes, so the log shows both together.
        if let reverts = auditReverts { after = (after ?? []) + [("reverts", .int(reverts))] }
        let head = try AuditChain.head(db)
        let fields: AuditChain.Fields = [
            .int(head.id + 1), .int(now().seconds), actor.map(SQLValue.text) ?? .null, .text(identity.osLogin),
            .int(identity.asEmail != nil ? 1 : 0), .text(identity.interface.rawValue), .text(action), .text(target),
            before.map { .text(JSONText.Value.object($0).rendered()) } ?? .null,
            after.map { .text(JSONText.Value.object($0).rendered()) } ?? .null,
            .text(outcome.rawValue), rule.map { .text($0.rawValue) } ?? .null,
        ]
        let hash = AuditChain.hash(previous: head.hash, fields)
        try db.run("INSERT INTO audit (\(AuditChain.columns), hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   fields + [SQLValue.blob(hash)])
    }

    /// The one place a guard refusal of a ``TeamCommand`` becomes an audit
    /// row, one row per refused command, whichever way the change was tried:
    /// `perform`, `performBatch` (committed or rolled back; the rows carry the
    /// batch id) or a confirmation that the guard ended before it was asked
    /// (``decideBeforeConfirming(_:partial:)``).
    func recordRefusals(_ refusals: [(command: TeamCommand, refusal: Refusal)], by op: OperatorContext?,
                        batch: String? = nil) {
        guard !refusals.isEmpty, !readOnly else { return }
        let saved = auditBatch
        auditBatch = batch
        defer { auditBatch = saved }
        _ = try? writing {
            for (command, refusal) in refusals {
                let label = AuditLabel.of(command)
                try appendRefusal(refusal, actor: op?.member.email.value, action: label.action, target: label.target)
            }
        }
    }

    /// Records a refusal after its transaction rolled back, in a small
    /// transaction of its own: the refused change itself left nothing.
    /// Best effort: failing to record never hides the refusal. For changes
    /// that are not one ``TeamCommand`` (imports, accepting an invitation).
    func recordRefusal(_ refusal: Refusal, by op: OperatorContext?, action: String, target: String) {
        recordRefusal(refusal, actor: op?.member.email.value, action: action, target: target)
    }

    func recordRefusal(_ refusal: Refusal, actor: String?, action: String, target: String) {
        guard !readOnly else { return }
        _ = try? writing { try appendRefusal(refusal, actor: actor, action: action, target: target) }
    }

    private func appendRefusal(_ refusal: Refusal, actor: String?, action: String, target: String) throws {
        try appendAudit(actor: actor, action: action, target: target,
                        after: [("rule", .string(refusal.rule.rawValue)), ("message", .string(refusal.message))],
                        outcome: .refused, rule: refusal.rule)
    }

    public func auditEvents(limit: Int?, refused: Bool) throws -> [AuditEvent] {
        try reading {
            let op = try resolveOperator()
            try check(.viewAudit, op)
            let columns = Self.auditColumns
            let outcome = refused ? AuditOutcome.refused : .done
            let sql = limit.map {
                "SELECT * FROM (SELECT \(columns) FROM audit WHERE outcome = ? ORDER BY id DESC LIMIT \(max(0, $0))) ORDER BY id"
            } ?? "SELECT \(columns) FROM audit WHERE outcome = ? ORDER BY id"
            return try db.all(sql, [outcome.rawValue]) { Self.auditEvent($0) }
        }
    }

    static let auditColumns = "id, at, actor, os_login, via_as, interface, action, target, before, after, outcome, rule"

    /// One row read with ``auditColumns``.
    static func auditEvent(_ row: Row) -> AuditEvent {
        AuditEvent(id: row.int(0), at: Timestamp(seconds: row.int(1)), actor: row.optionalText(2),
                   osLogin: row.text(3), viaAs: row.int(4) != 0,
                   interface: Interface(rawValue: row.text(5)) ?? .cli,
                   action: row.text(6), target: row.text(7),
                   before: row.optionalText(8), after: row.optionalText(9),
                   outcome: AuditOutcome(rawValue: row.text(10)) ?? .done, rule: row.optionalText(11))
    }

    public func verifyAudit() throws -> AuditVerification {
        try reading {
            try check(.viewAudit, try resolveOperator())
            return try AuditChain.verify(db)
        }
    }
}
