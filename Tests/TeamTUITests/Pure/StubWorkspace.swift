@testable import TeamCore
@testable import TeamTUI

/// The workspace protocol over values, for the runtime: answers reads from
/// the sample team and records the commands it is asked to perform.
final class StubWorkspace: TeamWorkspace {
    var version: Int64 = 1
    var performed: [TeamCommand] = []
    var outcome = CommandOutcome(message: "done", changed: true)
    var refusal: TeamError?
    let operatorEmail: String

    init(as address: String = "olive@acme.test") { operatorEmail = address }

    var readOnlyReason: ReadOnlyReason? { nil }

    func operatorContext() throws -> OperatorContext { Sample.session(as: operatorEmail).operatorContext }
    func summary() throws -> WorkspaceSummary {
        WorkspaceSummary(name: "Acme", createdAt: Timestamp(seconds: 0), members: Sample.members.count,
                         activeMembers: Sample.members.filter(\.isActive).count, inboxes: Sample.inboxes.count)
    }
    func session() throws -> SessionSnapshot { Sample.session(as: operatorEmail) }
    func roleMatrix() throws -> RoleMatrix { .shipped }
    func members() throws -> [MemberSummary] { Sample.members.map(Sample.summary) }
    func memberIndex(sort: MemberSort) throws -> MemberIndex { Sample.index }
    func firstMembers(limit: Int) throws -> [MemberSummary] { Array(Sample.members.prefix(limit).map(Sample.summary)) }
    func memberRows(_ ids: [MemberID]) throws -> [MemberSummary] {
        ids.compactMap { id in Sample.members.first { $0.id == id }.map(Sample.summary) }
    }
    func member(_ email: EmailAddress) throws -> MemberDetail {
        let member = Sample.member(email.value)
        return MemberDetail(member: member, inboxes: [], permissions: RoleMatrix.shipped.permissions(of: member.role),
                            groups: [], overrides: [])
    }
    func inboxes() throws -> [InboxSummary] { Sample.inboxes.map { InboxSummary(inbox: $0, members: []) } }
    func inboxList() throws -> [Inbox] { Sample.inboxes }
    func explain(_ email: EmailAddress, _ permission: Permission) throws -> PermissionExplanation {
        throw TeamError.storage("the stub does not explain")
    }
    func whoHolds(_ permission: Permission) throws -> [PermissionHolder] { [] }
    func groups() throws -> [GroupSummary] { [] }
    func group(_ name: DisplayName) throws -> GroupDetail { throw TeamError.notFound("no group '\(name)' in this workspace") }
    func lint() throws -> [LintFinding] { [] }
    func auditEvents(limit: Int?, refused: Bool) throws -> [AuditEvent] { [] }
    func verifyAudit() throws -> AuditVerification { AuditVerification(rows: 0, firstBrokenRow: nil, head: "") }
    func auditEvents(_ query: AuditQuery) throws -> [AuditEvent] { [] }
    func announcePresence(screen: String) throws {}
    func presence() throws -> [PresenceEntry] { [] }
    func decide(_ command: TeamCommand) throws -> GuardDecision { .allowed }
    func perform(_ command: TeamCommand) throws -> CommandOutcome {
        performed.append(command)
        if let refusal { throw refusal }
        return outcome
    }
    func dataVersion() throws -> Int64 { version }
    func changeMark() throws -> ChangeMark { ChangeMark(epoch: [1], seq: version, schema: 1) }
    /// The stub keeps no feed: every outside change reads everything again.
    func changes(after mark: ChangeMark) throws -> ChangeFeed { .reload(next: try changeMark(), reason: "the stub keeps no feed") }
    func memberIndexEntries(_ ids: [MemberID], sort: MemberSort) throws -> [MemberIndexEntry] { [] }
    /// Refuses commands on the members named here, with the rank rule's name.
    var outranked: Set<String> = []
    func decideAll(_ commands: [TeamCommand]) throws -> [Result<GuardDecision, TeamError>] {
        commands.map { command in
            if let email = command.memberEmail, outranked.contains(email.value) {
                return .success(.refused(Refusal(rule: .rank, message: "\(email) outranks you")))
            }
            return .success(.allowed)
        }
    }
    func performBatch(_ commands: [TeamCommand], partial: Bool) throws -> BatchOutcome {
        performed += commands
        let refused = commands.filter { $0.memberEmail.map { outranked.contains($0.value) } ?? false }
        return BatchOutcome(batch: "b-test",
                            done: commands.filter { !refused.contains($0) }.map { .init(command: $0, outcome: outcome) },
                            refused: refused.map { .init(command: $0, rule: "rank", message: "outranks you") })
    }
    func invitationListing(status: InvitationStatus?) throws -> InvitationListing { InvitationListing(invitations: [], problems: []) }
    func importInvitations(_ rows: [InvitationRow], dryRun: Bool) throws -> ImportReport {
        throw TeamError.storage("the stub does not import")
    }
    func acceptInvitation(_ request: AcceptRequest) throws -> AcceptOutcome {
        throw TeamError.storage("the stub does not accept")
    }
    func roster() throws -> Roster { Roster() }
    var billingSummary = BillingSummary(plan: "Team", contact: nil, seats: SeatUsage(active: 5, pending: 0, limit: 10), version: 1)
    func billing() throws -> BillingSummary { billingSummary }
    func contactListing() throws -> ContactListing { Sample.contactListing }
    func contact(_ phone: PhoneNumber) throws -> Contact {
        guard let contact = Sample.contactListing.contacts.first(where: { $0.phone == phone }) else {
            throw TeamError.notFound("no contact \(phone) in this workspace")
        }
        return contact
    }
    func importContacts(_ rows: [ContactRow], dryRun: Bool) throws -> ContactImportReport {
        throw TeamError.storage("the stub does not import")
    }

    /// Threads and pages of messages by inbox number, as the tests set them.
    var threadLists: [String: [ThreadSummary]] = [:]
    var pages: [MessagePage] = []
    var threadPage: ThreadPage?
    func threads(inbox: PhoneNumber) throws -> [ThreadSummary] {
        guard let threads = threadLists[inbox.value] else { throw TeamError.notFound(Guard.noSuchInbox(inbox.value)) }
        return threads
    }
    func thread(inbox: PhoneNumber, contact: PhoneNumber, page: MessagePage) throws -> ThreadPage {
        pages.append(page)
        guard let threadPage else { throw TeamError.notFound("no thread with \(contact) in inbox \(inbox)") }
        return threadPage
    }
    func importMessages(_ rows: [MessageRow], dryRun: Bool) throws -> MessageImportReport {
        throw TeamError.storage("the stub does not import")
    }
    /// An empty review of the sample workspace, or what a test puts here.
    var review = AccessReview(workspace: "Acme", throughAuditID: 0, since: nil, lastSignOff: nil,
                              members: [], inboxes: [], changes: [], findings: [])
    func accessReview(since: Timestamp?) throws -> AccessReview { review }
    /// The preview a test puts here; otherwise the one answer for a change that is not in the log.
    var preview: RevertPreview?
    func revertPreview(_ auditID: Int64) throws -> RevertPreview {
        guard let preview else { throw TeamError.notFound("no change #\(auditID) in the audit log") }
        return preview
    }
}
