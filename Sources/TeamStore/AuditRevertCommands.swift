import JSONText
import TeamCore
import TeamMail

/// `audit revert ID`: the inverse of one audited change, made as a new
/// change by the current operator. The change's `after` must still be what
/// the rows say (the audit log keeps no row versions; the values the change
/// set are what an undo would overwrite), and the inverse goes through the
/// guard like any other command.
extension SQLiteWorkspace {
    public func revertPreview(_ auditID: Int64) throws -> RevertPreview {
        try reading {
            let op = try resolveOperator()
            let (event, inverse) = try revertable(auditID, op)
            let plan = try self.plan(inverse.command, op, SpoolBatch())
            return RevertPreview(event: event, inverse: inverse.command, sentence: inverse.sentence,
                                 decision: Guard.check(plan.action, by: op.facts, in: try workspaceFacts()))
        }
    }

    func planRevert(_ auditID: Int64, _ op: OperatorContext, _ spool: SpoolBatch) throws -> Plan {
        let (_, inverse) = try revertable(auditID, op)
        let inner = try plan(inverse.command, op, spool)
        return Plan(action: inner.action) {
            self.auditReverts = auditID
            defer { self.auditReverts = nil }
            var outcome = try inner.apply()
            outcome.message = "undid #\(auditID): " + outcome.message
            return outcome
        }
    }

    /// The event and its inverse, when the event may be undone now; else why not.
    private func revertable(_ auditID: Int64, _ op: OperatorContext) throws -> (AuditEvent, AuditRevert.Inverse) {
        // Undoing starts from reading the log: the same permission.
        try check(.viewAudit, op)
        let event = try db.first("SELECT \(Self.auditColumns) FROM audit WHERE id = ? AND outcome = 'done'", [auditID]) {
            Self.auditEvent($0)
        }
        guard let event else { throw TeamError.notFound("no change #\(auditID) in the audit log") }
        let inverse: AuditRevert.Inverse
        switch AuditRevert.inverse(of: event) {
        case .success(let found): inverse = found
        case .failure(let why): throw TeamError.conflict("#\(auditID) (\(event.action)) cannot be undone: \(why.reason)")
        }
        if let now = try differs(inverse.expectation, op) {
            throw TeamError.stale("#\(auditID) (\(event.action)) cannot be undone: \(now); nothing was changed")
        }
        return (event, inverse)
    }

    /// Nil when the rows still say what the change left; else what they say now.
    private func differs(_ expectation: AuditRevert.Expectation, _ op: OperatorContext) throws -> String? {
        func member(_ email: EmailAddress) throws -> Member? { try memberRow(email: email) }
        func inbox(_ phone: PhoneNumber) throws -> Inbox? {
            guard let inbox = try inboxRow(phone: phone), Guard.canSee(Self.facts(inbox), actor: op.facts) else { return nil }
            return inbox
        }
        func group(_ name: String) throws -> GroupSummary? {
            try allGroups().first { Group.sameName($0.name, name) }
        }
        let gone = "no longer in the workspace"
        /// A group the change named and that is not there by that name: renamed since (say so), or deleted.
        func missing(_ name: String) throws -> String {
            try renamedGroup(name).map { "group '\(name)' has been renamed since (now '\($0)')" } ?? "group '\(name)': \(gone)"
        }
        switch expectation {
        case .role(let email, let role):
            guard let row = try member(email) else { return "\(email): \(gone)" }
            return row.role == role ? nil : "\(email)'s role has changed since (now \(row.role.rawValue))"
        case .memberName(let email, let name):
            guard let row = try member(email) else { return "\(email): \(gone)" }
            return row.name == name ? nil : "\(email)'s name has changed since (now '\(row.name)')"
        case .status(let email, let status):
            guard let row = try member(email) else { return "\(email): \(gone)" }
            return row.status == status ? nil : "\(email) has been \(row.status == .active ? "reactivated" : "deactivated") since"
        case .assigned(let email, let phone, let assigned):
            guard let row = try member(email) else { return "\(email): \(gone)" }
            guard let box = try inbox(phone) else { return Guard.noSuchInbox(phone.value) }
            let now = try db.first("SELECT 1 FROM assignments WHERE member_id = ? AND inbox_id = ?", [row.id, box.id]) { _ in true } ?? false
            return now == assigned ? nil : "\(email) has been \(now ? "assigned to" : "unassigned from") \(phone) again since"
        case .override(let email, let permission, let effect):
            guard let row = try member(email) else { return "\(email): \(gone)" }
            let now = try sources(of: row).overrides.first { $0.permission == permission }?.effect
            return now == effect ? nil
                : "\(email)'s override of \(permission.rawValue) has changed since (now \(now?.rawValue ?? "none"))"
        case .inGroup(let email, let name, let inGroup):
            guard let row = try member(email) else { return "\(email): \(gone)" }
            guard try group(name) != nil else { return try missing(name) }
            let now = try sources(of: row).groups.contains { Group.sameName($0.name, name) }
            return now == inGroup ? nil : "\(email) has \(now ? "joined" : "left") group '\(name)' again since"
        case .inboxName(let phone, let name):
            guard let box = try inbox(phone) else { return Guard.noSuchInbox(phone.value) }
            return box.name == name ? nil : "inbox \(phone) has been renamed since (now '\(box.name)')"
        case .inboxVisibility(let phone, let visibility):
            guard let box = try inbox(phone) else { return Guard.noSuchInbox(phone.value) }
            return box.visibility == visibility ? nil : "inbox \(phone) has changed visibility since (now \(box.visibility.rawValue))"
        case .groupOnInbox(let name, let phone, let on):
            guard let found = try group(name) else { return try missing(name) }
            guard let box = try inbox(phone) else { return Guard.noSuchInbox(phone.value) }
            let now = try db.first("SELECT 1 FROM group_inboxes WHERE group_id = ? AND inbox_id = ?", [found.id, box.id]) { _ in true } ?? false
            return now == on ? nil : "group '\(name)' has been \(now ? "put on" : "taken off") inbox \(phone) again since"
        case .groupGrants(let name, let permission, let granted):
            guard let found = try group(name) else { return try missing(name) }
            let now = found.grants.contains(permission)
            return now == granted ? nil : "group '\(name)' \(now ? "grants" : "no longer grants") \(permission.rawValue) again since"
        }
    }

    /// The name a group has now, following its renames in the log from `name`; nil if it was deleted.
    private func renamedGroup(_ name: String) throws -> String? {
        var current = name
        // Bounded: a log renaming back and forth must not loop.
        for _ in 0..<64 {
            guard let next = try db.first("""
                SELECT json_extract(after, '$.name') FROM audit
                WHERE action = 'group.rename' AND outcome = 'done' AND target = ? ORDER BY id DESC LIMIT 1
                """, [current], { $0.optionalText(0) }).flatMap({ $0 }) else { return nil }
            if try allGroups().contains(where: { Group.sameName($0.name, next) }) { return next }
            current = next
        }
        return nil
    }
}
