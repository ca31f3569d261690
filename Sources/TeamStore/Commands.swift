import JSONText
import TeamCore
import TeamMail
import TeamPhone

/// Write side of ``TeamWorkspace``. Each command is planned (rows loaded,
/// staleness checked, guard action built), checked, then applied, all in one
/// `BEGIN IMMEDIATE` transaction.
extension SQLiteWorkspace {
    /// A command ready to run: the guard question and the change to make.
    struct Plan {
        let action: GuardAction
        let apply: () throws -> CommandOutcome
    }

    public func decide(_ command: TeamCommand) throws -> GuardDecision {
        try reading {
            let op = try resolveOperator()
            let plan = try self.plan(command, op, SpoolBatch())
            return Guard.check(plan.action, by: op.facts, in: try workspaceFacts())
        }
    }

    public func perform(_ command: TeamCommand) throws -> CommandOutcome {
        var actor: OperatorContext?
        do {
            let outcome = try writingWithSpool { spool in
                let op = try resolveOperator()
                actor = op
                let plan = try self.plan(command, op, spool)
                try check(plan.action, op)
                return try plan.apply()
            }
            switch command {
            case .deleteMessage, .deleteThread: checkpointAfterDelete()
            default: break
            }
            return outcome
        } catch TeamError.refused(let refusal) {
            recordRefusals([(command, refusal)], by: actor)
            throw TeamError.refused(refusal)
        }
    }

    /// The guard's answers for changes a front end is about to ask someone to
    /// confirm (`decideAll`, one snapshot). When the answers end the attempt
    /// there — any refusal without `partial`, or every command refused — the
    /// change was tried and refused, so each guard refusal is recorded as
    /// `perform` records one. Otherwise nothing is recorded here: the batch
    /// that follows the confirmation records its own refusals, and a
    /// cancelled confirmation tried nothing.
    public func decideBeforeConfirming(_ commands: [TeamCommand], partial: Bool) throws -> [Result<GuardDecision, TeamError>] {
        let answers = try decideAll(commands)
        let refusals = zip(commands, answers).compactMap { command, answer -> (command: TeamCommand, refusal: Refusal)? in
            switch answer {
            case .success(.refused(let refusal)), .failure(.refused(let refusal)): (command, refusal)
            default: nil
            }
        }
        let allowed = answers.filter { if case .success(.allowed) = $0 { true } else { false } }.count
        if !refusals.isEmpty && (!partial || allowed == 0) {
            recordRefusals(refusals, by: try? reading { try resolveOperator() })
        }
        return answers
    }

    /// `spool` collects the mails a command queues (written before commit).
    func plan(_ command: TeamCommand, _ op: OperatorContext, _ spool: SpoolBatch) throws -> Plan {
        switch command {
        case .setRole(let email, let role, let expected):
            let member = try requireFresh(email, expected)
            return Plan(action: .changeRole(Self.facts(member), to: role)) {
                guard member.role != role else {
                    return CommandOutcome(message: "\(email) is already \(role.rawValue)", changed: false)
                }
                try self.updateMember(member, set: "role = ?", [role.rawValue])
                try self.appendAudit(op, action: "member.set-role", target: email.value,
                                     before: [("role", .string(member.role.rawValue))],
                                     after: [("role", .string(role.rawValue))])
                return CommandOutcome(message: "\(email) is now \(role.rawValue) (was \(member.role.rawValue))", changed: true)
            }
        case .renameMember(let email, let name, let expected):
            let member = try requireFresh(email, expected)
            return Plan(action: .renameMember(Self.facts(member))) {
                guard member.name != name.value else {
                    return CommandOutcome(message: "\(email) is already named \(name)", changed: false)
                }
                try self.updateMember(member, set: "name = ?, sort_name = ?", [name.value, RowMapping.sortKey(name.value)])
                try self.appendAudit(op, action: "member.rename", target: email.value,
                                     before: [("name", .string(member.name))], after: [("name", .string(name.value))])
                return CommandOutcome(message: "\(email) renamed to \(name.value)", changed: true)
            }
        case .deactivate(let email, let expected):
            let member = try requireFresh(email, expected)
            return Plan(action: .deactivate(Self.facts(member))) {
                try self.setStatus(member, .deactivated, op)
            }
        case .reactivate(let email, let expected):
            let member = try requireFresh(email, expected)
            return Plan(action: .reactivate(Self.facts(member))) {
                if member.status != .active { try self.requireSeats(.join, now: self.now()) }
                return try self.setStatus(member, .active, op)
            }
        case .removeMember(let email, let expected):
            let member = try requireFresh(email, expected)
            return Plan(action: .removeMember(Self.facts(member))) {
                let inboxes = try self.db.all("""
                    SELECT i.phone FROM assignments a JOIN inboxes i ON i.id = a.inbox_id WHERE a.member_id = ? ORDER BY i.phone
                    """, [member.id]) { JSONText.Value.string($0.text(0)) }
                try self.db.run("DELETE FROM members WHERE id = ?", [member.id])
                try self.appendAudit(op, action: "member.remove", target: email.value,
                                     before: Self.auditValues(member) + [("inboxes", .array(inboxes))])
                return CommandOutcome(message: "\(email) removed from the workspace", changed: true)
            }
        case .assign(let email, let phone), .unassign(let email, let phone):
            let assigning = if case .assign = command { true } else { false }
            let member = try requireMember(email)
            let inbox = try requireVisibleInbox(phone, for: op)
            let facts = (Self.facts(member), Self.facts(inbox))
            return Plan(action: assigning ? .assign(facts.0, facts.1) : .unassign(facts.0, facts.1)) {
                try self.setAssignment(member, inbox, assigned: assigning, op)
            }
        case .addInbox(let phone, let name, let visibility):
            // Whoever built the number (CLI, interface, import), none that cannot exist is stored.
            do { try PhoneNumbers.check(phone) } catch { throw TeamError.invalid(error) }
            return Plan(action: .addInbox(visibility)) {
                if try self.inboxRow(phone: phone) != nil {
                    throw TeamError.conflict("an inbox with number \(phone) already exists")
                }
                try self.db.run("INSERT INTO inboxes (phone, name, visibility, created_at) VALUES (?, ?, ?, ?)",
                                [phone.value, name.value, visibility.rawValue, self.now().seconds])
                try self.appendAudit(op, action: "inbox.add", target: phone.value,
                                     after: [("name", .string(name.value)), ("visibility", .string(visibility.rawValue))])
                return CommandOutcome(message: "added \(visibility.rawValue) inbox \(phone) (\(name.value))", changed: true)
            }
        case .renameInbox(let phone, let name, let expected):
            let inbox = try requireFreshInbox(phone, expected, op)
            return Plan(action: .renameInbox(Self.facts(inbox))) {
                guard inbox.name != name.value else {
                    return CommandOutcome(message: "inbox \(phone) is already named \(name)", changed: false)
                }
                try self.updateInbox(inbox, set: "name = ?", [name.value])
                try self.appendAudit(op, action: "inbox.rename", target: phone.value,
                                     before: [("name", .string(inbox.name))], after: [("name", .string(name.value))])
                return CommandOutcome(message: "inbox \(phone) renamed to \(name.value)", changed: true)
            }
        case .setInboxVisibility(let phone, let visibility, let expected):
            let inbox = try requireFreshInbox(phone, expected, op)
            return Plan(action: .setInboxVisibility(Self.facts(inbox), to: visibility)) {
                guard inbox.visibility != visibility else {
                    return CommandOutcome(message: "inbox \(phone) is already \(visibility.rawValue)", changed: false)
                }
                try self.updateInbox(inbox, set: "visibility = ?", [visibility.rawValue])
                try self.appendAudit(op, action: "inbox.set-visibility", target: phone.value,
                                     before: [("visibility", .string(inbox.visibility.rawValue))],
                                     after: [("visibility", .string(visibility.rawValue))])
                return CommandOutcome(message: "inbox \(phone) is now \(visibility.rawValue)", changed: true)
            }
        case .removeInbox(let phone, let expected):
            let inbox = try requireFreshInbox(phone, expected, op)
            return Plan(action: .removeInbox(Self.facts(inbox))) {
                let members = try self.db.all("""
                    SELECT m.email FROM assignments a JOIN members m ON m.id = a.member_id WHERE a.inbox_id = ? ORDER BY m.email
                    """, [inbox.id]) { JSONText.Value.string($0.text(0)) }
                let groups = (try self.groupsOnInboxes()[inbox.id] ?? []).map { JSONText.Value.string($0) }
                try self.db.run("DELETE FROM inboxes WHERE id = ?", [inbox.id])
                try self.appendAudit(op, action: "inbox.remove", target: phone.value,
                                     before: [("name", .string(inbox.name)),
                                              ("visibility", .string(inbox.visibility.rawValue)),
                                              ("members", .array(members)), ("groups", .array(groups))])
                return CommandOutcome(message: "removed inbox \(phone) (\(counted(members.count, "assignment")) went with it)", changed: true)
            }
        case .invite, .resendInvitation, .revokeInvitation, .setInviteExpiry:
            return try planInvitation(command, op, spool)
        case .grantPermission, .revokePermission, .resetPermission:
            return try planOverride(command, op)
        case .createGroup, .renameGroup, .deleteGroup, .addToGroup, .removeFromGroup, .grantToGroup, .revokeFromGroup,
             .assignGroup, .unassignGroup:
            return try planGroup(command, op)
        case .signReview(let by, let note):
            return try planSignReview(by: by, note: note, op)
        case .revert(let auditID):
            return try planRevert(auditID, op, spool)
        case .setRoleDefaults, .resetRoleDefaults:
            return try planRoleDefaults(command, op)
        case .setBilling(let update):
            return Plan(action: .modifyBilling) { try self.setBilling(update, op) }
        case .addProperty, .renameProperty, .setPropertyChoices, .removeProperty:
            return try planProperty(command, op)
        case .addContact, .editContact, .removeContact:
            return try planContact(command, op)
        case .deleteMessage, .deleteThread:
            return try planMessages(command, op)
        }
    }

    // MARK: - Helpers

    static func auditValues(_ member: Member) -> AuditValues {
        [("name", .string(member.name)), ("role", .string(member.role.rawValue)),
         ("status", .string(member.status.rawValue)), ("login", JSONText.Value(member.login))]
    }

    func requireFresh(_ email: EmailAddress, _ expected: Int64?) throws -> Member {
        let member = try requireMember(email)
        if let expected, expected != member.version {
            throw TeamError.stale("\(email) was changed by someone else since you looked; nothing was overwritten; look at it again and retry")
        }
        return member
    }

    private func requireFreshInbox(_ phone: PhoneNumber, _ expected: Int64?, _ op: OperatorContext) throws -> Inbox {
        let inbox = try requireVisibleInbox(phone, for: op)
        if let expected, expected != inbox.version {
            throw TeamError.stale("inbox \(phone) was changed by someone else since you looked; nothing was overwritten; look at it again and retry")
        }
        return inbox
    }

    func updateMember(_ member: Member, set assignments: String, _ values: [any SQLBindable]) throws {
        try db.run("UPDATE members SET \(assignments), version = version + 1 WHERE id = ?", values + [member.id])
    }

    /// Moves a member's version when something shown with them changed
    /// (overrides, groups), so an edit based on the older view is refused.
    func touchMember(_ id: MemberID) throws {
        try db.run("UPDATE members SET version = version + 1 WHERE id = ?", [id])
    }

    private func updateInbox(_ inbox: Inbox, set assignments: String, _ values: [any SQLBindable]) throws {
        try db.run("UPDATE inboxes SET \(assignments), version = version + 1 WHERE id = ?", values + [inbox.id])
    }

    private func setStatus(_ member: Member, _ status: MemberStatus, _ op: OperatorContext) throws -> CommandOutcome {
        guard member.status != status else {
            return CommandOutcome(message: "\(member.email) is already \(status.rawValue)", changed: false)
        }
        try updateMember(member, set: "status = ?", [status.rawValue])
        try appendAudit(op, action: status == .active ? "member.reactivate" : "member.deactivate",
                        target: member.email.value,
                        before: [("status", .string(member.status.rawValue))], after: [("status", .string(status.rawValue))])
        return CommandOutcome(message: "\(member.email) is now \(status.rawValue)", changed: true)
    }

    private func setAssignment(_ member: Member, _ inbox: Inbox, assigned: Bool,
                               _ op: OperatorContext) throws -> CommandOutcome {
        if assigned {
            try db.run("INSERT OR IGNORE INTO assignments (member_id, inbox_id) VALUES (?, ?)", [member.id, inbox.id])
        } else {
            try db.run("DELETE FROM assignments WHERE member_id = ? AND inbox_id = ?", [member.id, inbox.id])
        }
        guard db.changes > 0 else {
            let state = assigned ? "already in" : "not in"
            return CommandOutcome(message: "\(member.email) is \(state) inbox \(inbox.phone)", changed: false)
        }
        // The member row's version moves too, so a screen showing their inboxes is known stale.
        try db.run("UPDATE members SET version = version + 1 WHERE id = ?", [member.id])
        try appendAudit(op, action: assigned ? "inbox.assign" : "inbox.unassign", target: member.email.value,
                        after: [("inbox", .string(inbox.phone.value))])
        return CommandOutcome(
            message: assigned ? "\(member.email) assigned to \(inbox.phone) (\(inbox.name))"
                              : "\(member.email) unassigned from \(inbox.phone) (\(inbox.name))",
            changed: true)
    }
}
