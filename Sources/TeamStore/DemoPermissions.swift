import TeamCore

/// The demo's groups and overrides, so a new user sees the permission model
/// at once. Made through `perform` as the demo's workspace-admin (guarded and
/// audited like any operator's change), a dozen commands whatever the size.
extension SQLiteWorkspace {
    func addDemoPermissions() throws {
        let agents = try firstActive(.agent, limit: 4)
        let managers = try firstActive(.manager, limit: 1)
        let admins = try firstActive(.admin, limit: 1)

        // Agents working nights cover for everyone: they need the private inboxes.
        let night = try Group.validName("Night shift")
        _ = try perform(.createGroup(name: night))
        _ = try perform(.grantToGroup(group: night, permission: .viewPrivateInbox))
        for agent in agents.prefix(3) { _ = try perform(.addToGroup(group: night, member: agent)) }
        // ...and the night shift works the escalations line as a group: whoever joins it works there too.
        if let escalations = try db.first("SELECT phone FROM inboxes WHERE name = 'Escalations'", [], { PhoneNumber(stored: $0.text(0)) }) {
            _ = try perform(.assignGroup(group: night, inbox: escalations))
        }

        // Billing is an admin's job in the shipped matrix; a group hands it to a manager.
        let billing = try Group.validName("Billing")
        _ = try perform(.createGroup(name: billing))
        _ = try perform(.grantToGroup(group: billing, permission: .modifyBilling))
        for manager in managers { _ = try perform(.addToGroup(group: billing, member: manager)) }

        // The shipped admin role cannot read messages; this one may.
        for admin in admins { _ = try perform(.grantPermission(member: admin, permission: .viewMessages)) }
        // An agent who may no longer remove team members (the shipped agent role may).
        if agents.count > 3 { _ = try perform(.revokePermission(member: agents[3], permission: .removeTeamMembers)) }
        // A revoke beats a group grant: this night-shift agent sees only the private inbox the group works in.
        if agents.count > 2 { _ = try perform(.revokePermission(member: agents[2], permission: .viewPrivateInbox)) }
    }

    /// The first `limit` active members of `role`, in the order they were made.
    private func firstActive(_ role: Role, limit: Int) throws -> [EmailAddress] {
        try db.all("SELECT email FROM members WHERE role = ? AND status = 'active' ORDER BY id LIMIT ?",
                   [role.rawValue, limit]) { EmailAddress(stored: $0.text(0)) }
    }
}
