/// A group as listed: its grants and how many members it has.
public struct GroupSummary: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var grants: Set<Permission>
    public var memberCount: Int
    /// Bumped on every change of the group (name, grants, members, inboxes).
    public var version: Int64
    /// The inboxes the group is on (those the operator can see), by number:
    /// its members work in them while they are in the group.
    public var inboxes: [PhoneNumber]

    public init(id: Int64, name: String, grants: Set<Permission>, memberCount: Int, version: Int64,
                inboxes: [PhoneNumber] = []) {
        self.id = id; self.name = name; self.grants = grants; self.memberCount = memberCount; self.version = version
        self.inboxes = inboxes
    }
}

/// One group with its members, ordered by name.
public struct GroupDetail: Sendable, Equatable {
    public var summary: GroupSummary
    public var members: [Member]

    public init(summary: GroupSummary, members: [Member]) {
        self.summary = summary; self.members = members
    }
}

extension Group {
    /// Group names are validated like display names (printable, 1-100 characters).
    public static func validName(_ text: String) throws(ValidationError) -> DisplayName {
        try DisplayName(text, field: "group name")
    }

    /// Two names that differ only in case, or in characters that look like a
    /// space or like nothing, name the same group: "Billing" and "billing",
    /// "Night shift" and "Night\u{A0}shift" (see ``DisplayName/key(_:)``).
    public static func sameName(_ a: String, _ b: String) -> Bool {
        DisplayName.key(a) == DisplayName.key(b)
    }
}
