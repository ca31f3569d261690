/// What a screen draws: the grid and where the text cursor goes (when typing).
public struct Frame: Equatable, Sendable {
    public var grid: Grid
    public var cursor: Cursor?

    public struct Cursor: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public init(x: Int, y: Int) { self.x = x; self.y = y }
    }

    public init(grid: Grid, cursor: Cursor? = nil) { self.grid = grid; self.cursor = cursor }
}

/// What reading the terminal produced.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    /// Nothing within the timeout: time to look for outside changes.
    case timeout
    /// The terminal is gone (SSH drop, EOF, EIO) or a termination signal arrived.
    case hangup
}

/// The terminal as a program loop sees it: frames in, input out. The ncurses
/// backend implements it; nothing above it knows how a terminal is driven.
public protocol TerminalScreen: AnyObject {
    var size: Size { get }
    var glyphs: Glyphs { get }
    func draw(_ frame: Frame)
    /// Forgets what is on the terminal: the next draw clears it and writes every cell.
    func redrawAll()
    func nextInput(timeoutMillis: Int32) -> TerminalInput
}
