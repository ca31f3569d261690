import TermText
import TermUI

/// The key hints, generated from the key table for where keys go now: at
/// the bottom for a pane or the filter, in a window's bottom edge for a window.
enum Footer {
    /// A window's hint line: its keys, greyed ones included, as "Enter send · Esc cancel".
    static func hint(_ state: AppState) -> String {
        Keymap.footer(state).map { "\($0.spec.keys.first?.label ?? "") \($0.spec.label(state))" }.joined(separator: " · ")
    }

    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        // A window carries its own hints, where the eyes are.
        guard state.modal == nil else { return }
        let all = Keymap.footer(state)
        // Help and quit are pinned to the right, so they are never cut off.
        let pinned = all.filter { [.help, .quit].contains($0.spec.id) }
        let pinnedWidth = pinned.reduce(0) { $0 + width($1.spec, state) + 2 }
        var right = rect.maxX - pinnedWidth + 2
        if right < rect.x { right = rect.maxX }
        var x = right
        for entry in pinned where x + width(entry.spec, state) <= rect.maxX {
            put(entry, x: x, y: rect.y, state, &grid)
            x += width(entry.spec, state) + 2
        }
        x = rect.x
        let rest = all.filter { entry in !pinned.contains { $0.spec.id == entry.spec.id } }
        for (index, entry) in rest.enumerated() {
            let cells = width(entry.spec, state)
            // Keep room for a mark saying more actions are in the help.
            let more = index < rest.count - 1 ? TerminalText.width(of: state.glyphs.ellipsis) + 1 : 0
            guard x + cells + more <= right - 2 else {
                grid.put(state.glyphs.ellipsis, x: x, y: rect.y, style: Style(.muted))
                break
            }
            put(entry, x: x, y: rect.y, state, &grid)
            x += cells + 2
        }
    }

    static func width(_ spec: ActionSpec, _ state: AppState) -> Int {
        TerminalText.width(of: spec.keys.first?.label ?? "") + 1 + TerminalText.width(of: spec.label(state))
    }

    static func put(_ entry: (spec: ActionSpec, availability: Availability), x: Int, y: Int, _ state: AppState,
                    _ grid: inout Grid) {
        let key = entry.spec.keys.first?.label ?? ""
        let enabled = entry.availability.isEnabled
        grid.put(key, x: x, y: y, style: Style(enabled ? .accent : .muted, bold: enabled))
        grid.put(entry.spec.label(state), x: x + TerminalText.width(of: key) + 1, y: y, style: Style(enabled ? .normal : .muted))
    }
}
