import TeamTUI
import TermUI

/// The ncurses terminal as the TUI loop's ``Screen``.
public final class CursesScreen: Screen {
    let terminal: Terminal

    public init() throws { terminal = try Terminal() }

    public var size: Size { terminal.size }
    public var glyphs: Glyphs { terminal.glyphs }

    public func draw(_ frame: Frame) {
        terminal.draw(frame.grid, cursor: frame.cursor.map { (x: $0.x, y: $0.y) })
    }

    public func nextInput(timeoutMillis: Int32) -> ScreenInput {
        switch terminal.read(timeoutMillis: timeoutMillis) {
        case .key(let key): .key(key)
        case .timeout: .timeout
        case .hangup: .hangup
        }
    }

    /// The conventional exit status after a hang-up: 128 + the signal
    /// (129 for SIGHUP, also used when the terminal simply vanished).
    public var hangupStatus: Int32 { 128 + (terminal.pendingSignal ?? 1) }

    /// Restores the terminal; call on every way out.
    public func stop() { terminal.stop() }
}
