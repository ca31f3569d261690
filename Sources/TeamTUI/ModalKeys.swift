import TeamCore
import TermUI

/// Keys while a modal is open: each modal owns its keys; Esc closes it.
enum ModalKeys {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let modal = state.modal else { return [] }
        switch modal {
        case .help(let scroll):
            switch key {
            case .escape, .char("q"), .char("?"), .enter: state.modal = nil
            case .char("j"), .down: state.modal = .help(scroll: scroll + 1)
            case .char("k"), .up: state.modal = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): state.modal = .help(scroll: scroll + 10)
            case .pageUp: state.modal = .help(scroll: max(0, scroll - 10))
            default: break
            }
            return []
        case .detail(let detail, let scroll):
            switch key {
            case .escape, .char("q"), .enter: state.modal = nil
            case .char("j"), .down: state.modal = .detail(detail, scroll: scroll + 1)
            case .char("k"), .up: state.modal = .detail(detail, scroll: max(0, scroll - 1))
            default: break
            }
            return []
        case .rolePicker(var picker):
            switch key {
            case .escape, .char("q"): state.modal = nil
            case .char("j"), .down: picker.cursor = ListScroll.move(picker.cursor, by: 1, count: picker.choices.count)
            case .char("k"), .up: picker.cursor = ListScroll.move(picker.cursor, by: -1, count: picker.choices.count)
            case .enter, .char(" "):
                guard picker.choices.indices.contains(picker.cursor) else { return [] }
                let choice = picker.choices[picker.cursor]
                if let reason = choice.availability.reason {
                    state.status = StatusMessage("\(choice.role.rawValue): \(reason)", .error)
                    return []
                }
                state.modal = nil
                return [.perform(.setRole(member: picker.member.email, role: choice.role,
                                          expectedVersion: picker.member.version))]
            default: break
            }
            if case .rolePicker = state.modal { state.modal = .rolePicker(picker) }
            return []
        case .confirmRemove(var confirm):
            switch key {
            case .escape:
                state.modal = nil
                state.status = StatusMessage("remove cancelled; nothing changed", .info)
                return []
            case .enter:
                let typed = confirm.typed.value.trimmingCharacters(in: .whitespaces).lowercased()
                guard typed == confirm.member.email.value else {
                    state.status = StatusMessage("type \(confirm.member.email.value) exactly to remove, or Esc to cancel", .error)
                    return []
                }
                state.modal = nil
                return [.perform(.removeMember(member: confirm.member.email, expectedVersion: confirm.member.version))]
            default:
                confirm.typed.apply(key)
                state.modal = .confirmRemove(confirm)
                return []
            }
        case .invite(var form):
            let effects = inviteKey(key, &form, &state)
            if case .invite = state.modal { state.modal = .invite(form) }
            return effects
        }
    }

    static func inviteKey(_ key: Key, _ form: inout InviteForm, _ state: inout AppState) -> [Effect] {
        let fields = InviteForm.Field.allCases
        switch key {
        case .escape:
            state.modal = nil
            state.status = StatusMessage("invitation cancelled", .info)
            return []
        case .tab, .backTab:
            let step = key == .tab ? 1 : fields.count - 1
            form.field = fields[(form.field.rawValue + step) % fields.count]
            return []
        case .enter:
            return submit(&form, &state)
        default:
            break
        }
        switch form.field {
        case .email:
            if form.email.apply(key) { form.error = nil }
        case .role:
            switch key {
            // No wrap-around: a key too many must never turn "member" into "workspace-admin".
            case .char("j"), .down, .right, .char("l"):
                form.roleIndex = ListScroll.move(form.roleIndex, by: 1, count: form.roles.count)
            case .char("k"), .up, .left, .char("h"):
                form.roleIndex = ListScroll.move(form.roleIndex, by: -1, count: form.roles.count)
            default: break
            }
            form.error = nil
        case .inboxes:
            switch key {
            case .char("j"), .down: form.inboxCursor = ListScroll.move(form.inboxCursor, by: 1, count: form.inboxes.count)
            case .char("k"), .up: form.inboxCursor = ListScroll.move(form.inboxCursor, by: -1, count: form.inboxes.count)
            case .char(" "), .char("x"):
                guard form.inboxes.indices.contains(form.inboxCursor) else { break }
                let id = form.inboxes[form.inboxCursor].id
                if form.chosen.contains(id) { form.chosen.remove(id) } else { form.chosen.insert(id) }
                form.error = nil
            default: break
            }
        }
        return []
    }

    /// Validates at the edge, then asks the core (which re-checks everything).
    static func submit(_ form: inout InviteForm, _ state: inout AppState) -> [Effect] {
        let email: EmailAddress
        do {
            email = try EmailAddress(form.email.value)
        } catch {
            form.error = error.message
            form.field = .email
            return []
        }
        guard let role = form.role else {
            form.error = "you cannot invite any role"
            return []
        }
        let phones = form.inboxes.filter { form.chosen.contains($0.id) }.map(\.phone)
        return [.perform(.invite(email: email, role: role, inboxes: phones))]
    }
}
