import Foundation
import TeamCore
import TeamMail

/// Everything a workspace handle is opened with, fixed for its lifetime.
///
/// The options are given at open and never set afterwards, so no command can
/// forget one: a handle opened read-only refuses every write, whichever code
/// path holds it.
public struct StoreOptions: Sendable {
    /// Refuse every change (and any schema upgrade) before it starts.
    public var readOnly: Bool
    /// The operator's sender address and default expiry, used when an invitation mail is queued.
    public var mailSettings: MailSettings
    /// The clock every time-dependent rule reads; tests inject one they can move.
    public var clock: @Sendable () -> Timestamp
    /// Told while a write waits for another operator's lock, and may cancel
    /// the wait; without one a write waits up to the busy timeout.
    public var lockWait: (any LockWaitObserver)?
    /// Look through this role's or member's eyes (workspace-admins only); implies read-only.
    public var viewAs: ViewAs?
    /// Who the process runs as, for the `--as` rule (tests stand in for another user).
    public var effectiveUID: UInt32
    /// A command that only reads: the file is opened read-only and never upgraded.
    public var reading = false

    public init(readOnly: Bool = false, mailSettings: MailSettings = MailSettings(),
                clock: @escaping @Sendable () -> Timestamp = StoreOptions.systemClock,
                lockWait: (any LockWaitObserver)? = nil, viewAs: ViewAs? = nil, effectiveUID: UInt32 = geteuid()) {
        self.readOnly = readOnly; self.mailSettings = mailSettings; self.clock = clock
        self.lockWait = lockWait; self.viewAs = viewAs; self.effectiveUID = effectiveUID
    }

    /// Viewing as someone else never changes anything.
    var refusesWrites: Bool { readOnly || viewAs != nil || reading }

    /// Why a write is refused, naming the flag that made it so.
    var refusal: String {
        viewAs != nil ? "read-only while viewing as someone else (--view-as)"
            : readOnly ? "read-only mode (--read-only)" : "this command only reads"
    }

    @Sendable public static func systemClock() -> Timestamp {
        Timestamp(seconds: Int64(Date().timeIntervalSince1970))
    }

    /// Refuses creating (or replacing) a workspace file under `--read-only`:
    /// `what` names the change, `untouched` says what was left alone.
    func refuseCreatingIfReadOnly(_ what: String, untouched: String = "nothing was created") throws {
        if refusesWrites { throw TeamError.storage("\(refusal): \(what) is a change; \(untouched)") }
    }
}
