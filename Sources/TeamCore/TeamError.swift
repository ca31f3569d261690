/// Every failure the workspace reports to a front end. Each case carries a
/// sentence for a person; the CLI prints it and exits 1.
public enum TeamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Input refused at the edge (field named in the message).
    case invalid(ValidationError)
    /// The guard refused (rule named).
    case refused(Refusal)
    /// No such member/inbox (or one the operator may not see: same words).
    case notFound(String)
    /// Would break a uniqueness or state expectation (duplicate email…).
    case conflict(String)
    /// The row changed since it was shown; nothing was overwritten.
    case stale(String)
    /// Who is operating could not be established or `--as` is not allowed.
    case identity(String)
    /// The workspace file is missing, unreadable, read-only, locked, corrupt or newer.
    case storage(String)
    /// The file this workspace was opened from was replaced or deleted since:
    /// nothing more can be read from or written to it.
    case gone(String)

    public var description: String {
        switch self {
        case .invalid(let error): error.description
        case .refused(let refusal): refusal.description
        case .notFound(let message), .conflict(let message), .stale(let message),
             .identity(let message), .storage(let message), .gone(let message): message
        }
    }
}
