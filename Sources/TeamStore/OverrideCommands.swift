import JSONText
import TeamCore

/// Per-member overrides (`permissions grant|revoke|reset`): planned, checked
/// by the guard and applied like every other command (see Commands.swift).
extension SQLiteWorkspace {
    func planOverride(_ command: TeamCommand, _ op: OperatorContext) throws -> Plan {
        switch command {
        case .grantPermission(let email, let permission, let expected):
            let member = try requireFresh(email, expected)
            return Plan(action: .grantPermission(Self.facts(member), permission)) {
                try self.setOverride(member, permission, to: .grant, op)
            }
        case .revokePermission(let email, let permission, let expected):
            let member = try requireFresh(email, expected)
            return Plan(action: .revokePermission(Self.facts(member), permission)) {
                try self.setOverride(member, permission, to: .revoke, op)
            }
        case .resetPermission(let email, let permission, let expected):
            let member = try requireFresh(email, expected)
            // Dropping a revoke can give the permission back: that is giving it, so the guard must know.
            let sources = try sources(of: member)
            var without = sources
            without.overrides.removeAll { $0.permission == permission }
            let matrix = try loadMatrix()
            let restores = !EffectivePermissions.explain(permission, sources, matrix: matrix).held
                && EffectivePermissions.explain(permission, without, matrix: matrix).held
            return Plan(action: .resetPermission(Self.facts(member), permission, restores: restores)) {
                try self.setOverride(member, permission, to: nil, op)
            }
        default:
            throw TeamError.conflict("not an override command: \(command)")
        }
    }

    /// Sets (or with `nil` removes) the member's override of `permission`,
    /// audited with the override and the verdict before and after.
    private func setOverride(_ member: Member, _ permission: Permission, to effect: Override.Effect?,
                             _ op: OperatorContext) throws -> CommandOutcome {
        let matrix = try loadMatrix()
        let before = try sources(of: member)
        let old = before.overrides.first { $0.permission == permission }?.effect
        guard old != effect else {
            let state = effect.map { "already has a \($0.rawValue) override of" } ?? "has no override of"
            return CommandOutcome(message: "\(member.email) \(state) \(permission.rawValue)", changed: false)
        }
        if let effect {
            try db.run("""
                INSERT INTO overrides (member_id, permission, effect) VALUES (?, ?, ?)
                ON CONFLICT (member_id, permission) DO UPDATE SET effect = excluded.effect
                """, [member.id, permission.rawValue, effect.rawValue])
        } else {
            try db.run("DELETE FROM overrides WHERE member_id = ? AND permission = ?", [member.id, permission.rawValue])
        }
        // The member's version moves, so a screen showing their permissions is known stale.
        try touchMember(member.id)
        let heldBefore = EffectivePermissions.explain(permission, before, matrix: matrix).held
        let heldAfter = EffectivePermissions.explain(permission, try sources(of: member), matrix: matrix).held
        func values(_ effect: Override.Effect?, _ held: Bool) -> AuditValues {
            [("permission", .string(permission.rawValue)), ("override", JSONText.Value(effect?.rawValue)), ("held", .bool(held))]
        }
        try appendAudit(op, action: "permission.\(effect?.rawValue ?? "reset")", target: member.email.value,
                        before: values(old, heldBefore), after: values(effect, heldAfter))
        let what = switch effect {
        case .grant: "granted \(permission.rawValue) to \(member.email) (per-member override)"
        case .revoke: "revoked \(permission.rawValue) from \(member.email) (per-member override)"
        case nil: "removed \(member.email)'s \(old?.rawValue ?? "") override of \(permission.rawValue)"
        }
        let verdict = heldAfter ? "they hold it" : "they do not hold it"
        return CommandOutcome(message: "\(what); \(verdict)", changed: true)
    }
}
