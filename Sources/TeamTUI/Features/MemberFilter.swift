import TeamCore
import TermUI

/// Typing a member filter after `/`: the list narrows with every key.
enum MemberFilter {
    static let actions: [ActionSpec] = [
        ActionSpec(.filterKeep, keys: [k(.enter)], scopes: [.filter], label: "keep",
                   help: "Keep the filter and go back to the list") { state, _ in
            state.members.filtering = false
            state.relayout()
            state.status = StatusMessage("\(state.members.count) member(s) match '\(state.members.filter.value)'", .info)
            return MemberList.ensureRows(state)
        },
        ActionSpec(.filterClear, keys: [k(.escape)], scopes: [.filter], label: "clear",
                   help: "Clear the filter and show every member") { state, _ in
            MemberList.clearFilter(&state)
        },
        ActionSpec(.filterMoveDown, keys: [k(.down)], scopes: [.filter], label: "down",
                   help: "Move down without leaving the filter", inFooter: false) { state, _ in
            ListKeys.move(&state, by: 1)
        },
        ActionSpec(.filterMoveUp, keys: [k(.up)], scopes: [.filter], label: "up",
                   help: "Move up without leaving the filter", inFooter: false) { state, _ in
            ListKeys.move(&state, by: -1)
        },
        ActionSpec(.filterPageDown, keys: [k(.pageDown)], scopes: [.filter], label: "page down",
                   help: "Page down without leaving the filter", inFooter: false) { state, _ in
            ListKeys.move(&state, by: ListKeys.page(state))
        },
        ActionSpec(.filterPageUp, keys: [k(.pageUp)], scopes: [.filter], label: "page up",
                   help: "Page up without leaving the filter", inFooter: false) { state, _ in
            ListKeys.move(&state, by: -ListKeys.page(state))
        },
        ActionSpec(.filterEdit, keys: [.text], scopes: [.filter], label: "type",
                   help: "Type or paste the filter; Left/Right ^B/^F, Home/End ^A/^E, Alt-B/F by word, ^K ^U ^W to delete", inFooter: false) { state, key in
            var field = state.members.filter
            guard field.apply(key), field != state.members.filter else { return [] }
            state.members.filter = field
            MemberList.applyFilter(&state, keep: state.members.selectedID)
            return MemberList.ensureRows(state)
        },
    ]
}
