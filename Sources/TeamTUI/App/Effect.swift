import TeamCore
import TermUI

/// Work for the runtime, as values so tests compare them instead of running them.
public enum Effect: Equatable, Sendable {
    /// Session, inboxes and the first screen of members: enough for a first paint.
    case startup(rows: Int)
    /// Session (operator, permissions, facts), member index, inboxes and invitations.
    case reloadAll
    case loadIndex(MemberSort)
    case loadRows([MemberID])
    /// The operator's session alone (permissions, facts, header counts).
    case loadSession
    /// Inboxes; with their member lists only where a view shows them.
    case loadInboxes(withMembers: Bool)
    case loadInvitations
    case loadDetail(EmailAddress)
    case loadGroups
    case loadGroup(DisplayName)
    /// The role matrix in force and what `roles lint` finds.
    case loadRoles
    case loadAudit(AuditQuery)
    case loadBilling
    /// Every contact with the property definitions.
    case loadContacts
    /// An inbox's threads.
    case loadThreads(PhoneNumber)
    /// A page of one thread's messages, and what it is for.
    case loadThread(inbox: PhoneNumber, contact: PhoneNumber, page: MessagePage, purpose: ThreadLoad)
    /// The access review (changes since the last sign-off).
    case loadReview
    /// The inverse of an audited change and the guard's answer, for the confirmation.
    case previewRevert(Int64)
    /// A change, checked again by the core's guard when it is written.
    case perform(TeamCommand)
    /// Ask the guard about a change to each of these members (read only).
    case prepareBatch(BulkChange, [MemberID])
    /// Many changes in one transaction; the allowed ones are made, the rest reported.
    case performBatch([TeamCommand])
    /// Read `data_version`, to notice other operators' commits.
    case checkForChanges
    /// Read what the commits after this mark touched (the change feed).
    case readChanges(ChangeMark)
    /// Read these members' places in the list, to update them in the index.
    case loadIndexEntries([MemberID], MemberSort)
    /// Say which view this interface is on (presence; no database write).
    case announce(String)
    /// Read who else has the workspace open.
    case readPresence
    /// Open the file now at the workspace's path in place of the one that
    /// was replaced (restored, moved over); the message says what happened.
    case reopen(String)
    /// Run after the next paint, so the screen is up to date before slow work.
    indirect case afterPaint(Effect)

    /// Effects the runtime holds until the screen has been painted: a write
    /// (so "saving…" shows while it waits for another operator's lock) and
    /// work marked to wait.
    /// A change to the workspace (one command or a batch).
    public var isWrite: Bool {
        switch self {
        case .perform, .performBatch: true
        default: false
        }
    }

    public var waitsForPaint: Bool {
        switch self {
        case .perform, .performBatch, .afterPaint: true
        default: false
        }
    }
}

/// Everything that can happen to the app: keys, time, and results of effects.
public enum AppAction: Equatable {
    case key(Key)
    /// A key pressed while a write waited for another operator's lock, acted
    /// on after it: what that write ends with has not been seen yet, so an
    /// error it leaves stays (a `key` clears one).
    case keyAhead(Key)
    case resized(Size)
    /// The keyboard was idle for a polling interval.
    case tick
    case sessionLoaded(SessionSnapshot)
    /// The first screen of members, before the whole index.
    case firstRowsLoaded([MemberSummary])
    case indexLoaded(MemberIndex, MemberSort)
    case rowsLoaded([MemberSummary])
    /// Inboxes; `withMembers` when their member lists were read too.
    case inboxesLoaded([InboxSummary], withMembers: Bool)
    case invitationsLoaded([InvitationSummary])
    case detailLoaded(MemberDetail)
    case groupsLoaded([GroupSummary])
    case groupLoaded(GroupDetail)
    case rolesLoaded(RoleMatrix, [LintFinding])
    case auditLoaded([AuditEvent])
    case billingLoaded(BillingSummary)
    case contactsLoaded(ContactListing)
    case threadsLoaded(PhoneNumber, [ThreadSummary])
    case threadPageLoaded(ThreadLoad, ThreadPage)
    /// Reading threads failed (the inbox was hidden, the permission taken): the thread screens close.
    case threadsFailed(TeamError)
    case reviewLoaded(AccessReview)
    case revertPreviewed(RevertPreview)
    case performed(TeamCommand, CommandOutcome)
    /// The commands a bulk change makes, each with the rule that would refuse it (nil: allowed).
    case batchPrepared(BulkChange, [TeamCommand], [String?])
    case batchPerformed(BatchOutcome)
    case failed(TeamError)
    case dataVersionRead(Int64)
    /// Where the change feed stood before the data that follows was read.
    case changeMarkRead(ChangeMark)
    case changesRead(ChangeFeed)
    /// The members of the first list (those still there have an entry).
    case indexEntriesLoaded(Set<MemberID>, [MemberIndexEntry], MemberSort)
    case presenceRead([PresenceEntry])
    /// The file at the path was opened in place of the replaced one (the message says why).
    case reopened(String)
    /// The replaced file could not be swapped for the one at the path (deleted, unusable).
    case reopenFailed(String)
    /// Other interfaces still hold the replaced file (why it was replaced, what it waits for).
    case reopenWaiting(String, String)
}
