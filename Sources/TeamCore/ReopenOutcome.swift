/// What reopening a workspace file that was replaced under an open interface did.
public enum ReopenOutcome: Equatable, Sendable {
    case reopened
    /// Other interfaces still hold the old file; try again in a moment (why).
    case waiting(String)
}
