import TeamCore

/// Rosters built in code for the file and plan tests.
enum RosterSamples {
    static func email(_ text: String) -> EmailAddress { EmailAddress(stored: text) }
    static func phone(_ text: String) -> PhoneNumber { PhoneNumber(stored: text) }

    static let support = Roster.InboxEntry(phone: phone("+14155550100"), name: "Support", visibility: .public)
    static let vip = Roster.InboxEntry(phone: phone("+14155550190"), name: "VIP", visibility: .private)

    /// A small team with every kind of entry: a changed role default, both
    /// visibilities, a group, overrides, a deactivated member and an invitation.
    static let team = Roster(
        roles: [Roster.RoleChange(role: .admin, added: [.viewMessages], removed: [])],
        inboxes: [support, vip],
        groups: [Roster.GroupEntry(name: "Night shift", grants: [.viewPrivateInbox])],
        members: [
            Roster.MemberEntry(email: email("owner@acme.test"), name: "Olive Owner", role: .workspaceAdmin, status: .active,
                               inboxes: [support.phone]),
            Roster.MemberEntry(email: email("ann@acme.test"), name: "Ann Agent", role: .agent, status: .active,
                               inboxes: [support.phone, vip.phone], groups: ["Night shift"], grants: [.addInbox],
                               revokes: [.removeTeamMembers]),
            Roster.MemberEntry(email: email("dee@acme.test"), name: "Dee Gone", role: .member, status: .deactivated),
            Roster.MemberEntry(email: email("ivy@acme.test"), name: nil, role: .manager, status: .invited,
                               inboxes: [support.phone]),
        ]).sorted()
}
