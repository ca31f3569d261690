import TermText
import TermUI

/// The key hints, generated from the key table for where keys go now: at
/// the bottom for a pane or the filter, in a window's bottom edge for a window.
enum Footer {
    /// A window's hint line: its keys, greyed ones included, as "Enter send · Esc cancel".
    static func hint(_ state: AppState) -> String {
        Keymap.footer(state).map { "\($0.spec.hintKey(state.glyphs)) \($0.spec.label(state))" }
            .joined(separator: " \(state.glyphs.dot) ")
    }

    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        // A window carries its own hints, where the eyes are.
        guard state.modal == nil else { return }
        let all = Keymap.footer(state)
        // Help and quit are pinned to the right; help stays even when quit cannot.
        var pinned = all.filter { [.help, .quit].contains($0.spec.id) }
        func pinnedWidth() -> Int { pinned.reduce(0) { $0 + width($1.spec, state) + 2 } - 2 }
        while pinned.count > 1 && pinnedWidth() > rect.width { pinned.removeLast() }
        var right = rect.maxX - pinnedWidth()
        if right < rect.x { right = rect.maxX }
        var x = right
        for entry in pinned where x + width(entry.spec, state) <= rect.maxX {
            put(entry, x: x, y: rect.y, state, &grid)
            x += width(entry.spec, state) + 2
        }
        let rest = all.filter { entry in !pinned.contains { $0.spec.id == entry.spec.id } }
        let shown = fitting(rest, room: right - 2 - rect.x, state)
        x = rect.x
        for entry in shown {
            put(entry, x: x, y: rect.y, state, &grid)
            x += width(entry.spec, state) + 2
        }
        if shown.count < rest.count, x + TerminalText.width(of: state.glyphs.ellipsis) <= right - 2 {
            // More actions are in the help.
            grid.put(state.glyphs.ellipsis, x: x, y: rect.y, style: Style(.muted))
        }
    }

    /// The most useful hints that fit in `room` cells (with the mark for
    /// more when some are left out), most useful first.
    static func fitting(_ entries: [(spec: ActionSpec, availability: Availability)], room: Int,
                        _ state: AppState) -> [(spec: ActionSpec, availability: Availability)] {
        let ranked = entries.enumerated().sorted { ($0.element.spec.priority, $0.offset) < ($1.element.spec.priority, $1.offset) }
        let more = TerminalText.width(of: state.glyphs.ellipsis)
        var chosen: [(spec: ActionSpec, availability: Availability)] = []
        var used = 0
        for (index, entry) in ranked.enumerated() {
            let cells = width(entry.element.spec, state) + 2
            let leftOut = index < ranked.count - 1 ? more : 0
            // Strictly by usefulness: a less useful hint never takes the place of a more useful one.
            guard used + cells + leftOut <= room + 2 else { break }
            chosen.append(entry.element)
            used += cells
        }
        return chosen
    }

    static func width(_ spec: ActionSpec, _ state: AppState) -> Int {
        TerminalText.width(of: spec.hintKey(state.glyphs)) + 1 + TerminalText.width(of: spec.label(state))
    }

    static func put(_ entry: (spec: ActionSpec, availability: Availability), x: Int, y: Int, _ state: AppState,
                    _ grid: inout Grid) {
        let key = entry.spec.hintKey(state.glyphs)
        let enabled = entry.availability.isEnabled
        grid.put(key, x: x, y: y, style: Style(enabled ? .accent : .muted, bold: enabled))
        grid.put(entry.spec.label(state), x: x + TerminalText.width(of: key) + 1, y: y, style: Style(enabled ? .normal : .muted))
    }
}
