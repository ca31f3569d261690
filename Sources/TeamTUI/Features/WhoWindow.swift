import TeamCore
import TermText
import TermUI

/// Who else has the workspace open now, from the presence files beside it.
enum WhoWindow {
    static let actions: [ActionSpec] = [
        ActionSpec(.whoClose, keys: [k(.escape), k("q"), k("w"), k(.enter)], scopes: [.whoWindow], label: "close",
                   help: "Close the window") { state, _ in
            state.modal = nil
            return []
        },
    ]

    static func draw(_ state: AppState, _ grid: inout Grid) {
        let entries = state.presence
        let inner = Dialog(title: "Here now: you and \(entries.count) more", width: 84, height: max(1, entries.count) + 3,
                           hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 10, inner.height > 0 else { return }
        let table = Table(columns: [Column("LOGIN", 12), Column("MEMBER", max(10, inner.width - 12 - 17 - 12 - 3)),
                                    Column("SINCE (UTC)", 17), Column("VIEW", 12)])
        table.draw(&grid, inner, glyphs: state.glyphs, count: entries.count, list: ListState()) { index in
            let entry = entries[index]
            let since = String(entry.since.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")
            return TableRow([entry.login, "\(entry.name) <\(entry.email)>", since, entry.screen])
        }
        if entries.isEmpty {
            grid.put("nobody else has it open", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
        }
    }
}
