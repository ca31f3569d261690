import Foundation
import TeamCore

/// `CLERK_TEAM_BUSY_TIMEOUT_MS`: how long a write waits for another
/// operator's transaction. At least 50 (lower values exist for tests of
/// locking; the spec asks for 5 s or more in use), at most 10 minutes.
/// A value outside that, or not a number, is refused by the front end
/// before anything opens, rather than quietly replaced.
public enum BusyTimeout {
    public static let variable = "CLERK_TEAM_BUSY_TIMEOUT_MS"
    public static let defaultMillis: Int32 = 10_000
    public static let range: ClosedRange<Int32> = 50...600_000

    /// The value set in `environment` (unset or empty: the default), or why it cannot be used.
    public static func millis(in environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<Int32, TeamError> {
        guard let raw = environment[variable], !raw.isEmpty else { return .success(defaultMillis) }
        guard let value = Int32(raw), range.contains(value) else {
            let shown = raw.count > 40 ? String(raw.prefix(40)) + "…" : raw
            return .failure(.invalid(ValidationError(field: variable,
                message: "'\(shown)' is not a whole number of milliseconds from \(range.lowerBound) to \(range.upperBound) (unset, a write waits \(defaultMillis))")))
        }
        return .success(value)
    }
}
