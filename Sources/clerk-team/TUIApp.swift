import CursesBackend
import Foundation
import TeamCore
import TeamStore
import TeamTUI
#if canImport(Glibc)
import Glibc
#endif

/// Starts the full-screen interface on a workspace.
enum TUIApp {
    static var hasTerminal: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    static func run(_ workspace: SQLiteWorkspace, readOnly: Bool) throws {
        // Who you are and whether the file is usable are reported before the
        // screen is taken over, as plain errors.
        _ = try workspace.session()
        guard hasTerminal else {
            throw TeamError.invalid(ValidationError(field: "terminal",
                message: "the full-screen interface needs a terminal; for scripts use the subcommands (clerk-team --help)"))
        }
        let screen = CursesScreen()
        defer { screen.stop() }
        Loop.run(screen: screen, runtime: Runtime(workspace: workspace), readOnly: readOnly)
    }
}
