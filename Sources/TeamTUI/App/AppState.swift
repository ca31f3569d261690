import TeamCore
import TermUI

/// Everything the screens show, composed of the features' states. `update`
/// changes it; `view` draws it; nothing else holds state.
public struct AppState: Equatable {
    public var session: SessionSnapshot?
    public var members = MemberListState()
    public var inboxes = InboxesState()
    public var invitations = InvitationsState()
    public var groups = GroupsState()
    public var roles = RolesState()
    public var audit = AuditState()
    public var billing = BillingState()
    public var contacts = ContactsState()
    /// The threads of the inbox opened from the inboxes view, and the thread opened from them.
    public var threads: ThreadsState?
    public var thread: ThreadState?
    public var review = ReviewState()
    public var focus: Focus = .members
    public var screen: Screen = .members
    public var modal: Modal?
    public var status: StatusMessage?
    /// `ticks` when `status` was set: an info or success message goes after ``StatusMessage/infoTicks`` more.
    public var statusSetAt = 0
    /// Every status message of this session, newest first (the last 200), for the message log.
    public var messages: [StatusMessage] = []
    /// Counts `^L` presses: the loop clears and redraws the whole terminal when it moves.
    public var redrawRequests = 0
    public var size: Size
    /// Where everything goes at this size; recomputed by `update`, read by keys and drawing alike.
    public var layout: Layout
    public var glyphs: Glyphs
    /// Why nothing can be changed (`--read-only`, a file not writable), or nil.
    public var readOnly: ReadOnlyReason?
    public var shouldQuit = false
    /// The workspace's `data_version` last seen: another process's commit moves it.
    public var dataVersion: Int64?
    /// The last change-feed record applied: outside commits after it are read from the feed.
    public var changeMark: ChangeMark?
    /// Everyone else who has the workspace open now (read about once a second).
    public var presence: [PresenceEntry] = []
    /// Idle ticks so far: some work is done every few of them.
    public var ticks = 0
    /// Set when the operator lost access while the interface was open
    /// (deactivated or removed by someone else): why, and what to do.
    public var lostAccess: String?
    /// Why the workspace file is being reopened, while other interfaces still hold the replaced one.
    public var reopening: String?

    public init(size: Size, glyphs: Glyphs, readOnly: ReadOnlyReason? = nil) {
        self.size = size; self.glyphs = glyphs; self.readOnly = readOnly
        layout = Layout.compute(size: size, focus: .members, filterLine: false)
    }

    public enum Focus: Equatable, Sendable { case members, inboxes }

    /// Members with their inboxes, inboxes with their members, or invitations.
    public enum Screen: Equatable, Sendable, CaseIterable {
        case members, inboxes, invitations, groups, roles, audit, billing, contacts, review

        /// The next view for the switch key.
        public var next: Screen {
            let all = Screen.allCases
            return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
        }

        public var title: String {
            switch self {
            case .members: "members"
            case .inboxes: "by inbox"
            case .invitations: "invitations"
            case .groups: "groups"
            case .roles: "roles"
            case .audit: "audit"
            case .billing: "billing"
            case .contacts: "contacts"
            case .review: "review"
            }
        }
    }

    /// The member under the selection bar, if its row is loaded.
    public var selectedMember: MemberSummary? {
        members.selectedID.flatMap { members.rows[$0] }
    }

    public var operatorContext: OperatorContext? { session?.operatorContext }

    /// Recomputes the layout for the current size, focus and filter line, and
    /// keeps every list's selection on screen.
    mutating func relayout() {
        layout = Layout.compute(size: size, focus: focus, filterLine: members.showsFilterLine)
        members.list.clamp(count: members.count, visibleRows: layout.memberRows)
        inboxes.pane.clamp(count: inboxes.all.count, visibleRows: layout.sideRows)
        inboxes.list.clamp(count: inboxes.all.count, visibleRows: layout.listRows)
        invitations.list.clamp(count: invitations.all.count, visibleRows: layout.listRows)
        groups.list.clamp(count: groups.all.count, visibleRows: layout.listRows)
        audit.list.clamp(count: audit.events.count, visibleRows: layout.listRows)
        contacts.list.clamp(count: contacts.shown.count, visibleRows: layout.listRows)
        if var open = threads {
            open.list.clamp(count: open.all.count, visibleRows: layout.listRows)
            threads = open
        }
        review.list.clamp(count: review.lines.count, visibleRows: layout.reviewRows)
        roles.list.clamp(count: Permission.allCases.count, visibleRows: max(1, layout.listRows - 1))
    }
}

/// The window over the panes, if any. Each is a feature with its own keys.
public enum Modal: Equatable {
    case help(HelpWindow)
    case invite(InviteForm)
    case rolePicker(RolePicker)
    case confirm(Confirmation)
    case detail(MemberWindow)
    case messages(MessageLog)
    case prompt(Prompt)
    case grants(GroupGrants)
    case palette(Palette)
    case who
}

/// A line of feedback under the panes.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind) { self.text = text; self.kind = kind }

    /// Idle ticks (500 ms each) an info or success message stays: about 5 s.
    /// An error stays until the next key, so it is not missed.
    public static let infoTicks = 10
}
