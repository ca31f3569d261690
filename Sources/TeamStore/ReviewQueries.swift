import Foundation
import JSONText
import TeamCore

/// The access review (`clerk-team review`) and its sign-off. Sign-offs live
/// in the audit log itself (`review.sign`, with the report's SHA-256): the
/// log is already the tamper-evident record, and a table beside it could
/// disagree with it.
extension SQLiteWorkspace {
    public func accessReview(since: Timestamp?) throws -> AccessReview {
        try reading {
            let op = try resolveOperator()
            // The review lists the audit log's changes: reading it needs what reading the log needs.
            try check(.viewAudit, op)
            return try buildReview(since: since, op)
        }
    }

    /// The review as the operator may see it (call inside a transaction).
    func buildReview(since: Timestamp?, _ op: OperatorContext) throws -> AccessReview {
        let matrix = try loadMatrix()
        let inboxes = try visibleInboxes(op)
        let visible = Dictionary(uniqueKeysWithValues: inboxes.map { ($0.id, $0.phone) })
        let access = try everyMembersAccess()
        let active = try everyMemberSources(activeOnly: true)
        let members = active.map { member, sources in
            let (phones, byPhone) = Self.visibleAccess(access[member.id] ?? [:], visible)
            return AccessReview.MemberEntry(
                member: member, groups: sources.groups.map(\.name), overrides: sources.overrides.sorted { $0.permission < $1.permission },
                permissions: Permission.allCases.map { EffectivePermissions.explain($0, sources, matrix: matrix) }.filter(\.held),
                inboxes: phones.map { ($0, byPhone[$0] ?? InboxAccess(direct: true, groups: [])) })
        }
        // Who can see an inbox: the guard's own rule, with each member's facts.
        let facts = active.map { member, sources in
            (member.email, ActorFacts(id: member.id, role: member.role, status: member.status,
                                      permissions: EffectivePermissions.compute(sources, matrix: matrix),
                                      assignedInboxes: Set((access[member.id] ?? [:]).keys)))
        }
        let activeIDs = Set(active.map(\.0.id))
        let emailOf = Dictionary(uniqueKeysWithValues: active.map { ($0.0.id, $0.0.email) })
        var groupMembers: [String: [EmailAddress]] = [:]
        try db.query("SELECT g.name, gm.member_id FROM group_members gm JOIN groups g ON g.id = gm.group_id") { row in
            if let email = emailOf[row.int(1)] { groupMembers[row.text(0), default: []].append(email) }
        }
        let groupsOn = try groupsOnInboxes()
        let inboxEntries = inboxes.map { inbox in
            AccessReview.InboxEntry(
                inbox: inbox,
                canSee: facts.filter { Guard.canSee(Self.facts(inbox), actor: $0.1) }.map(\.0).sorted(),
                direct: access.filter { activeIDs.contains($0.key) && $0.value[inbox.id]?.direct == true }
                    .compactMap { emailOf[$0.key] }.sorted(),
                groups: (groupsOn[inbox.id] ?? []).map { AccessReview.GroupOnInbox(name: $0, members: (groupMembers[$0] ?? []).sorted()) })
        }
        let signOff = try lastSignOff()
        // Without a date, the changes since the last sign-off (all of them if none).
        var sql = "SELECT \(Self.auditColumns) FROM audit WHERE outcome = 'done'"
        var arguments: [any SQLBindable] = []
        if let since {
            sql += " AND at >= ?"; arguments.append(since.seconds)
        } else if let signOff {
            sql += " AND id > ?"; arguments.append(signOff.auditID)
        }
        let changes = try db.all(sql + " ORDER BY id", arguments) { Self.auditEvent($0) }
            .filter { AccessReview.isAccessChange($0.action) }
            .map { AccessReview.Change(event: $0, new: $0.id > (signOff?.auditID ?? 0)) }
        return AccessReview(
            workspace: try db.first("SELECT name FROM workspace WHERE id = 1") { $0.text(0) } ?? "",
            throughAuditID: try lastChangeID(), since: since, lastSignOff: signOff,
            members: members, inboxes: inboxEntries, changes: changes, findings: try lintFindings())
    }

    /// The newest change made (refusals do not change what a review shows).
    func lastChangeID() throws -> Int64 {
        try db.scalarInt("SELECT coalesce(max(id), 0) FROM audit WHERE outcome = 'done'")
    }

    func lastSignOff() throws -> AccessReview.SignOff? {
        try db.first("""
            SELECT \(Self.auditColumns) FROM audit WHERE outcome = 'done' AND action = 'review.sign' ORDER BY id DESC LIMIT 1
            """) { Self.auditEvent($0) }.map { event in
            let after = (event.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]) ?? [:]
            return AccessReview.SignOff(auditID: event.id, at: event.at, by: event.target,
                                        note: after["note"] as? String ?? "", sha256: after["sha256"] as? String ?? "")
        }
    }

    func planSignReview(by: EmailAddress, note text: String, _ op: OperatorContext) throws -> Plan {
        let note: String
        do { note = try ReviewNote.validate(text) } catch { throw TeamError.invalid(error) }
        return Plan(action: .signReview) {
            // A sign-off says who reviewed: it cannot be made in someone else's name.
            guard by == op.member.email else {
                throw TeamError.conflict("--by \(by) is not you (\(op.member.email)): a sign-off records who reviewed the report, so sign it as yourself")
            }
            let report = AccessReviewJSON.render(try self.buildReview(since: nil, op))
            let hash = InvitationToken.sha256(Array(report.utf8)).map { String(format: "%02x", $0) }.joined()
            let through = try self.lastChangeID()
            try self.appendAudit(op, action: "review.sign", target: by.value,
                                 after: [("note", .string(note)), ("sha256", .string(hash)), ("through", .int(through))])
            return CommandOutcome(message: "signed the access review through change #\(through) (sha256 \(hash))", changed: true)
        }
    }
}
