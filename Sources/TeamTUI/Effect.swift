import TeamCore

/// Work for the runtime, as values so tests compare them instead of running them.
public enum Effect: Equatable, Sendable {
    /// Session, inboxes and the first screen of members: enough for a first paint.
    case startup(rows: Int)
    /// Session (operator, permissions, facts), member index and inboxes, then rows.
    case reloadAll
    case loadIndex(MemberSort)
    case loadRows([MemberID])
    /// The operator's session alone (permissions, facts, header counts).
    case loadSession
    /// Inboxes; with their member lists only where a view shows them.
    case loadInboxes(withMembers: Bool)
    case loadInvitations
    case loadDetail(EmailAddress)
    case perform(TeamCommand)
    case quit
    /// Run after the next paint (so the first screen appears before slow work).
    indirect case afterPaint(Effect)
}

/// Everything that can happen to the app: keys, and results of effects.
public enum AppAction: Equatable {
    case key(Key)
    case resized(Size)
    case sessionLoaded(SessionSnapshot)
    /// The first screen of members, before the whole index.
    case firstRowsLoaded([MemberSummary])
    case indexLoaded(MemberIndex, MemberSort)
    case rowsLoaded([MemberSummary])
    /// Inboxes; `withMembers` when their member lists were read too.
    case inboxesLoaded([InboxSummary], withMembers: Bool)
    case invitationsLoaded([InvitationSummary])
    case detailLoaded(MemberDetail)
    case performed(TeamCommand, CommandOutcome)
    case failed(TeamError)
    /// Another process changed the workspace.
    case externalChange
}

import TermUI
