import TeamCore
import TermUI

/// A one-line question: a group's name, a member's email. Checked at the
/// edge as typed; Enter asks the core, which checks everything again.
public struct Prompt: Equatable {
    public enum Purpose: Equatable {
        case createGroup
        case renameGroup(String)
        case addToGroup(String)
        case removeFromGroup(String)
        case bulkAddToGroup
        case bulkRemoveFromGroup
    }

    public var purpose: Purpose
    public var field = TextField(maxLength: 254)
    public var error: String?

    public init(purpose: Purpose) { self.purpose = purpose }

    var title: String {
        switch purpose {
        case .createGroup: "New group"
        case .renameGroup(let name): "Rename group \(name)"
        case .addToGroup(let name): "Add a member to \(name)"
        case .removeFromGroup(let name): "Take a member out of \(name)"
        case .bulkAddToGroup: "Add the marked members to a group"
        case .bulkRemoveFromGroup: "Take the marked members out of a group"
        }
    }

    var label: String {
        switch purpose {
        case .createGroup, .renameGroup, .bulkAddToGroup, .bulkRemoveFromGroup: "Name"
        case .addToGroup, .removeFromGroup: "Email"
        }
    }

    /// The command the typed text makes, or why it cannot make one.
    func command() -> Result<TeamCommand, ValidationError> {
        do {
            switch purpose {
            case .createGroup:
                return .success(.createGroup(name: try Group.validName(field.value)))
            case .renameGroup(let name):
                return .success(.renameGroup(group: try Group.validName(name), to: try Group.validName(field.value)))
            case .addToGroup(let name):
                return .success(.addToGroup(group: try Group.validName(name), member: try EmailAddress(field.value)))
            case .removeFromGroup(let name):
                return .success(.removeFromGroup(group: try Group.validName(name), member: try EmailAddress(field.value)))
            case .bulkAddToGroup, .bulkRemoveFromGroup:
                // Not one command: the name is checked here, the marked members' commands are built after.
                return .success(.createGroup(name: try Group.validName(field.value)))
            }
        } catch let error as ValidationError {
            return .failure(error)
        } catch {
            return .failure(ValidationError(field: label.lowercased(), message: "\(error)"))
        }
    }
}

extension Prompt {
    static let actions: [ActionSpec] = [
        ActionSpec(.promptSubmit, keys: [k(.enter)], scopes: [.promptWindow], label: "ok", help: "Go ahead") { state, _ in
            guard case .prompt(var prompt) = state.modal else { return [] }
            switch prompt.command() {
            case .success(let command):
                switch (prompt.purpose, command) {
                case (.bulkAddToGroup, .createGroup(let name)):
                    state.modal = nil
                    return Marks.prepare(.addToGroup(name.value), &state)
                case (.bulkRemoveFromGroup, .createGroup(let name)):
                    state.modal = nil
                    return Marks.prepare(.removeFromGroup(name.value), &state)
                default:
                    return [.perform(command)]
                }
            case .failure(let error):
                prompt.error = error.message
                state.modal = .prompt(prompt)
                return []
            }
        },
        ActionSpec(.promptCancel, keys: [k(.escape)], scopes: [.promptWindow], label: "cancel",
                   help: "Close without changing anything") { state, _ in
            state.modal = nil
            state.status = StatusMessage("cancelled; nothing changed", .info)
            return []
        },
        ActionSpec(.promptType, keys: [.text], scopes: [.promptWindow], label: "type", help: "Type or paste the answer",
                   inFooter: false) { state, key in
            guard case .prompt(var prompt) = state.modal else { return [] }
            if prompt.field.apply(key) { prompt.error = nil }
            state.modal = .prompt(prompt)
            return []
        },
    ]

    static func draw(_ state: AppState, _ prompt: Prompt, _ grid: inout Grid) -> Frame.Cursor? {
        let inner = Dialog(title: prompt.title, width: 60, height: 5, hint: Footer.hint(state))
            .draw(&grid, in: state.layout.windowArea, glyphs: state.glyphs)
        guard inner.width > 10, inner.height > 0 else { return nil }
        grid.put(prompt.label, x: inner.x, y: inner.y, style: Style(.accent, bold: true), maxWidth: 8)
        let cursor = TextInput(prompt.field, style: Style(.selectionInactive))
            .draw(&grid, Rect(x: inner.x + 8, y: inner.y, width: inner.width - 8, height: 1))
        if let error = prompt.error, inner.height > 1 {
            grid.putCell(error, x: inner.x, y: inner.y + 1, width: inner.width, style: Style(.danger), glyphs: state.glyphs)
        }
        return cursor
    }
}
