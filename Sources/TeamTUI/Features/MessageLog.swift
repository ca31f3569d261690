import TermText
import TermUI

/// The message log: every status message of this session in full, newest
/// first, so one cut off by the width (a delivery failure after "mail
/// queued; …") can always be read.
public struct MessageLog: Equatable {
    public var scroll = 0
    public init() {}
}

extension MessageLog {
    static let actions: [ActionSpec] = [
        ActionSpec(.messagesClose, keys: [k(.escape), k("q"), k("m"), k(.enter)], scopes: [.messageWindow], label: "close",
                   help: "Close the message log") { state, _ in
            state.modal = nil
            return []
        },
        ActionSpec(.messagesDown, keys: [k("j"), k(.down)], scopes: [.messageWindow], label: "down", help: "Scroll down",
                   inFooter: false) { state, _ in scroll(&state, by: 1) },
        ActionSpec(.messagesUp, keys: [k("k"), k(.up)], scopes: [.messageWindow], label: "up", help: "Scroll up",
                   inFooter: false) { state, _ in scroll(&state, by: -1) },
    ]

    static let width = 90

    /// The messages as lines: each wrapped whole, errors marked.
    static func lines(_ state: AppState) -> [(String, StatusMessage.Kind)] {
        let room = max(1, min(width, state.layout.windowArea.width) - 2 - 2)
        guard !state.messages.isEmpty else { return [("no messages yet", .info)] }
        return state.messages.flatMap { message in
            TerminalText.wrap(message.text, toWidth: room).enumerated().map { index, part in
                ((index == 0 ? (message.kind == .error ? "! " : state.glyphs.dot + " ") : "  ") + part, message.kind)
            }
        }
    }

    static func scroll(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard case .messages(var log) = state.modal else { return [] }
        let count = lines(state).count
        let visible = max(0, min(count + 2, state.layout.windowArea.height) - 2)
        log.scroll = min(max(0, log.scroll + delta), max(0, count - visible))
        state.modal = .messages(log)
        return []
    }

    static func draw(_ state: AppState, _ log: MessageLog, _ grid: inout Grid) {
        let lines = lines(state)
        let inner = Dialog(title: "Messages, newest first", width: width, height: lines.count + 2, hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        let start = min(log.scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let style: Style = switch line.1 {
            case .error: Style(.danger)
            case .success: Style(.success)
            case .info: .normal
            }
            grid.put(line.0, x: inner.x, y: inner.y + row, style: style, maxWidth: inner.width)
        }
    }
}
