import TeamTUI
import TermUI

/// The ncurses terminal as the TUI loop's ``Screen``.
public final class CursesScreen: Screen {
    let terminal: Terminal

    public init() { terminal = Terminal() }

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

    /// Restores the terminal; call on every way out.
    public func stop() { terminal.stop() }
}
