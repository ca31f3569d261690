import JSONText
import TeamCore

/// Group commands: planned, checked by the guard and applied like every
/// other command (see Commands.swift). Changing a group is a team setting
/// (`modify-team`); what it grants must be held by whoever gives it.
extension SQLiteWorkspace {
    func planGroup(_ command: TeamCommand, _ op: OperatorContext) throws -> Plan {
        switch command {
        case .createGroup(let name):
            return Plan(action: .modifyTeamSettings(grants: [])) {
                try self.requireUniqueGroupName(name, except: nil)
                try self.db.run("INSERT INTO groups (name) VALUES (?)", [name.value])
                try self.appendAudit(op, action: "group.create", target: name.value,
                                     after: [("name", .string(name.value)), ("grants", .array([]))])
                return CommandOutcome(message: "created group '\(name)' (no grants or members yet)", changed: true)
            }
        case .renameGroup(let name, let newName, let expected):
            let group = try requireGroup(name, expectedVersion: expected)
            return Plan(action: .modifyTeamSettings(grants: [])) {
                guard group.name != newName.value else {
                    return CommandOutcome(message: "group '\(group.name)' is already named so", changed: false)
                }
                try self.requireUniqueGroupName(newName, except: group.id)
                try self.db.run("UPDATE groups SET name = ?, version = version + 1 WHERE id = ?", [newName.value, group.id])
                try self.appendAudit(op, action: "group.rename", target: group.name,
                                     before: [("name", .string(group.name))], after: [("name", .string(newName.value))])
                return CommandOutcome(message: "renamed group '\(group.name)' to '\(newName)'", changed: true)
            }
        case .deleteGroup(let name, let expected):
            let group = try requireGroup(name, expectedVersion: expected)
            return Plan(action: .modifyTeamSettings(grants: [])) { try self.delete(group, op) }
        case .addToGroup(let name, let email, let expected), .removeFromGroup(let name, let email, let expected):
            let adding = if case .addToGroup = command { true } else { false }
            let group = try requireGroup(name, expectedVersion: expected)
            let member = try requireMember(email)
            let target = Self.facts(member)
            // The group's inboxes the change would put them in or take them out of.
            let moved = try inboxesMovedByMembership(member, group: group.id).map { Self.facts($0) }
            return Plan(action: adding ? .addToGroup(target, grants: group.grants, inboxes: moved)
                                       : .removeFromGroup(target, inboxes: moved)) {
                try self.setMembership(member, in: group, adding: adding, moved: moved, op)
            }
        case .grantToGroup(let name, let permission, let expected), .revokeFromGroup(let name, let permission, let expected):
            let granting = if case .grantToGroup = command { true } else { false }
            let group = try requireGroup(name, expectedVersion: expected)
            return Plan(action: .modifyTeamSettings(grants: granting ? [permission] : [])) {
                try self.setGrant(permission, of: group, granting: granting, op)
            }
        case .assignGroup(let name, let phone), .unassignGroup(let name, let phone):
            let assigning = if case .assignGroup = command { true } else { false }
            let group = try requireGroup(name)
            let inbox = try requireVisibleInbox(phone, for: op)
            let moved = try membersMovedByGroup(group.id, inbox: inbox.id)
            let facts = (Self.facts(inbox), moved.map { Self.facts($0) })
            return Plan(action: assigning ? .assignGroup(facts.0, members: facts.1) : .unassignGroup(facts.0, members: facts.1)) {
                try self.setGroupOnInbox(group, inbox, on: assigning, moved: moved, op)
            }
        default:
            throw TeamError.conflict("not a group command: \(command)")
        }
    }

    private func requireUniqueGroupName(_ name: DisplayName, except id: Int64?) throws {
        if let clash = try allGroups().first(where: { $0.id != id && Group.sameName($0.name, name.value) }) {
            throw TeamError.conflict("a group named '\(clash.name)' already exists (names are compared as they look, ignoring case)")
        }
    }

    private func delete(_ group: GroupSummary, _ op: OperatorContext) throws -> CommandOutcome {
        let members = try db.all("""
            SELECT m.email FROM group_members gm JOIN members m ON m.id = gm.member_id
            WHERE gm.group_id = ? ORDER BY m.email
            """, [group.id]) { JSONText.Value.string($0.text(0)) }
        // Their shown groups change: move their versions before the rows go.
        try db.run("UPDATE members SET version = version + 1 WHERE id IN (SELECT member_id FROM group_members WHERE group_id = ?)",
                   [group.id])
        try db.run("DELETE FROM groups WHERE id = ?", [group.id])
        try appendAudit(op, action: "group.delete", target: group.name,
                        before: [("name", .string(group.name)), ("grants", Self.grantList(group.grants)),
                                 ("members", .array(members))]
                            + (group.inboxes.isEmpty ? [] : [("inboxes", .array(group.inboxes.map { .string($0.value) }))]))
        return CommandOutcome(message: "deleted group '\(group.name)'; its \(counted(members.count, "member")) \(members.count == 1 ? "loses" : "lose") its grants", changed: true)
    }

    private func setMembership(_ member: Member, in group: GroupSummary, adding: Bool, moved: [InboxFacts],
                               _ op: OperatorContext) throws -> CommandOutcome {
        let before = try groupNames(of: member)
        if adding {
            try db.run("INSERT OR IGNORE INTO group_members (group_id, member_id) VALUES (?, ?)", [group.id, member.id])
        } else {
            try db.run("DELETE FROM group_members WHERE group_id = ? AND member_id = ?", [group.id, member.id])
        }
        guard db.changes > 0 else {
            return CommandOutcome(message: "\(member.email) is \(adding ? "already" : "not") in group '\(group.name)'",
                                  changed: false)
        }
        try touchMember(member.id)
        try db.run("UPDATE groups SET version = version + 1 WHERE id = ?", [group.id])
        try appendAudit(op, action: adding ? "group.add-member" : "group.remove-member", target: member.email.value,
                        before: [("groups", .array(before.map { .string($0) }))],
                        after: [("groups", .array(try groupNames(of: member).map { .string($0) })), ("group", .string(group.name))]
                            + (moved.isEmpty ? [] : [(adding ? "inboxes-gained" : "inboxes-lost", .array(moved.map { .string($0.phone) }))]))
        let inboxes = moved.isEmpty ? "" : (adding ? "; now works in " : "; no longer works in ")
            + moved.map(\.phone).joined(separator: ", ")
        return CommandOutcome(message: (adding ? "added \(member.email) to group '\(group.name)'"
                                               : "removed \(member.email) from group '\(group.name)'") + inboxes, changed: true)
    }

    private func setGrant(_ permission: Permission, of group: GroupSummary, granting: Bool,
                          _ op: OperatorContext) throws -> CommandOutcome {
        let after = granting ? group.grants.union([permission]) : group.grants.subtracting([permission])
        guard after != group.grants else {
            return CommandOutcome(message: "group '\(group.name)' \(granting ? "already grants" : "does not grant") \(permission.rawValue)",
                                  changed: false)
        }
        if granting {
            try db.run("INSERT INTO group_grants (group_id, permission) VALUES (?, ?)", [group.id, permission.rawValue])
        } else {
            try db.run("DELETE FROM group_grants WHERE group_id = ? AND permission = ?", [group.id, permission.rawValue])
        }
        try db.run("UPDATE groups SET version = version + 1 WHERE id = ?", [group.id])
        try appendAudit(op, action: granting ? "group.grant" : "group.revoke", target: group.name,
                        before: [("grants", Self.grantList(group.grants))], after: [("grants", Self.grantList(after))])
        let message = granting
            ? "group '\(group.name)' now grants \(permission.rawValue) to its \(counted(group.memberCount, "member"))"
            : "group '\(group.name)' no longer grants \(permission.rawValue)"
        return CommandOutcome(message: message, changed: true)
    }

    /// Puts the group on the inbox or takes it off; `moved` are the members
    /// who start or stop working in it (the others are in it anyway).
    private func setGroupOnInbox(_ group: GroupSummary, _ inbox: Inbox, on: Bool, moved: [Member],
                                 _ op: OperatorContext) throws -> CommandOutcome {
        if on {
            try db.run("INSERT OR IGNORE INTO group_inboxes (group_id, inbox_id) VALUES (?, ?)", [group.id, inbox.id])
        } else {
            try db.run("DELETE FROM group_inboxes WHERE group_id = ? AND inbox_id = ?", [group.id, inbox.id])
        }
        guard db.changes > 0 else {
            return CommandOutcome(message: "group '\(group.name)' is \(on ? "already" : "not") on inbox \(inbox.phone)",
                                  changed: false)
        }
        // Their inboxes as shown changed: a screen based on the older view is stale.
        for member in moved { try touchMember(member.id) }
        try db.run("UPDATE groups SET version = version + 1 WHERE id = ?", [group.id])
        try appendAudit(op, action: on ? "inbox.assign-group" : "inbox.unassign-group", target: inbox.phone.value,
                        after: [("group", .string(group.name)),
                                (on ? "members-gained" : "members-lost", .array(moved.map { .string($0.email.value) }))])
        let who = counted(moved.count, "member")
        return CommandOutcome(
            message: on ? "group '\(group.name)' now works in \(inbox.phone) (\(inbox.name)): \(who) added"
                        : "group '\(group.name)' no longer works in \(inbox.phone) (\(inbox.name)): \(who) left it",
            changed: true)
    }

    static func grantList(_ grants: Set<Permission>) -> JSONText.Value {
        .array(grants.sorted().map { .string($0.rawValue) })
    }
}
