/// One of the fifteen permission keys of SPEC §2.
public enum Permission: String, CaseIterable, Sendable, Codable, Comparable {
    case addInbox = "add-inbox"
    case removeInbox = "remove-inbox"
    case modifyPrivateInbox = "modify-private-inbox"
    case modifyPublicInbox = "modify-public-inbox"
    case viewPrivateInbox = "view-private-inbox"
    case viewPublicInbox = "view-public-inbox"
    case modifyBilling = "modify-billing"
    case modifyTeam = "modify-team"
    case modifyTeamMember = "modify-team-member"
    case addTeamMembers = "add-team-members"
    case removeTeamMembers = "remove-team-members"
    case updateContact = "update-contact"
    case updateProperty = "update-property"
    case viewMessages = "view-messages"
    case deleteMessages = "delete-messages"

    /// Order of declaration, which is the order of the spec's table.
    public var ordinal: Int { Permission.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.ordinal < rhs.ordinal }

    public static func parse(_ text: String) throws(ValidationError) -> Permission {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let permission = Permission(rawValue: key) { return permission }
        throw ValidationError(field: "permission",
            message: "unknown permission '\(text)'; expected one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
