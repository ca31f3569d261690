import CNCurses
import Foundation
import TermText
import TermUI

/// The only code that talks to ncurses: draws a ``Grid`` (only the cells that
/// changed, then one `doupdate`) and turns input into ``Key``s.
public final class Terminal {
    public private(set) var size: Size
    public let glyphs: Glyphs
    /// False when the locale cannot encode non-ASCII text (e.g. `LC_ALL=C`).
    let utf8Text: Bool
    public let colours: Bool
    private var previous: Grid?
    private var stopped = false
    private var immediateErrors = 0
    private let palette: Palette

    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Initialises the terminal: locale, raw keys, no echo, colours or not.
    public init() throws {
        setlocale(LC_ALL, "")
        let codeset = String(cString: clerk_codeset())
        let utf8 = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        // Terminals of the VT100 family have no Unicode line drawing even under a
        // UTF-8 locale; they get the ASCII set, text still in UTF-8.
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        let legacy = ["vt52", "vt100", "vt102", "vt220", "ansi", "dumb"].contains { term.hasPrefix($0) }
        utf8Text = utf8
        glyphs = utf8 && !legacy ? .unicode : .ascii
        let termName = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if termName.isEmpty || termName == "dumb" {
            throw StartError(description: "terminal type '\(termName.isEmpty ? "(unset)" : termName)' cannot show a full-screen interface; set TERM (e.g. xterm-256color) or use the subcommands")
        }
        clerk_install_signal_handlers()
        guard clerk_newterm() != nil else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw StartError(description: "cannot drive terminal type '\(term)'; set TERM to your terminal (e.g. xterm-256color)")
        }
        raw()
        noecho()
        nonl()
        keypad(clerk_stdscr(), true)
        // Pasted text arrives marked, so a pasted Enter can never submit a form.
        clerk_define_paste_keys()
        clerk_bracketed_paste(1)
        set_escdelay(25)
        curs_set(0)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        colours = !noColor && has_colors()
        if colours {
            start_color()
            use_default_colors()
        }
        palette = Palette(colours: colours, manyColours: colours && clerk_colors() >= 16)
        palette.install()
        _ = mousemask(clerk_mouse_mask(), nil)
        // What a crash writes to put the terminal back: mouse and paste off, plain
        // text, cursor shown, keypad and alternate screen left.
        let capabilities: [String] = ["sgr0", "cnorm", "rmkx", "rmcup"]
        let restore = "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1006l\u{1b}[?2004l"
            + capabilities.map { name in String(cString: clerk_terminfo_string(name)) }.joined()
        clerk_set_restore_sequence(restore)
        clerk_install_fatal_handlers()
        mouseinterval(0)
        size = Size(cols: Int(clerk_getmaxx(clerk_stdscr())), rows: Int(clerk_getmaxy(clerk_stdscr())))
    }

    deinit { stop() }

    /// The termination signal that ended input, if one did (SIGHUP, SIGTERM…).
    public var pendingSignal: Int32? {
        let signal = clerk_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Restores the terminal. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        clerk_bracketed_paste(0)
        curs_set(1)
        endwin()
    }

    /// The next draw clears the terminal and writes every cell (after
    /// something else wrote to it, or line noise garbled it).
    public func invalidate() {
        previous = nil
        werase(clerk_stdscr())
        clearok(clerk_stdscr(), true)
    }

    /// Draws `grid`, writing only what changed since the last draw.
    /// `cursor` places a visible cursor (text input); nil hides it.
    public func draw(_ grid: Grid, cursor: (x: Int, y: Int)? = nil) {
        if grid.size != previous?.size {
            werase(clerk_stdscr())
            previous = nil
        }
        for run in GridDiff.runs(from: previous, to: grid) {
            // Cells of a run are consecutive columns; a wide cell's continuation is skipped.
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                write(cell, x: run.x + offset, y: run.y)
            }
        }
        previous = grid
        if let cursor {
            curs_set(1)
            wmove(clerk_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(clerk_stdscr())
        doupdate()
    }

    /// Waits up to `timeoutMillis` for a key.
    public func read(timeoutMillis: Int32) -> TerminalInput {
        if clerk_pending_signal() != 0 { return .hangup }
        wtimeout(clerk_stdscr(), timeoutMillis)
        var character: wint_t = 0
        let started = Date()
        let result = wget_wch(clerk_stdscr(), &character)
        if clerk_pending_signal() != 0 { return .hangup }
        if result == ERR {
            // ERR at once although nothing arrived, with input "readable" or
            // hung up, means end of file or a dead terminal: stop, don't spin.
            let immediate = Date().timeIntervalSince(started) * 1000 < Double(timeoutMillis) / 2
            if clerk_terminal_gone() != 0 { return .hangup }
            if immediate && (clerk_input_readable() != 0 || clerk_errno() == EIO) {
                immediateErrors += 1
                if immediateErrors >= 3 { return .hangup }
            } else {
                immediateErrors = 0
            }
            return .timeout
        }
        immediateErrors = 0
        if result == KEY_CODE_YES {
            if Int32(character) == clerk_key_paste_start() { return .key(.paste(readPaste())) }
            return decodeKeyCode(Int32(character))
        }
        if character == 27, let alt = readAltCharacter() { return .key(.alt(alt)) }
        return .key(KeyDecoder.character(UInt32(character)))
    }

    /// The text of a bracketed paste, up to its end mark (or a pause, or 64k characters).
    private func readPaste() -> String {
        var text = String.UnicodeScalarView()
        wtimeout(clerk_stdscr(), 200)
        while text.count < 65_536 {
            var character: wint_t = 0
            let result = wget_wch(clerk_stdscr(), &character)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if Int32(character) == clerk_key_paste_end() { break }
                continue
            }
            if let scalar = Unicode.Scalar(UInt32(character)) { text.append(scalar) }
        }
        return String(text)
    }

    /// After ESC: a character already waiting is Alt plus that character;
    /// anything else is put back and the ESC stands alone.
    private func readAltCharacter() -> Character? {
        wtimeout(clerk_stdscr(), 0)
        var next: wint_t = 0
        let result = wget_wch(clerk_stdscr(), &next)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            ungetch(Int32(next))
            return nil
        }
        guard next >= 0x20, next != 0x7F, let scalar = Unicode.Scalar(UInt32(next)) else {
            unget_wch(wchar_t(bitPattern: next))
            return nil
        }
        return Character(scalar)
    }

    private func decodeKeyCode(_ code: Int32) -> TerminalInput {
        if code == clerk_key_resize() {
            size = Size(cols: Int(clerk_getmaxx(clerk_stdscr())), rows: Int(clerk_getmaxy(clerk_stdscr())))
            previous = nil
            return .key(.resize)
        }
        if code == clerk_key_mouse() {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .timeout }
            if clerk_mouse_is_wheel_up(event.bstate) != 0 { return .key(.mouseScroll(down: false)) }
            if clerk_mouse_is_wheel_down(event.bstate) != 0 { return .key(.mouseScroll(down: true)) }
            if clerk_mouse_is_click(event.bstate) != 0 { return .key(.mouseClick(x: Int(event.x), y: Int(event.y))) }
            return .timeout
        }
        for n in 1...12 where code == clerk_key_f(Int32(n)) { return .key(.function(n)) }
        return KeyDecoder.keyCode(code).map(TerminalInput.key) ?? .timeout
    }

    private func write(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = palette.attributes(for: cell.style)
        var text = cell.text
        // Non-UTF-8 terminals get '?' for what they cannot show; so does any
        // character whose width libc disagrees with (alignment over beauty).
        // Without UTF-8 a letter with marks keeps its base letter: Zalgo text,
        // and accented names (Ó, ñ, ş read O, n, s rather than ?).
        if !utf8Text, cell.width == 1, let base = ASCIIFallback.letter(text) { text = base }
        let scalars = Array(text.unicodeScalars)
        if !scalars.isEmpty {
            // A cell holds one spacing character and the zero-width ones drawn
            // with it (TerminalText.cellUnits); the terminal adds their widths.
            let libcWidth = scalars.reduce(0) { $0 + max(0, Int(clerk_wcwidth(wchar_t(bitPattern: $1.value)))) }
            if (!utf8Text && !text.allSatisfy(\.isASCII)) || libcWidth != Int(cell.width) {
                text = cell.width == 2 ? "??" : "?"
                for (offset, character) in text.enumerated() {
                    put(String(character), x: x + offset, y: y, attributes, pair)
                }
                return
            }
        }
        put(text, x: x, y: y, attributes, pair)
    }

    /// One cell: ncurses keeps a spacing character and at most four combining
    /// ones (CCHARW_MAX); a letter piled with more (Zalgo text) keeps its first four.
    private func put(_ text: String, x: Int, y: Int, _ attributes: attr_t, _ pair: Int16) {
        var wide = text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = clerk_put_cell(Int32(y), Int32(x), wide, attributes, pair)
    }
}
