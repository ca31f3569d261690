/// The team as a roster file describes it (`roster export`, `roster apply`):
/// what can be carried from one workspace to another. Logins, versions,
/// invitation tokens and the audit log are not part of it: they belong to
/// one workspace file.
///
/// Every list is kept in one order (members by email, inboxes by number,
/// groups by name ignoring case, roles by rank), so two rosters of the same
/// team are equal and their files identical.
public struct Roster: Sendable, Equatable {
    /// How a role's defaults in this workspace differ from the shipped matrix.
    public struct RoleChange: Sendable, Equatable {
        public var role: Role
        public var added: Set<Permission>
        public var removed: Set<Permission>

        public init(role: Role, added: Set<Permission>, removed: Set<Permission>) {
            self.role = role; self.added = added; self.removed = removed
        }
    }

    public struct InboxEntry: Sendable, Equatable {
        public var phone: PhoneNumber
        public var name: String
        public var visibility: InboxVisibility

        public init(phone: PhoneNumber, name: String, visibility: InboxVisibility) {
            self.phone = phone; self.name = name; self.visibility = visibility
        }
    }

    public struct GroupEntry: Sendable, Equatable {
        public var name: String
        public var grants: Set<Permission>
        /// The inboxes the group is on: its members work there while in it.
        public var inboxes: [PhoneNumber]

        public init(name: String, grants: Set<Permission>, inboxes: [PhoneNumber] = []) {
            self.name = name; self.grants = grants; self.inboxes = inboxes
        }
    }

    /// A member's status, or `invited` for someone with a pending invitation
    /// who has not joined yet.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case active, deactivated, invited
    }

    public struct MemberEntry: Sendable, Equatable {
        public var email: EmailAddress
        /// Nil for an invitation: the invitee names themselves when they accept.
        public var name: String?
        public var role: Role
        public var status: Status
        public var inboxes: [PhoneNumber]
        /// Group names, sorted ignoring case.
        public var groups: [String]
        /// Per-member overrides.
        public var grants: Set<Permission>
        public var revokes: Set<Permission>

        public init(email: EmailAddress, name: String?, role: Role, status: Status, inboxes: [PhoneNumber] = [],
                    groups: [String] = [], grants: Set<Permission> = [], revokes: Set<Permission> = []) {
            self.email = email; self.name = name; self.role = role; self.status = status
            self.inboxes = inboxes; self.groups = groups; self.grants = grants; self.revokes = revokes
        }
    }

    /// Only roles whose defaults differ from the shipped matrix, highest rank first.
    public var roles: [RoleChange]
    public var inboxes: [InboxEntry]
    public var groups: [GroupEntry]
    public var members: [MemberEntry]

    public init(roles: [RoleChange] = [], inboxes: [InboxEntry] = [], groups: [GroupEntry] = [],
                members: [MemberEntry] = []) {
        self.roles = roles; self.inboxes = inboxes; self.groups = groups; self.members = members
    }

    /// The same roster with every list in its one order.
    public func sorted() -> Roster {
        var copy = self
        copy.roles.sort { $0.role.rank > $1.role.rank }
        copy.inboxes.sort { $0.phone < $1.phone }
        copy.groups.sort { Self.groupOrder($0.name, $1.name) }
        for index in copy.groups.indices { copy.groups[index].inboxes.sort() }
        copy.members.sort { $0.email < $1.email }
        for index in copy.members.indices {
            copy.members[index].inboxes.sort()
            copy.members[index].groups.sort(by: Self.groupOrder)
        }
        return copy
    }

    /// Group names by name ignoring case, then exactly (as `groups list`).
    public static func groupOrder(_ a: String, _ b: String) -> Bool {
        (a.lowercased(), a) < (b.lowercased(), b)
    }

    /// The role matrix this roster asks for: the shipped one with its changes.
    public var matrix: RoleMatrix {
        var table = RoleMatrix.shipped.permissions
        for change in roles {
            table[change.role] = (table[change.role] ?? []).union(change.added).subtracting(change.removed)
        }
        return RoleMatrix(permissions: table)
    }

    /// The changes of `matrix` against the shipped matrix, for an export.
    public static func roleChanges(_ matrix: RoleMatrix) -> [RoleChange] {
        Role.byRank.compactMap { role in
            let edit = matrix.difference(role)
            return edit.added.isEmpty && edit.removed.isEmpty ? nil
                : RoleChange(role: role, added: edit.added, removed: edit.removed)
        }
    }
}
