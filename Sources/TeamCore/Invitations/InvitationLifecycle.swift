/// What can be done to an existing invitation.
public enum InvitationChange: String, Sendable, CaseIterable {
    case resend, revoke, accept
}

/// Why a change does not apply to an invitation in its current state.
public struct LifecycleRefusal: Sendable, Equatable {
    public var message: String
    /// True when the invitation is already where the change would take it
    /// (revoking a revoked one): nothing to do, not an error.
    public var alreadyDone: Bool
}

/// The one rule of the invitation lifecycle, asked by the store before a
/// change, by the CLI and by the TUI before offering it: which changes apply
/// to an invitation in a given *effective* status (a pending invitation past
/// its expiry is `expired`).
///
/// - resend: pending or expired (resending revives an expired one);
/// - revoke: pending or expired (an expired token is already dead, but
///   revoking it keeps it from being revived by a resend);
/// - accept: pending only.
public enum InvitationLifecycle {
    public static func allowedStatuses(_ change: InvitationChange) -> Set<InvitationStatus> {
        switch change {
        case .resend, .revoke: [.pending, .expired]
        case .accept: [.pending]
        }
    }

    /// nil when `change` applies to invitation `id` for `email` in `status`.
    public static func refusal(_ change: InvitationChange, id: Int64, email: EmailAddress,
                               status: InvitationStatus) -> LifecycleRefusal? {
        guard !allowedStatuses(change).contains(status) else { return nil }
        switch change {
        case .resend:
            return LifecycleRefusal(
                message: "invitation #\(id) for \(email) was \(status.rawValue); send a new one with: clerk-team invite \(email) --role ROLE",
                alreadyDone: false)
        case .revoke:
            return LifecycleRefusal(message: "invitation #\(id) for \(email) is already \(status.rawValue)",
                                    alreadyDone: true)
        case .accept:
            return LifecycleRefusal(message: InvitationRules.unusableToken, alreadyDone: false)
        }
    }

    public static func refusal(_ change: InvitationChange, _ invitation: Invitation) -> LifecycleRefusal? {
        refusal(change, id: invitation.id, email: invitation.email, status: invitation.status)
    }
}
