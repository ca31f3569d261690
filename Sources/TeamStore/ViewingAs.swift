import TeamCore

/// `--view-as`: the session's operator is replaced by the viewed role or
/// member (effective permissions, assigned inboxes) once the guard has let
/// the real operator look; the handle is read-only (see ``StoreOptions``).
extension SQLiteWorkspace {
    /// Asked on every read, so a workspace-admin demoted meanwhile stops seeing at once.
    func viewedOperator(_ view: ViewAs, by real: OperatorContext) throws -> OperatorContext {
        try check(.viewAs, real)
        switch view {
        case .role(let role):
            // A hypothetical member of the role: no row (id 0 is never a rowid), no groups,
            // no overrides, in no inbox, so private inboxes show only if the role may see them.
            let member = Member(id: 0, email: EmailAddress(stored: "role \(role.rawValue)"), name: "any \(role.rawValue)",
                                role: role, login: nil, status: .active, version: 0)
            let permissions = EffectivePermissions.compute(PermissionSources(role: role, status: .active), matrix: try loadMatrix())
            return OperatorContext(member: member, permissions: permissions, assignedInboxes: [], identity: identity)
        case .member(let email):
            let member = try requireMember(email)
            guard member.isActive else {
                throw TeamError.refused(Refusal(rule: .deactivated,
                    message: "\(email) is deactivated and sees nothing; reactivate them to view the workspace as them"))
            }
            let permissions = EffectivePermissions.compute(try sources(of: member), matrix: try loadMatrix())
            let assigned = Set(try db.all(HotQueries.inboxIDsOfMember, [member.id, member.id]) { $0.int(0) })
            return OperatorContext(member: member, permissions: permissions, assignedInboxes: assigned, identity: identity)
        }
    }

    /// The banner text for ``SessionSnapshot/viewingAs``: "role agent" or "ann@x (agent)".
    func viewingAs(_ op: OperatorContext) -> String? {
        switch viewAs {
        case nil: nil
        case .role(let role): "role \(role.rawValue)"
        case .member: "\(op.member.email) (\(op.member.role.rawValue))"
        }
    }
}
