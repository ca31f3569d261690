import TeamCore
import TermUI

/// Everything the screens show. `update` changes it; `view` draws it.
public struct AppState: Equatable {
    public var session: SessionSnapshot?
    public var members = MemberListState()
    /// Inboxes the operator can see, by number; their member lists are read
    /// only for the inboxes view (`inboxMembersLoaded`), as a big team makes them large.
    public var inboxes: [InboxSummary] = []
    public var inboxMembersLoaded = false
    /// Every invitation, newest first (effective status: past expiry reads expired).
    public var invitations: [InvitationSummary] = []
    public var invitationCursor = 0
    public var focus: Focus = .members
    public var screen: Screen = .members
    /// Selected row of the inbox pane (members screen) or inbox list (inboxes screen).
    public var inboxCursor = 0
    public var modal: Modal?
    public var status: StatusMessage?
    public var size: Size
    public var glyphs: Glyphs
    public var readOnly: Bool
    public var shouldQuit = false

    public init(size: Size, glyphs: Glyphs, readOnly: Bool = false) {
        self.size = size; self.glyphs = glyphs; self.readOnly = readOnly
    }

    public enum Focus: Equatable, Sendable { case members, inboxes }

    /// Members with their inboxes, inboxes with their members, or invitations.
    public enum Screen: Equatable, Sendable, CaseIterable {
        case members, inboxes, invitations

        /// The next view for the switch key.
        public var next: Screen {
            let all = Screen.allCases
            return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
        }
    }

    /// The member under the selection bar, if its row is loaded.
    public var selectedMember: MemberSummary? {
        members.selectedID.flatMap { members.rows[$0] }
    }

    public var operatorContext: OperatorContext? { session?.operatorContext }

    public var selectedInvitation: InvitationSummary? {
        invitations.indices.contains(invitationCursor) ? invitations[invitationCursor] : nil
    }
}

/// A line of feedback under the panes.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind) { self.text = text; self.kind = kind }
}

/// The member list: the whole index, the filtered positions on screen and a
/// cache of the rows that have been loaded for display.
public struct MemberListState: Equatable {
    public var index = MemberIndex()
    public var sort: MemberSort = .name
    public var filter = TextField(maxLength: 100)
    /// True while typing a filter after `/`.
    public var filtering = false
    /// Rows shown: positions into `index.ids`, in order.
    public var positions: [Int] = []
    public var selection = 0
    public var offset = 0
    public var rows: [MemberID: MemberSummary] = [:]
    /// The filter text `positions` was computed for.
    public var appliedFilter = ""

    public init() {}

    public var count: Int { positions.count }

    public func id(at row: Int) -> MemberID? {
        guard row >= 0, row < positions.count else { return nil }
        return index.ids[positions[row]]
    }

    public var selectedID: MemberID? { id(at: selection) }

    /// Ids of the rows from `offset`, `visibleRows` of them.
    public func visibleIDs(_ visibleRows: Int) -> [MemberID] {
        guard visibleRows > 0 else { return [] }
        return (offset..<min(count, offset + visibleRows)).compactMap(id(at:))
    }
}
