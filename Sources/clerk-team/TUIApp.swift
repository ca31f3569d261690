import CursesBackend
import Foundation
import TeamCore
import TeamMail
import TeamStore
import TeamTUI
#if canImport(Glibc)
import Glibc
#endif

/// Starts the full-screen interface on a workspace.
enum TUIApp {
    static var hasTerminal: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// `workspace` comes from the opener with `config`'s mail settings (and --read-only) applied.
    static func run(_ workspace: SQLiteWorkspace, mail config: ClerkConfig, lockWait: LockWaitDisplay) throws {
        // Who you are and whether the file is usable are reported before the
        // screen is taken over, as plain errors.
        _ = try workspace.session()
        guard hasTerminal else {
            throw TeamError.invalid(ValidationError(field: "terminal",
                message: "the full-screen interface needs a terminal; for scripts use the subcommands (clerk-team --help)"))
        }
        let screen: CursesScreen
        do {
            screen = try CursesScreen()
        } catch {
            throw TeamError.invalid(ValidationError(field: "terminal", message: "\(error)"))
        }
        let runtime = Runtime(workspace: workspace, deliverMail: { ids in deliver(ids, workspace, config) },
                              reopen: { try workspace.reopen() })
        let end = Loop.run(screen: screen, runtime: runtime, readOnly: workspace.readOnlyReason, lockWait: lockWait)
        screen.stop()
        workspace.withdrawPresence()
        if end == .hangup {
            // A dropped connection or a signal is not a normal quit: say so to scripts.
            throw Refused(code: screen.hangupStatus)
        }
    }

    /// Sends just-queued mail; a failure leaves it queued and says so.
    static func deliver(_ ids: [MailID], _ workspace: SQLiteWorkspace, _ config: ClerkConfig) -> String? {
        do {
            let report = try MailWiring.deliverer(workspace, config).flush(ids: Set(ids))
            if !report.failed.isEmpty {
                return "mail not delivered yet (\(report.failed.first?.detail ?? "error")); it stays queued: clerk-team mail flush"
            }
            return report.delivered.isEmpty ? nil : "mail sent"
        } catch {
            return "mail stays queued (\(error)); see clerk-team mail status"
        }
    }
}
