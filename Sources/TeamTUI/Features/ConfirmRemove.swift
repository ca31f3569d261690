import TeamCore
import TermUI

/// Typed confirmation before removing a member: their email, exactly.
public struct ConfirmRemove: Equatable {
    public var member: Member
    public var typed = TextField(maxLength: 254)

    public init(member: Member) { self.member = member }

    var matches: Bool { typed.value.trimmingCharacters(in: .whitespaces).lowercased() == member.email.value }
}

extension ConfirmRemove {
    static let actions: [ActionSpec] = [
        ActionSpec(.removeConfirm, keys: [k(.enter)], scopes: [.removeWindow], label: "remove",
                   help: "Remove the member, once their email is typed exactly",
                   availability: { state in
                       guard let confirm = window(state), !confirm.matches else { return .enabled }
                       return .disabled(reason: "type \(confirm.member.email.value) exactly to remove, or Esc to cancel")
                   }) { state, _ in
            guard let confirm = window(state) else { return [] }
            state.modal = nil
            return [.perform(.removeMember(member: confirm.member.email, expectedVersion: confirm.member.version))]
        },
        ActionSpec(.removeCancel, keys: [k(.escape)], scopes: [.removeWindow], label: "cancel",
                   help: "Close without removing anyone") { state, _ in
            state.modal = nil
            state.status = StatusMessage("remove cancelled; nothing changed", .info)
            return []
        },
        ActionSpec(.removeType, keys: [.text], scopes: [.removeWindow], label: "type",
                   help: "Type the member's email", inFooter: false) { state, key in
            guard var confirm = window(state) else { return [] }
            confirm.typed.apply(key)
            state.modal = .confirmRemove(confirm)
            return []
        },
    ]

    static func window(_ state: AppState) -> ConfirmRemove? {
        if case .confirmRemove(let confirm) = state.modal { return confirm }
        return nil
    }

    static func draw(_ state: AppState, _ confirm: ConfirmRemove, _ grid: inout Grid) -> Frame.Cursor? {
        let inner = Dialog(title: "Remove \(confirm.member.name)?", width: 64, height: 6, hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 2, inner.height > 0 else { return nil }
        // The input line is the last row; the explanations take the rows above it that exist.
        let inputY = inner.maxY - 1
        let above = [("This removes the member and their inbox assignments.", Style(.danger)),
                     ("Type \(confirm.member.email.value) to confirm:", Style.normal)]
        for (row, line) in above.prefix(max(0, inner.height - 1)).enumerated() where inner.y + row < inputY {
            grid.put(line.0, x: inner.x, y: inner.y + row, style: line.1, maxWidth: inner.width)
        }
        grid.put(">", x: inner.x, y: inputY, style: Style(.accent, bold: true))
        return TextInput(confirm.typed).draw(&grid, Rect(x: inner.x + 2, y: inputY, width: inner.width - 2, height: 1))
    }
}
