import TeamCore
import TermUI

/// The one key table: every feature's entries, in the order the help lists
/// them. Dispatch, the footer, the help window, window hints and the key
/// reference (`clerk-team keys`) are all generated from it.
public enum Keymap {
    public static let all: [ActionSpec] = ListKeys.actions + GlobalKeys.first + MemberList.actions + Marks.actions
        + MemberFilter.actions
        + InboxPane.actions + InvitationsScreen.actions + GlobalKeys.actions
        + GroupsScreen.actions + RolesScreen.actions + AuditScreen.actions + BillingScreen.actions + ContactsScreen.actions
        + ReviewScreen.actions
        + HelpWindow.actions + MessageLog.actions + Prompt.actions + GroupGrants.actions + Palette.actions + WhoWindow.actions + MemberWindow.actions + RolePicker.actions + Confirmation.actions + InviteForm.actions
        + ThreadsScreen.actions + ThreadScreen.actions + InboxesScreen.actions

    /// The scopes keys go to right now, most specific first.
    public static func scopes(_ state: AppState) -> [Scope] {
        switch state.modal {
        case .help: return [.helpWindow, .always]
        case .detail: return [.memberWindow, .always]
        case .messages: return [.messageWindow, .always]
        case .prompt: return [.promptWindow, .always]
        case .grants: return [.grantsWindow, .always]
        case .palette: return [.paletteWindow, .always]
        case .who: return [.whoWindow, .always]
        case .rolePicker: return [.roleWindow, .always]
        case .confirm(let question):
            if case .typed = question.answer { return [.typedConfirmWindow, .always] }
            return [.confirmWindow, .always]
        case .invite(let form): return [form.field.scope, .inviteWindow, .always]
        case nil: break
        }
        if state.lostAccess != nil { return [.noAccess, .always] }
        if state.members.filtering { return [.filter, .always] }
        return [listScope(state), .anywhere, .always]
    }

    /// The scope of the pane with focus, outside windows.
    static func listScope(_ state: AppState) -> Scope {
        switch (state.screen, state.focus) {
        case (.invitations, _): .invitationList
        case (.groups, _): .groupList
        case (.roles, _): .roleMatrix
        case (.audit, _): .auditList
        case (.billing, _): .billingView
        case (.contacts, _): .contactList
        case (.review, _): .reviewList
        case (.inboxes, _): state.thread != nil ? .threadView : state.threads != nil ? .threadList : .inboxList
        case (.members, .members): .memberList
        case (.members, .inboxes): .inboxPane
        }
    }

    /// Entries that apply now, most specific scope first, then table order.
    public static func current(_ state: AppState) -> [ActionSpec] {
        scopes(state).flatMap { scope in all.filter { $0.scopes.contains(scope) } }
    }

    /// The entry a key triggers here, if any.
    public static func action(for key: Key, in state: AppState) -> ActionSpec? {
        current(state).first { spec in spec.keys.contains { $0.matches(key) } }
    }

    /// Runs the key's entry if it is enabled; otherwise says why and changes nothing else.
    static func dispatch(_ key: Key, _ state: inout AppState) -> [Effect] {
        // Esc and a key that arrive together (a fast typist, a script) read as
        // Alt+key; where Alt+key means nothing they are the two keys.
        if case .alt(let character) = key, action(for: key, in: state) == nil {
            let first = dispatch(.escape, &state)
            return first + dispatch(.char(character), &state)
        }
        guard let spec = action(for: key, in: state) else {
            state.status = StatusMessage("\(key.label(state.glyphs)): no action here; press ? for help", .info)
            return []
        }
        switch spec.availability(state) {
        case .enabled:
            let effects = spec.perform(&state, key)
            if effects.contains(where: \.isWrite) {
                state.status = StatusMessage("saving\(state.glyphs.ellipsis) (waits if another operator is writing)", .info)
            }
            return effects
        case .disabled(let reason):
            state.status = StatusMessage("\(spec.label(state)): \(reason)", .error)
            return []
        case .hidden:
            state.status = StatusMessage("\(spec.label(state)): not available to your role", .error)
            return []
        }
    }

    /// Footer entries: every current entry shown in footers that is not hidden,
    /// with its availability, in table order (so the table decides what a narrow footer keeps).
    public static func footer(_ state: AppState) -> [(spec: ActionSpec, availability: Availability)] {
        let here = Set(scopes(state))
        return all.filter { $0.inFooter && !here.isDisjoint(with: $0.scopes) }.compactMap { spec in
            let availability = spec.availability(state)
            return availability.isHidden ? nil : (spec, availability)
        }
    }
}
