/// Retry schedule: the first retry is due at once (the next flush), then
/// 1, 2, 4 … minutes, at most an hour apart, for as long as the invitation lives.
public enum MailRetry {
    /// Seconds a claim holds a mail: another flush leaves it alone meanwhile,
    /// and an attempt that crashed is retried once the lease has run out.
    public static let lease: Int64 = 300

    public static func delay(afterFailedAttempt attempt: Int) -> Int64 {
        guard attempt > 1 else { return 0 }
        return min(3_600, 60 << min(attempt - 2, 6))
    }
}
