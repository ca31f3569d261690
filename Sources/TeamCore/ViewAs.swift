/// Whose eyes a workspace-admin borrows to preview the workspace (`--view-as`):
/// a role (a hypothetical member of it with no groups, overrides or private
/// inboxes) or one member as they are.
public enum ViewAs: Sendable, Equatable {
    case role(Role)
    case member(EmailAddress)

    /// A role name, else a member's email.
    public static func parse(_ text: String) throws(ValidationError) -> ViewAs {
        if let role = try? Role.parse(text) { return .role(role) }
        guard text.contains("@") else {
            throw ValidationError(field: "view-as",
                message: "'\(text)' is neither a role (\(Role.byRank.map(\.rawValue).joined(separator: ", "))) nor a member's email")
        }
        return .member(try EmailAddress(text))
    }
}
