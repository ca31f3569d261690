import TeamCore
import TermUI

/// Every user action, declared once. The footer, the help overlay and key
/// dispatch are all generated from this table; availability comes from the
/// guard (see ``Ask``), never from a second list of conditions.
public enum ActionID: String, CaseIterable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case filter, sort, invite, changeRole, toggleActive, remove, detail
    case toggleAssignment, resendInvitation, revokeInvitation, focusNext, switchView, help, quit
}

/// Where an action applies.
public enum Scope: String, Sendable, CaseIterable {
    /// Anywhere outside a modal.
    case global
    /// The member list has focus (members screen).
    case memberList
    /// The inbox assignment pane has focus (members screen).
    case inboxPane
    /// The inboxes screen (inboxes with their members).
    case inboxList
    /// The invitations screen.
    case invitationList
}

public struct ActionSpec: Sendable {
    public let id: ActionID
    public let keys: [Key]
    public let scopes: [Scope]
    /// Short label for the footer.
    public let label: @Sendable (AppState) -> String
    /// One line for the help overlay.
    public let help: String
    /// Whether the footer shows it (movement keys live in the help only).
    public let inFooter: Bool
    public let availability: @Sendable (AppState) -> Availability
}

public enum ActionTable {
    static let always: @Sendable (AppState) -> Availability = { _ in .enabled }

    public static let all: [ActionSpec] = [
        ActionSpec(id: .moveDown, keys: [.char("j"), .down], scopes: lists,
                   label: { _ in "down" }, help: "Move down", inFooter: false, availability: always),
        ActionSpec(id: .moveUp, keys: [.char("k"), .up], scopes: lists,
                   label: { _ in "up" }, help: "Move up", inFooter: false, availability: always),
        ActionSpec(id: .pageDown, keys: [.pageDown, .ctrl("f"), .ctrl("d")], scopes: lists,
                   label: { _ in "page down" }, help: "Page down", inFooter: false, availability: always),
        ActionSpec(id: .pageUp, keys: [.pageUp, .ctrl("b"), .ctrl("u")], scopes: lists,
                   label: { _ in "page up" }, help: "Page up", inFooter: false, availability: always),
        ActionSpec(id: .top, keys: [.char("g"), .home], scopes: lists,
                   label: { _ in "top" }, help: "Jump to the first row", inFooter: false, availability: always),
        ActionSpec(id: .bottom, keys: [.char("G"), .end], scopes: lists,
                   label: { _ in "bottom" }, help: "Jump to the last row", inFooter: false, availability: always),
        ActionSpec(id: .filter, keys: [.char("/")], scopes: [.memberList],
                   label: { _ in "filter" }, help: "Filter members by name or email as you type (Esc clears)",
                   inFooter: true, availability: always),
        ActionSpec(id: .sort, keys: [.char("s")], scopes: [.memberList],
                   label: { state in "sort:\(state.members.sort.rawValue)" }, help: "Sort by name, email, role or status",
                   inFooter: true, availability: always),
        ActionSpec(id: .detail, keys: [.enter], scopes: [.memberList],
                   label: { _ in "details" }, help: "Member details: role, login, effective permissions",
                   inFooter: true, availability: { state in
                       state.selectedMember == nil ? .disabled(reason: "no member selected") : .enabled }),
        ActionSpec(id: .invite, keys: [.char("i")], scopes: [.global],
                   label: { _ in "invite" }, help: "Invite a member by email, with a role and inboxes",
                   inFooter: true, availability: { state in
                       let lowest = Guard.invitableRoles(for: state.operatorContext?.facts ?? probeActor).last ?? .member
                       return Ask.availability(.invite(role: lowest, inboxes: []), state) }),
        ActionSpec(id: .changeRole, keys: [.char("r")], scopes: [.memberList],
                   label: { _ in "role" }, help: "Change the selected member's role",
                   inFooter: true, availability: { state in
                       Ask.onSelected(state) { .changeRole($0, to: $0.role) } }),
        ActionSpec(id: .toggleActive, keys: [.char("d")], scopes: [.memberList],
                   label: { state in state.selectedMember?.member.status == .deactivated ? "reactivate" : "deactivate" },
                   help: "Deactivate the selected member (reversible), or reactivate them",
                   inFooter: true, availability: { state in
                       let deactivated = state.selectedMember?.member.status == .deactivated
                       return Ask.onSelected(state) { deactivated ? .reactivate($0) : .deactivate($0) } }),
        ActionSpec(id: .remove, keys: [.char("x")], scopes: [.memberList],
                   label: { _ in "remove" }, help: "Remove the selected member (type their email to confirm)",
                   inFooter: true, availability: { state in Ask.onSelected(state) { .removeMember($0) } }),
        ActionSpec(id: .toggleAssignment, keys: [.char(" "), .enter], scopes: [.inboxPane],
                   label: { state in currentInboxAssigned(state) ? "unassign" : "assign" },
                   help: "Assign the selected member to the inbox under the cursor, or unassign (✓ shows assigned)",
                   inFooter: true, availability: assignmentAvailability),
        ActionSpec(id: .resendInvitation, keys: [.char("r")], scopes: [.invitationList],
                   label: { _ in "resend" }, help: "Resend the selected invitation: new token and expiry, the old token dies",
                   inFooter: true, availability: { state in
                       invitationAvailability(state, .resend) }),
        ActionSpec(id: .revokeInvitation, keys: [.char("x")], scopes: [.invitationList],
                   label: { _ in "revoke" }, help: "Revoke the selected pending or expired invitation",
                   inFooter: true, availability: { state in
                       invitationAvailability(state, .revoke) }),
        ActionSpec(id: .focusNext, keys: [.tab, .backTab, .char("l"), .right, .char("h"), .left],
                   scopes: [.memberList, .inboxPane],
                   label: { state in state.focus == .members ? "inboxes pane" : "members pane" },
                   help: "Move focus between the two panes (Tab, h/l, ←/→)", inFooter: true, availability: always),
        ActionSpec(id: .switchView, keys: [.char("v")], scopes: [.global],
                   label: { state in switch state.screen.next {
                       case .members: "members"
                       case .inboxes: "by inbox"
                       case .invitations: "invitations"
                   } },
                   help: "Switch views: members with their inboxes, inboxes with their members, invitations",
                   inFooter: true, availability: always),
        ActionSpec(id: .help, keys: [.char("?"), .function(1)], scopes: [.global],
                   label: { _ in "help" }, help: "This help", inFooter: true, availability: always),
        ActionSpec(id: .quit, keys: [.char("q"), .ctrl("c")], scopes: [.global],
                   label: { _ in "quit" }, help: "Quit (Esc closes windows and clears the filter)",
                   inFooter: true, availability: always),
    ]

    /// Every list scope, for the moving keys.
    static let lists: [Scope] = [.memberList, .inboxPane, .inboxList, .invitationList]

    /// The guard decides whether the operator may manage invitations at all;
    /// the core's lifecycle rule whether this one can be resent or revoked.
    static func invitationAvailability(_ state: AppState, _ change: InvitationChange) -> Availability {
        let permitted = Ask.availability(.manageInvitation, state)
        guard permitted.isEnabled else { return permitted }
        guard let invitation = state.selectedInvitation?.invitation else { return .disabled(reason: "no invitation selected") }
        if let refusal = InvitationLifecycle.refusal(change, invitation) { return .disabled(reason: refusal.message) }
        return .enabled
    }

    /// An actor with no permissions, for asking before the session is loaded.
    static let probeActor = ActorFacts(id: -1, role: .member, status: .active, permissions: [])

    /// The scope keys go to right now (outside modals).
    public static func scope(_ state: AppState) -> Scope {
        switch (state.screen, state.focus) {
        case (.invitations, _): .invitationList
        case (.inboxes, _): .inboxList
        case (.members, .members): .memberList
        case (.members, .inboxes): .inboxPane
        }
    }

    /// Actions that apply in the current scope, in table order.
    public static func current(_ state: AppState) -> [ActionSpec] {
        let scope = scope(state)
        return all.filter { $0.scopes.contains(scope) || $0.scopes.contains(.global) }
    }

    /// The action a key triggers here, if any.
    public static func action(for key: Key, in state: AppState) -> ActionSpec? {
        current(state).first { $0.keys.contains(key) }
    }

    /// Footer entries: every current action that is not hidden, with its availability.
    public static func footer(_ state: AppState) -> [(spec: ActionSpec, availability: Availability)] {
        current(state).filter(\.inFooter).compactMap { spec in
            let availability = spec.availability(state)
            return availability.isHidden ? nil : (spec, availability)
        }
    }

    // MARK: - Inbox assignment

    static func currentInbox(_ state: AppState) -> Inbox? {
        state.inboxes.indices.contains(state.inboxCursor) ? state.inboxes[state.inboxCursor].inbox : nil
    }

    static func currentInboxAssigned(_ state: AppState) -> Bool {
        guard let inbox = currentInbox(state), let member = state.selectedMember else { return false }
        return member.inboxes.contains(inbox.phone)
    }

    /// Hidden when no visible inbox could ever be changed by this operator;
    /// otherwise the guard's answer for the inbox under the cursor.
    static let assignmentAvailability: @Sendable (AppState) -> Availability = { state in
        let probe = TargetFacts(id: -1, role: .member, status: .active)
        let anyPossible = state.inboxes.contains { summary in
            !Ask.availability(.assign(probe, Ask.facts(summary.inbox)), state).isHidden
        }
        guard anyPossible else { return .hidden }
        guard let inbox = currentInbox(state) else { return .disabled(reason: "no inbox here") }
        guard let member = state.selectedMember?.member else { return .disabled(reason: "no member selected") }
        let target = Ask.facts(member)
        let assigned = currentInboxAssigned(state)
        return Ask.availability(assigned ? .unassign(target, Ask.facts(inbox)) : .assign(target, Ask.facts(inbox)), state)
    }
}
