import TeamCore

extension RosterPlan {
    /// The plan that makes `current` (a workspace as `TeamWorkspace.roster()`
    /// reads it) match `desired` (a file). Pure: the guard is asked later,
    /// by `decideAll` for a dry run and for each step in turn when it runs.
    ///
    /// What the file lists is made so. What the workspace has beyond it
    /// (members, invitations, assignments, group memberships, overrides,
    /// group grants, groups, role-default changes) is taken away only with
    /// `prune`; inboxes never are (an inbox holds conversations: `inboxes
    /// remove` is a decision of its own). Someone the file lists who is not a
    /// member is invited with their role and inboxes; the rest of their
    /// entry waits until they accepted and the file is applied again.
    ///
    /// Steps run in an order where each makes the next possible: what gives
    /// first (role defaults, inboxes, groups, promotions, access, invitations),
    /// what takes away after (demotions, revokes, deactivations, pruning),
    /// and role defaults removed last, so the operator keeps what they need.
    public static func make(from current: Roster, to desired: Roster, prune: Bool,
                            operator me: EmailAddress?) throws(TeamError) -> RosterPlan {
        var planner = Planner(current: current.sorted(), desired: desired.sorted(), prune: prune, me: me)
        try planner.roleDefaults()
        try planner.inboxes()
        try planner.groups()
        try planner.members()
        return planner.plan()
    }
}

/// Order of the phases a step runs in (see ``RosterPlan/make(from:to:prune:operator:)``).
private enum Phase: Int, Comparable {
    case addDefaults, inboxes, groups, promote, access, invite, takeAway, prune, removeDefaults

    static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.rawValue < rhs.rawValue }
}

private struct Planner {
    let current: Roster
    let desired: Roster
    let prune: Bool
    let me: EmailAddress?
    var staged: [(phase: Phase, step: RosterPlan.Step)] = []
    var notes = RosterPlan()
    /// Inboxes and groups this plan creates (group names lowercased).
    var newInboxes: Set<PhoneNumber> = []
    var newGroups: Set<String> = []

    init(current: Roster, desired: Roster, prune: Bool, me: EmailAddress?) {
        self.current = current; self.desired = desired; self.prune = prune; self.me = me
    }

    mutating func add(_ phase: Phase, _ command: TeamCommand, _ text: String, _ kind: RosterPlan.Kind, needs: Bool = false) {
        staged.append((phase, RosterPlan.Step(command, text, kind, needsEarlierStep: needs)))
    }

    /// Steps by phase, then by kind (all assignments together), then as planned (by email, number, name).
    func plan() -> RosterPlan {
        var result = notes
        result.steps = staged.enumerated().sorted { a, b in
            (a.element.phase, a.element.step.kind, a.offset) < (b.element.phase, b.element.step.kind, b.offset)
        }.map(\.element.step)
        return result
    }

    // MARK: - Roles

    mutating func roleDefaults() throws(TeamError) {
        let now = current.matrix, wanted = desired.matrix
        for role in Role.byRank {
            let have = now.permissions(of: role)
            var adding: Set<Permission>, removing: Set<Permission>
            if prune {
                adding = wanted.permissions(of: role).subtracting(have)
                removing = have.subtracting(wanted.permissions(of: role))
            } else {
                let change = desired.roles.first { $0.role == role }
                adding = (change?.added ?? []).subtracting(have)
                removing = (change?.removed ?? []).intersection(have)
            }
            if !adding.isEmpty {
                add(.addDefaults, .setRoleDefaults(role: role, adding: adding, removing: []),
                    "change \(role.rawValue)'s defaults: " + adding.sorted().map { "+\($0.rawValue)" }.joined(separator: " "), .roleDefaults)
            }
            if !removing.isEmpty {
                add(.removeDefaults, .setRoleDefaults(role: role, adding: [], removing: removing),
                    "change \(role.rawValue)'s defaults: " + removing.sorted().map { "-\($0.rawValue)" }.joined(separator: " "), .roleDefaults)
            }
        }
    }

    // MARK: - Inboxes

    mutating func inboxes() throws(TeamError) {
        let existing = Dictionary(current.inboxes.map { ($0.phone, $0) }, uniquingKeysWith: { a, _ in a })
        for inbox in desired.inboxes {
            let name = try displayName(inbox.name, "inbox name")
            guard let have = existing[inbox.phone] else {
                newInboxes.insert(inbox.phone)
                add(.inboxes, .addInbox(phone: inbox.phone, name: name, visibility: inbox.visibility),
                    "add \(inbox.visibility.rawValue) inbox \(inbox.phone) (\(inbox.name))", .inboxAdded)
                continue
            }
            if have.name != inbox.name {
                add(.inboxes, .renameInbox(phone: inbox.phone, name: name),
                    "rename inbox \(inbox.phone) to \(inbox.name) (was \(have.name))", .inboxChanged)
            }
            if have.visibility != inbox.visibility {
                add(.inboxes, .setInboxVisibility(phone: inbox.phone, visibility: inbox.visibility),
                    "make inbox \(inbox.phone) \(inbox.visibility.rawValue) (was \(have.visibility.rawValue))", .inboxChanged)
            }
        }
    }

    // MARK: - Groups

    mutating func groups() throws(TeamError) {
        let existing = Dictionary(current.groups.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for group in desired.groups {
            let name = try displayName(group.name, "group name")
            let have = existing[group.name.lowercased()]
            if let have, have.name != group.name {
                add(.groups, .renameGroup(group: try displayName(have.name, "group name"), to: name),
                    "rename group '\(have.name)' to '\(group.name)'", .groupChanged)
            } else if have == nil {
                newGroups.insert(group.name.lowercased())
                add(.groups, .createGroup(name: name), "create group '\(group.name)'", .groupCreated)
            }
            let isNew = have == nil
            for permission in group.grants.subtracting(have?.grants ?? []).sorted() {
                add(.groups, .grantToGroup(group: name, permission: permission),
                    "group '\(group.name)': grant \(permission.rawValue)", .groupChanged, needs: isNew)
            }
            // With the other access, before memberships: each is checked like assigning its members.
            for phone in group.inboxes where !(have?.inboxes ?? []).contains(phone) {
                add(.access, .assignGroup(group: name, inbox: phone), "put group '\(group.name)' on inbox \(phone)",
                    .groupOnInbox, needs: isNew || newInboxes.contains(phone))
            }
            guard prune, let have else { continue }
            for phone in have.inboxes where !group.inboxes.contains(phone) {
                add(.prune, .unassignGroup(group: name, inbox: phone), "take group '\(group.name)' off inbox \(phone)",
                    .groupOffInbox)
            }
            for permission in have.grants.subtracting(group.grants).sorted() {
                add(.prune, .revokeFromGroup(group: name, permission: permission),
                    "group '\(group.name)': stop granting \(permission.rawValue)", .groupChanged)
            }
        }
        guard prune else { return }
        let wanted = Set(desired.groups.map { $0.name.lowercased() })
        for group in current.groups where !wanted.contains(group.name.lowercased()) {
            add(.prune, .deleteGroup(group: try displayName(group.name, "group name")),
                "delete group '\(group.name)'", .groupDeleted)
        }
    }

    // MARK: - Members

    mutating func members() throws(TeamError) {
        let existing = Dictionary(current.members.map { ($0.email, $0) }, uniquingKeysWith: { a, _ in a })
        for entry in desired.members {
            switch existing[entry.email] {
            case let have? where have.status != .invited: try member(entry, have)
            case let pending: invitee(entry, pending)
            }
        }
        guard prune else { return }
        let wanted = Set(desired.members.map(\.email))
        for have in current.members where !wanted.contains(have.email) {
            if have.status == .invited {
                add(.prune, .revokeInvitation(.email(have.email)), "revoke the pending invitation of \(have.email)", .invitationRevoked)
            } else if have.email == me {
                notes.keptOperator = have.email
            } else {
                add(.prune, .removeMember(member: have.email), "remove \(have.email)", .memberRemoved)
            }
        }
    }

    /// Someone who is a member here: make their entry so.
    mutating func member(_ entry: Roster.MemberEntry, _ have: Roster.MemberEntry) throws(TeamError) {
        let email = entry.email
        if let name = entry.name, name != have.name {
            add(.promote, .renameMember(member: email, name: try displayName(name, "name")),
                "rename \(email) to \(name)" + (have.name.map { " (was \($0))" } ?? ""), .renamed)
        }
        if entry.role != have.role {
            // Raising first and lowering last keeps the operator's own rank for the steps between.
            add(entry.role > have.role ? .promote : .takeAway, .setRole(member: email, role: entry.role),
                "change \(email)'s role from \(have.role.rawValue) to \(entry.role.rawValue)", .roleChanged)
        }
        switch (entry.status, have.status) {
        case (.active, .deactivated): add(.promote, .reactivate(member: email), "reactivate \(email)", .reactivated)
        case (.deactivated, .active): add(.takeAway, .deactivate(member: email), "deactivate \(email)", .deactivated)
        default: break
        }
        for phone in entry.inboxes where !have.inboxes.contains(phone) {
            add(.access, .assign(member: email, inbox: phone), "assign \(email) to \(phone)", .assigned,
                needs: newInboxes.contains(phone))
        }
        let haveGroups = Set(have.groups.map { $0.lowercased() })
        for group in entry.groups where !haveGroups.contains(group.lowercased()) {
            add(.access, .addToGroup(group: try displayName(group, "group name"), member: email),
                "add \(email) to group '\(group)'", .addedToGroup, needs: newGroups.contains(group.lowercased()))
        }
        for permission in entry.grants.subtracting(have.grants).sorted() {
            add(.access, .grantPermission(member: email, permission: permission),
                "grant \(permission.rawValue) to \(email)", .overrideSet)
        }
        for permission in entry.revokes.subtracting(have.revokes).sorted() {
            add(.takeAway, .revokePermission(member: email, permission: permission),
                "revoke \(permission.rawValue) from \(email)", .overrideSet)
        }
        guard prune else { return }
        for phone in have.inboxes where !entry.inboxes.contains(phone) {
            add(.prune, .unassign(member: email, inbox: phone), "unassign \(email) from \(phone)", .unassigned)
        }
        let wantedGroups = Set(entry.groups.map { $0.lowercased() })
        let deleted = Set(current.groups.map { $0.name.lowercased() }).subtracting(desired.groups.map { $0.name.lowercased() })
        for group in have.groups where !wantedGroups.contains(group.lowercased()) && !deleted.contains(group.lowercased()) {
            add(.prune, .removeFromGroup(group: try displayName(group, "group name"), member: email),
                "take \(email) out of group '\(group)'", .removedFromGroup)
        }
        for permission in have.grants.union(have.revokes).subtracting(entry.grants.union(entry.revokes)).sorted() {
            add(.prune, .resetPermission(member: email, permission: permission),
                "drop \(email)'s override of \(permission.rawValue)", .overrideDropped)
        }
    }

    /// Someone who is not a member here (perhaps invited already).
    mutating func invitee(_ entry: Roster.MemberEntry, _ pending: Roster.MemberEntry?) {
        let email = entry.email
        if entry.status == .deactivated {
            if pending == nil {
                notes.notInvited.append(email)
            } else if prune {
                add(.prune, .revokeInvitation(.email(email)), "revoke the pending invitation of \(email)", .invitationRevoked)
            } else {
                notes.waiting.append(RosterPlan.Waiting(email: email, then: ["deactivate"]))
            }
            return
        }
        let same = pending.map { $0.role == entry.role && Set($0.inboxes) == Set(entry.inboxes) } ?? false
        if !same {
            let to = entry.inboxes.isEmpty ? "" : " to " + entry.inboxes.map(\.value).joined(separator: ", ")
            let text = pending == nil ? "invite \(email) as \(entry.role.rawValue)\(to)"
                : "invite \(email) again as \(entry.role.rawValue)\(to) (replaces the pending invitation)"
            add(.invite, .invite(email: email, role: entry.role, inboxes: entry.inboxes), text, .invited,
                needs: entry.inboxes.contains(where: newInboxes.contains))
        }
        let later = entry.groups.map { "group '\($0)'" } + entry.grants.sorted().map { "grant \($0.rawValue)" }
            + entry.revokes.sorted().map { "revoke \($0.rawValue)" }
        if !later.isEmpty { notes.waiting.append(RosterPlan.Waiting(email: email, then: later)) }
    }

    func displayName(_ text: String, _ field: String) throws(TeamError) -> DisplayName {
        do { return try DisplayName(text, field: field) } catch { throw TeamError.invalid(error) }
    }
}
