import TeamCore

/// Work for the runtime, as values so tests compare them instead of running them.
public enum Effect: Equatable, Sendable {
    /// Session (operator, permissions, facts), member index and inboxes, then rows.
    case reloadAll
    case loadIndex(MemberSort)
    case loadRows([MemberID])
    case loadInboxes
    case loadDetail(EmailAddress)
    case perform(TeamCommand)
    case quit
}

/// Everything that can happen to the app: keys, and results of effects.
public enum AppAction: Equatable {
    case key(Key)
    case resized(Size)
    case sessionLoaded(SessionSnapshot)
    case indexLoaded(MemberIndex, MemberSort)
    case rowsLoaded([MemberSummary])
    case inboxesLoaded([InboxSummary])
    case detailLoaded(MemberDetail)
    case performed(CommandOutcome)
    case failed(TeamError)
    /// Another process changed the workspace.
    case externalChange
}

import TermUI
