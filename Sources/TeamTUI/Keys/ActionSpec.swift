import TeamCore
import TermUI

/// Every user action. Each is declared once, in its feature's table.
public enum ActionID: String, CaseIterable, Sendable {
    // Lists
    case moveDown, moveUp, pageDown, pageUp, top, bottom, click, wheel
    // Member list and filter
    case filter, sort, detail, changeRole, toggleActive, remove
    case filterEdit, filterKeep, filterClear, filterMoveDown, filterMoveUp, filterPageDown, filterPageUp
    // Inbox pane, inboxes view, invitations
    case toggleAssignment, focusNext, resendInvitation, revokeInvitation
    case inboxAdd, inboxRename, inboxVisibility, inboxRemove
    // Anywhere
    case invite, switchView, help, quit, back, interrupt, pasteNowhere, messageLog, redraw, whoIsHere, whoClose
    case messagesClose, messagesDown, messagesUp
    // Windows
    case helpClose, helpDown, helpUp, helpPageDown, helpPageUp
    case detailClose, detailDown, detailUp, overrideToggle
    // Groups, roles
    case groupCreate, groupAddMember, groupRemoveMember, groupGrants, groupRename, groupDelete
    case promptSubmit, promptCancel, promptType
    case grantsToggle, grantsDown, grantsUp, grantsClose
    case roleCellToggle, roleReset, roleColumnRight, roleColumnLeft
    case showScreen
    case auditFilter, auditRevert, palette, paletteRun, paletteCancel, paletteType, paletteDown, paletteUp
    case mark, markAll, unmarkAll, bulkAddToGroup, bulkRemoveFromGroup, bulkReactivate, bulkUnassign
    case roleDown, roleUp, roleChoose, roleCancel
    case confirmYes, confirmNo, typedConfirm, typedCancel, typedType
    case inviteNextField, invitePreviousField, inviteSend, inviteCancel
    case inviteEmailEdit, inviteRoleNext, inviteRolePrevious
    case inviteInboxDown, inviteInboxUp, inviteInboxMark
    // Billing, contacts
    case billingPlan, billingSeats, billingContact
    case contactFilter, contactAdd, contactRemove, propertyAdd, propertyChoices
    // Message threads
    case openThreads, openThread, deleteMessage, deleteThread
}

/// Where an action applies: a pane, a window, an input mode.
public enum Scope: String, Sendable, CaseIterable {
    case memberList, inboxPane, inboxList, invitationList, groupList, roleMatrix, auditList, billingView, contactList, reviewList
    /// An inbox's message threads, and one thread's messages.
    case threadList, threadView
    /// The command palette (`:`).
    case paletteWindow
    /// A one-line question (a group's name, a member's email).
    case promptWindow
    /// The permissions a group grants.
    case grantsWindow
    /// Typing a member filter after `/`.
    case filter
    case helpWindow, messageWindow, whoWindow, memberWindow, roleWindow
    /// A y/N question before a change.
    case confirmWindow
    /// A question answered by typing a text (an email) exactly.
    case typedConfirmWindow
    /// Every field of the invite window, then each field's own keys.
    case inviteWindow, inviteEmail, inviteRole, inviteInboxes
    /// The operator lost access while the interface was open.
    case noAccess
    /// Outside windows and input modes, on every screen.
    case anywhere
    /// Everywhere, windows and typing included.
    case always

    /// The heading of the scope's section in the help and the key reference.
    public var title: String {
        switch self {
        case .memberList: "Member list"
        case .inboxPane: "Inbox pane (members view)"
        case .inboxList: "Inboxes view"
        case .invitationList: "Invitations view"
        case .groupList: "Groups view"
        case .roleMatrix: "Roles view"
        case .auditList: "Audit view"
        case .billingView: "Billing view"
        case .contactList: "Contacts view"
        case .threadList: "Threads of an inbox"
        case .threadView: "A thread's messages"
        case .reviewList: "Review view"
        case .paletteWindow: "Command palette"
        case .promptWindow: "Question window"
        case .grantsWindow: "Group grants window"
        case .filter: "Typing a filter"
        case .helpWindow: "Help window"
        case .messageWindow: "Message log"
        case .whoWindow: "Who is here"
        case .memberWindow: "Member window"
        case .roleWindow: "Role window"
        case .confirmWindow: "Yes/no question"
        case .typedConfirmWindow: "Typed confirmation"
        case .inviteWindow: "Invite window"
        case .inviteEmail: "Invite window, email field"
        case .inviteRole: "Invite window, role field"
        case .inviteInboxes: "Invite window, inboxes field"
        case .noAccess: "After losing access"
        case .anywhere: "Anywhere outside windows"
        case .always: "Always"
        }
    }

    /// The action that leads into this scope: the scope's keys are of use only
    /// to an operator who can take it (a member who cannot invite is not
    /// taught the invite window's keys).
    var entrances: [ActionID] {
        switch self {
        case .filter: [.filter]
        case .helpWindow: [.help]
        case .messageWindow: [.messageLog]
        case .whoWindow: [.whoIsHere]
        case .memberWindow: [.detail]
        case .roleWindow: [.changeRole]
        case .confirmWindow: [.toggleActive, .changeRole, .revokeInvitation, .contactRemove, .inboxVisibility, .deleteMessage, .auditRevert]
        case .typedConfirmWindow: [.remove, .toggleActive, .changeRole, .deleteThread, .inboxRemove]
        case .threadList: [.openThreads]
        case .threadView: [.openThread]
        case .inviteWindow, .inviteEmail, .inviteRole, .inviteInboxes: [.invite]
        case .promptWindow: [.groupCreate, .groupAddMember, .groupRemoveMember, .groupRename, .bulkAddToGroup, .auditFilter,
                             .contactFilter, .contactAdd, .propertyAdd, .propertyChoices, .billingPlan, .billingSeats, .billingContact,
                             .inboxAdd, .inboxRename]
        case .grantsWindow: [.groupGrants]
        case .paletteWindow: [.palette]
        case .memberList, .inboxPane, .inboxList, .invitationList, .groupList, .roleMatrix, .auditList, .billingView, .contactList, .reviewList,
             .noAccess, .anywhere, .always: []
        }
    }
}

/// Which keys an entry answers: one key, any text-editing key, or the mouse.
public enum KeyPattern: Hashable, Sendable {
    case key(Key)
    /// Characters and the editing keys of a text field (←/→, Home/End, Backspace, ^U, ^W…).
    case text
    case click
    case wheel
    /// Text pasted where no field takes it.
    case paste

    public func matches(_ key: Key) -> Bool {
        switch (self, key) {
        case (.key(let own), _): own == key
        case (.text, _): TextField.edits(key)
        case (.click, .mouseClick): true
        case (.wheel, .mouseScroll): true
        case (.paste, .paste): true
        default: false
        }
    }

    /// The label drawn on a terminal with `glyphs` (arrows as words without UTF-8).
    public func label(_ glyphs: Glyphs) -> String {
        if case .key(let key) = self { return key.label(glyphs) }
        return label
    }

    /// How the key is written in hints, the help and the key reference.
    public var label: String {
        switch self {
        case .key(let key): key.label
        case .text: "text"
        case .click: "click"
        case .wheel: "wheel"
        case .paste: "paste"
        }
    }
}

/// One entry of the key table: keys, where they apply, what they say, whether
/// they can be taken now (asked of the guard), and what they do.
public struct ActionSpec: Sendable {
    public let id: ActionID
    public let keys: [KeyPattern]
    public let scopes: [Scope]
    /// Short label for the footer (may depend on the selection).
    public let label: @Sendable (AppState) -> String
    /// One line for the help and the key reference.
    public let help: String
    /// Whether the footer shows it (movement keys live in the help only).
    public let inFooter: Bool
    /// How useful the hint is where it applies (1 most): a narrow footer
    /// keeps the most useful and shows them first.
    public let priority: Int
    public let availability: @Sendable (AppState) -> Availability
    /// The handler; runs only when the action is enabled.
    public let perform: @Sendable (inout AppState, Key) -> [Effect]

    public init(_ id: ActionID, keys: [KeyPattern], scopes: [Scope], label: String, help: String, inFooter: Bool = true,
                priority: Int = 5, availability: @escaping @Sendable (AppState) -> Availability = { _ in .enabled },
                perform: @escaping @Sendable (inout AppState, Key) -> [Effect]) {
        self.init(id, keys: keys, scopes: scopes, label: { _ in label }, help: help, inFooter: inFooter, priority: priority,
                  availability: availability, perform: perform)
    }

    public init(_ id: ActionID, keys: [KeyPattern], scopes: [Scope], label: @escaping @Sendable (AppState) -> String,
                help: String, inFooter: Bool = true, priority: Int = 5,
                availability: @escaping @Sendable (AppState) -> Availability = { _ in .enabled },
                perform: @escaping @Sendable (inout AppState, Key) -> [Effect]) {
        self.id = id; self.keys = keys; self.scopes = scopes; self.label = label; self.help = help
        self.inFooter = inFooter; self.priority = priority; self.availability = availability; self.perform = perform
    }

    /// The keys as written in the help: `j ↓`.
    public var keyLabels: String { keys.map(\.label).joined(separator: " ") }

    /// The keys as drawn on a terminal with `glyphs`.
    public func keyLabels(_ glyphs: Glyphs) -> String { keys.map { $0.label(glyphs) }.joined(separator: " ") }

    /// The first key as drawn in a hint.
    func hintKey(_ glyphs: Glyphs) -> String { keys.first?.label(glyphs) ?? "" }
}

/// Shorthand for tables: `k("j")` is the key j.
func k(_ character: Character) -> KeyPattern { .key(.char(character)) }
func k(_ key: Key) -> KeyPattern { .key(key) }
