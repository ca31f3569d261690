import TeamCore
import TermText
import TermUI

/// The command palette (`:`): type to find any action that can be taken
/// here (from the key table, with its key), or a member by email or an
/// inbox by number to jump to; Enter runs the one under the cursor.
public struct Palette: Equatable {
    public var field = TextField(maxLength: 100)
    public var cursor = 0

    public init() {}

    /// One line of the palette: an action of the view behind it, or a jump.
    enum Item: Equatable {
        case action(ActionID, keys: String, label: String)
        case member(String)
        case inbox(String)
        case quit
    }
}

extension Palette {
    static let actions: [ActionSpec] = [
        ActionSpec(.palette, keys: [k(":")], scopes: [.anywhere], label: "commands",
                   help: "Command palette: find any action here by name, or a member or inbox to jump to", inFooter: false) { state, _ in
            state.modal = .palette(Palette())
            return []
        },
        ActionSpec(.paletteRun, keys: [k(.enter)], scopes: [.paletteWindow], label: "run", help: "Run the line under the cursor") { state, _ in
            guard case .palette(let palette) = state.modal else { return [] }
            let found = items(palette, state)
            guard found.indices.contains(palette.cursor) else { return [] }
            state.modal = nil
            return run(found[palette.cursor], &state)
        },
        ActionSpec(.paletteCancel, keys: [k(.escape)], scopes: [.paletteWindow], label: "close", help: "Close the palette") { state, _ in
            state.modal = nil
            return []
        },
        ActionSpec(.paletteDown, keys: [k(.down), k(.ctrl("n"))], scopes: [.paletteWindow], label: "down", help: "Next line",
                   inFooter: false) { state, _ in move(&state, by: 1) },
        ActionSpec(.paletteUp, keys: [k(.up), k(.ctrl("p"))], scopes: [.paletteWindow], label: "up", help: "Previous line",
                   inFooter: false) { state, _ in move(&state, by: -1) },
        ActionSpec(.paletteType, keys: [.text], scopes: [.paletteWindow], label: "type",
                   help: "Type part of an action's name, `q` or `help`, an email, or a number", inFooter: false) { state, key in
            guard case .palette(var palette) = state.modal else { return [] }
            palette.field.apply(key)
            palette.cursor = 0
            state.modal = .palette(palette)
            return []
        },
    ]

    /// The view behind the palette, whose actions it offers.
    static func behind(_ state: AppState) -> AppState {
        var probe = state
        probe.modal = nil
        return probe
    }

    /// What matches the typed text: the actions available here (never those
    /// the guard hides), then jumps to members and inboxes.
    static func items(_ palette: Palette, _ state: AppState) -> [Item] {
        let typed = palette.field.value.trimmingCharacters(in: .whitespaces).lowercased()
        let view = behind(state)
        var seen = Set<ActionID>()
        var found: [Item] = []
        if typed == "q" || typed == "quit" { found.append(.quit) }
        for spec in Keymap.current(view) where spec.id != .palette && !seen.contains(spec.id) {
            guard !spec.keys.contains(.text), !spec.keys.contains(.paste), !spec.keys.contains(.click),
                  !spec.keys.contains(.wheel), !spec.availability(view).isHidden else { continue }
            let label = spec.label(view)
            guard typed.isEmpty || label.lowercased().contains(typed) || spec.help.lowercased().contains(typed)
                    || spec.id.rawValue.lowercased().contains(typed) else { continue }
            seen.insert(spec.id)
            found.append(.action(spec.id, keys: spec.keyLabels(view.glyphs), label: label + " \(view.glyphs.dash) " + spec.help))
        }
        if typed.count >= 2 {
            if typed.first == "+" || typed.allSatisfy(\.isNumber) {
                found.append(.inbox(typed))
            } else {
                found.append(.member(typed))
            }
        }
        return found
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard case .palette(var palette) = state.modal else { return [] }
        palette.cursor = ListScroll.move(palette.cursor, by: delta, count: items(palette, state).count)
        state.modal = .palette(palette)
        return []
    }

    /// Runs a line: an action as if its key were pressed (the guard is asked again), or a jump.
    static func run(_ item: Item, _ state: inout AppState) -> [Effect] {
        switch item {
        case .quit:
            state.shouldQuit = true
            return []
        case .action(let id, _, _):
            guard let spec = Keymap.all.first(where: { $0.id == id }),
                  let key = spec.keys.compactMap({ if case .key(let key) = $0 { key } else { nil } }).first else { return [] }
            return Keymap.dispatch(key, &state)
        case .member(let text):
            // The member list, filtered to what was typed: the first match selected.
            _ = GlobalKeys.show(.members, &state)
            state.members.filter = TextField(text, maxLength: 100)
            MemberList.applyFilter(&state, keep: nil, fresh: true)
            state.status = StatusMessage("\(state.members.count) member(s) match '\(text)'", .info)
            return MemberList.ensureRows(state)
        case .inbox(let text):
            let effects = GlobalKeys.show(.inboxes, &state)
            if let row = state.inboxes.all.firstIndex(where: { $0.inbox.phone.value.contains(text) }) {
                state.inboxes.list.select(row, count: state.inboxes.all.count, visibleRows: state.layout.listRows)
            } else {
                state.status = StatusMessage("no inbox you can see has '\(text)' in its number", .error)
            }
            return effects
        }
    }

    static func draw(_ state: AppState, _ palette: Palette, _ grid: inout Grid) -> Frame.Cursor? {
        let found = items(palette, state)
        let inner = Dialog(title: "Commands", width: 80, height: max(1, min(found.count, 12)) + 4, hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 4, inner.height > 0 else { return nil }
        grid.put(":", x: inner.x, y: inner.y, style: Style(.accent, bold: true))
        let cursor = TextInput(palette.field).draw(&grid, Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: 1))
        let rows = max(0, inner.height - 2)
        let list = ListState(selection: palette.cursor,
                             offset: ListScroll.offset(selection: palette.cursor, previousOffset: 0, visibleRows: rows, count: found.count))
        Table(columns: [Column("", 14), Column("", inner.width - 15)], headings: false)
            .draw(&grid, Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: rows), glyphs: state.glyphs,
                  count: found.count, list: list) { index in
                let style = Style(index == palette.cursor ? .selection : .normal)
                switch found[index] {
                case .action(_, let keys, let label): return TableRow([keys, label], style: style)
                case .member(let text): return TableRow(["members", "go to members matching '\(text)'"], style: style)
                case .inbox(let text): return TableRow(["inboxes", "go to the inbox with '\(text)' in its number"], style: style)
                case .quit: return TableRow(["q", "quit"], style: style)
                }
            }
        if found.isEmpty {
            grid.put("nothing here matches", x: inner.x, y: inner.y + 2, style: Style(.muted), maxWidth: inner.width)
        }
        return cursor
    }
}
