import TeamCore
import TermUI

/// The overlay on top of the panes, if any. Esc closes each one.
public enum Modal: Equatable {
    case help(scroll: Int)
    case invite(InviteForm)
    case rolePicker(RolePicker)
    case confirmRemove(ConfirmRemove)
    case detail(MemberDetail?, scroll: Int)
}

/// The invite modal: email, role, inboxes (SPEC §4.3).
public struct InviteForm: Equatable {
    public enum Field: Int, CaseIterable, Equatable { case email, role, inboxes }
    public var email = TextField(maxLength: 254)
    /// Roles the guard lets this operator invite, highest first.
    public var roles: [Role]
    public var roleIndex: Int
    /// Inboxes the operator can see.
    public var inboxes: [Inbox]
    public var chosen: Set<InboxID> = []
    public var inboxCursor = 0
    public var field: Field = .email
    /// Set after a refused submit, until the next edit.
    public var error: String?

    public init(roles: [Role], inboxes: [Inbox]) {
        self.roles = roles
        self.inboxes = inboxes
        roleIndex = roles.firstIndex(of: .member) ?? max(0, roles.count - 1)
    }

    public var role: Role? { roles.indices.contains(roleIndex) ? roles[roleIndex] : nil }

    /// Inline validation of the email as typed (nil when fine or still empty).
    public var emailProblem: String? {
        let text = email.value
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do { _ = try EmailAddress(text); return nil } catch { return error.message }
    }
}

/// Picking a new role for a member: every role, with the guard's answer.
public struct RolePicker: Equatable {
    public var member: Member
    public var choices: [Choice]
    public var cursor: Int

    public struct Choice: Equatable {
        public var role: Role
        public var availability: Availability
    }
}

/// Typed confirmation before removing a member.
public struct ConfirmRemove: Equatable {
    public var member: Member
    public var typed = TextField(maxLength: 254)
}
