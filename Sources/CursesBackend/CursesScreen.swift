import TermUI

/// The ncurses terminal as a ``TerminalScreen``: frames in, input out.
public final class CursesScreen: TerminalScreen {
    let terminal: Terminal

    public init() throws { terminal = try Terminal() }

    public var size: Size { terminal.size }
    public var glyphs: Glyphs { terminal.glyphs }

    public func draw(_ frame: Frame) {
        terminal.draw(frame.grid, cursor: frame.cursor.map { (x: $0.x, y: $0.y) })
    }

    public func redrawAll() { terminal.invalidate() }

    public func nextInput(timeoutMillis: Int32) -> TerminalInput {
        terminal.read(timeoutMillis: timeoutMillis)
    }

    /// The conventional exit status after a hang-up: 128 + the signal
    /// (129 for SIGHUP, also used when the terminal simply vanished).
    public var hangupStatus: Int32 { 128 + (terminal.pendingSignal ?? 1) }

    /// Restores the terminal; call on every way out.
    public func stop() { terminal.stop() }
}
