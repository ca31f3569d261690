import JSONText
import TeamCore

/// Editing the role matrix of this workspace (`roles set`, `roles reset`).
/// The file holds the whole edited matrix in `role_permissions` while
/// `role_matrix_customised` has its row; without it the shipped matrix applies.
extension SQLiteWorkspace {
    func planRoleDefaults(_ command: TeamCommand, _ op: OperatorContext) throws -> Plan {
        let matrix = try loadMatrix()
        switch command {
        case .setRoleDefaults(let role, let adding, let removing):
            if let both = adding.intersection(removing).sorted().first {
                throw ValidationError(field: "permissions", message: "\(both.rawValue) is both added and removed")
            }
            if adding.isEmpty && removing.isEmpty {
                throw ValidationError(field: "permissions", message: "nothing to change: give +permission or -permission")
            }
            let before = matrix.permissions(of: role)
            let edit = RoleDefaultsEdit(role: role, before: before, after: before.union(adding).subtracting(removing))
            return Plan(action: .editRoleDefaults([edit])) {
                try self.apply([edit], to: matrix, action: "role.set-defaults", target: role.rawValue, op,
                               done: "role defaults changed in this workspace",
                               unchanged: "role \(role.rawValue) already has those defaults")
            }
        case .resetRoleDefaults(let role):
            let edits = (role.map { [$0] } ?? Role.byRank)
                .map { RoleDefaultsEdit(role: $0, before: matrix.permissions(of: $0), after: RoleMatrix.shipped.permissions(of: $0)) }
                .filter { $0.before != $0.after }
            let target = role?.rawValue ?? "all roles"
            return Plan(action: .editRoleDefaults(edits)) {
                try self.apply(edits, to: matrix, action: "role.reset-defaults", target: target, op,
                               done: "restored the shipped defaults",
                               unchanged: "the defaults of \(target) are already the shipped ones")
            }
        default:
            throw TeamError.conflict("not a role-defaults command: \(command)")
        }
    }

    /// `done` heads the message when something changed, `unchanged` is the whole message when nothing did.
    private func apply(_ edits: [RoleDefaultsEdit], to matrix: RoleMatrix, action: String, target: String,
                       _ op: OperatorContext, done: String, unchanged: String) throws -> CommandOutcome {
        let changes = edits.filter { $0.before != $0.after }
        guard !changes.isEmpty else { return CommandOutcome(message: unchanged, changed: false) }
        let edited = changes.reduce(matrix) { $0.setting($1.role, to: $1.after) }
        try store(edited)
        func values(_ side: (RoleDefaultsEdit) -> Set<Permission>) -> AuditValues {
            changes.map { ($0.role.rawValue, Self.grantList(side($0))) }
        }
        try appendAudit(op, action: action, target: target, before: values(\.before), after: values(\.after))
        let lines = changes.map { change in
            let parts = change.added.sorted().map { "+\($0.rawValue)" } + change.removed.sorted().map { "-\($0.rawValue)" }
            return "\(change.role.rawValue) \(parts.joined(separator: " "))"
        }
        return CommandOutcome(message: "\(done): " + lines.joined(separator: "; "), changed: true)
    }

    /// Writes `matrix` as this workspace's; the shipped matrix is stored as "not customised".
    private func store(_ matrix: RoleMatrix) throws {
        try db.run("DELETE FROM role_permissions")
        guard matrix != .shipped else {
            try db.run("DELETE FROM role_matrix_customised")
            return
        }
        for role in Role.byRank {
            for permission in matrix.permissions(of: role).sorted() {
                try db.run("INSERT INTO role_permissions (role, permission) VALUES (?, ?)", [role.rawValue, permission.rawValue])
            }
        }
        try db.run("INSERT OR IGNORE INTO role_matrix_customised (id) VALUES (1)")
    }
}
