import Foundation
import TeamCore
import TeamMail

/// The workspace stored in one SQLite file: implements ``TeamWorkspace``.
///
/// Every write runs in `BEGIN IMMEDIATE`, resolves the operator, asks the
/// guard and appends its audit event inside that one transaction, so two
/// operators can never both pass a check that only one of them may pass.
public final class SQLiteWorkspace: TeamWorkspace {
    /// Replaced only by ``reopen()``.
    private(set) var db: SQLiteConnection
    public let path: String
    public let identity: OperatorIdentity
    /// Set for `--read-only` and `--view-as`: every write is refused before it starts.
    public let readOnly: Bool
    /// Why writes are refused, for the message.
    let writeRefusal: String
    /// Set for `--view-as`: the operator context is the viewed one.
    public let viewAs: ViewAs?
    /// The operator's mail settings (From, default expiry).
    public let mailSettings: MailSettings
    /// The clock of every time-dependent rule (see ``StoreOptions/clock``).
    let now: @Sendable () -> Timestamp
    /// The folder beside the file where queued messages wait (the database never holds them).
    let spool: Spool
    /// The file as opened: a workspace rebuilt or deleted under the same
    /// name is another file, and the open connection would write to the old one.
    private(set) var opened: FileIdentity?
    /// Set while a batch runs: its id goes into every audit event it writes.
    var auditBatch: String?
    /// The operator and facts last resolved, while nothing changed (ReadCache).
    var readCache: ReadCache?
    /// Set while an undo (`audit revert`) runs: the id of the change it undoes.
    var auditReverts: Int64?
    /// This process's presence entry (made on the first announcement) and when it started.
    lazy var presenceBoard = PresenceBoard(workspacePath: path, groupShared: WorkspaceFile.isInGroupSharedFolder(path: path))
    let presenceSince = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
    /// The file SQLite has open, from its descriptor (nil where that cannot be told).
    private(set) var openedFile: OpenedFile?
    /// As given to ``open(path:identity:options:)``, for ``reopen()``.
    let options: StoreOptions
    /// Set once the connection to a replaced file is closed, until ``reopen()`` opens the new one.
    private(set) var released = false
    /// The replaced file's write-ahead log and index as this process had them open (see ``releaseReplacedFile()``).
    private var staleLogs: [(String, FileIdentity)] = []

    init(db: SQLiteConnection, path: String, identity: OperatorIdentity, options: StoreOptions) {
        self.db = db; self.path = path; self.identity = identity; self.options = options
        openedFile = db.openedFile()
        opened = openedFile?.identity ?? WorkspaceFile.identity(path: path)
        if let observer = options.lockWait { db.watchLockWaits(observer) }
        readOnly = options.refusesWrites; writeRefusal = options.refusal; viewAs = options.viewAs
        mailSettings = options.mailSettings; now = options.clock
        spool = Spool(workspacePath: path, groupShared: WorkspaceFile.isInGroupSharedFolder(path: path))
    }

    /// Opens an existing workspace file. Never creates one. The options have
    /// no default on purpose: every caller states them, read-only above all.
    public static func open(path: String, identity: OperatorIdentity, options: StoreOptions) throws -> SQLiteWorkspace {
        do {
            return SQLiteWorkspace(db: try connect(path: path, identity: identity, options: options), path: path,
                                   identity: identity, options: options)
        } catch let held as OldFileStillOpen {
            throw TeamError.storage(held.message)
        }
    }

    private static func connect(path: String, identity: OperatorIdentity, options: StoreOptions) throws -> SQLiteConnection {
        try WorkspaceFile.open(path: path, readOnly: options.refusesWrites) { connection in
            try requireMayActAs(identity, on: connection.openedFile(), path: path, effectiveUID: options.effectiveUID)
        }
    }

    /// Opens the file now at this workspace's path in place of the one opened
    /// before (replaced by a restore or a file moved over it), with the same
    /// operator, options and checks as the first open. The old file is let
    /// go of first: its write-ahead log carries the path's name, and the last
    /// process to close it removes it. Waits (returns `.waiting`) while other
    /// interfaces still hold the old file. The operator is resolved again on
    /// the next read (the new file may not know them).
    public func reopen() throws -> ReopenOutcome {
        releaseReplacedFile()
        guard WorkspaceFile.identity(path: path) != nil else {
            throw TeamError.gone("the workspace file \(path) was deleted")
        }
        removeStaleLogsOnceNobodyHoldsTheOldFile()
        let fresh: SQLiteConnection
        do {
            fresh = try Self.connect(path: path, identity: identity, options: options)
        } catch let held as OldFileStillOpen {
            return .waiting(held.message)
        }
        db = fresh
        released = false
        openedFile = fresh.openedFile()
        opened = openedFile?.identity ?? WorkspaceFile.identity(path: path)
        if let observer = options.lockWait { fresh.watchLockWaits(observer) }
        readCache = nil
        announceFile()
        return .reopened
    }

    /// Closes the connection to a file no longer at the path (replaced or
    /// deleted), once; every use until ``reopen()`` succeeds still says `gone`.
    ///
    /// SQLite does not checkpoint or remove the write-ahead log of a file
    /// that was moved or deleted when its last connection closes (the log's
    /// name may belong to a new file by then), so `PATH-wal` and `PATH-shm`
    /// stay behind, and the next connection to the new file would read it
    /// through them. The last interface to let go of the old file removes
    /// them — only if they are still the very files it had open.
    func releaseReplacedFile() {
        guard !released, let placeholder = try? SQLiteConnection(path: ":memory:", mode: .readWriteCreate) else { return }
        staleLogs = ["-wal", "-shm"].compactMap { suffix in
            db.openedSidecar(suffix).map { (path + suffix, $0) }
        }
        // The old connection's only owner: replacing it closes it.
        db = placeholder
        released = true
        // Before saying so in presence: until then, openers of the new file wait.
        removeStaleLogsOnceNobodyHoldsTheOldFile()
        announceFile()
    }

    /// Removes the old file's log and index if no other interface holds the old file any more.
    func removeStaleLogsOnceNobodyHoldsTheOldFile() {
        guard !staleLogs.isEmpty, let old = opened?.presenceName else { return }
        guard !presenceBoard.othersNow().contains(where: { $0.file == old }) else { return }
        for (log, identity) in staleLogs where WorkspaceFile.identity(path: log) == identity {
            unlink(log)
        }
        staleLogs = []
    }

    /// The `--as` rule, decided on the file SQLite actually opened (its
    /// descriptor's owner), never on a path that could be swapped meanwhile.
    static func requireMayActAs(_ identity: OperatorIdentity, on file: OpenedFile?, path: String,
                                effectiveUID: UInt32) throws {
        guard identity.asEmail != nil else { return }
        guard OperatorIdentity.mayActAs(effectiveUID: effectiveUID, fileOwnerUID: file?.owner) else {
            throw TeamError.identity("--as is only for the superuser or the owner of \(path); you are '\(identity.osLogin)'")
        }
    }

    /// Runs `body` and reports any failure as a ``TeamError``.
    func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TeamError {
            throw error
        } catch let error as ValidationError {
            throw TeamError.invalid(error)
        } catch let refusal as Refusal {
            throw TeamError.refused(refusal)
        } catch let error as SQLiteError where error.isBusy && db.waitWasCancelled {
            throw TeamError.storage("cancelled while waiting for another operator's change to finish; nothing was changed")
        } catch {
            throw WorkspaceFile.describe(error, path: path)
        }
    }

    /// A read-only snapshot: all reads inside see one consistent state.
    func reading<T>(_ body: () throws -> T) throws -> T {
        try translating {
            try db.execute("BEGIN DEFERRED")
            defer { try? db.execute("COMMIT") }
            return try body()
        }
    }

    func writing<T>(_ body: () throws -> T) throws -> T {
        if readOnly { throw TeamError.storage("\(writeRefusal): nothing was changed") }
        try requireSameFile(nothingWritten: true)
        let result = try translating { try db.immediateTransaction(body) }
        // Replaced while we wrote: the change went to the old file, and must not be reported as made.
        try requireSameFile(nothingWritten: false)
        return result
    }

    public var readOnlyReason: ReadOnlyReason? {
        if viewAs != nil { return .viewingAs }
        if readOnly { return .requested }
        return db.isReadOnly ? .fileNotWritable : nil
    }

    public func dataVersion() throws -> Int64 {
        try requireSameFile(nothingWritten: true)
        return try translating { try db.dataVersion() }
    }

    /// Throws ``TeamError/gone(_:)`` if the path no longer names the file that was opened.
    func requireSameFile(nothingWritten: Bool) throws {
        guard let opened else { return }
        let now = WorkspaceFile.identity(path: path)
        guard now != opened else { return }
        let what = now == nil ? "was deleted" : "was replaced by another file (rebuilt, restored or moved)"
        // Hold the old file (and with it the path's write-ahead log) no longer than needed.
        releaseReplacedFile()
        let outcome = nothingWritten ? "nothing was written" : "the last change went to the old file and is lost"
        // What happened to the change first: a narrow status line keeps the start.
        throw TeamError.gone("\(outcome); the workspace file \(path) \(what) since it was opened")
    }

    // MARK: - Operator

    public func operatorContext() throws -> OperatorContext {
        try reading { try resolveOperator() }
    }

    /// The acting member (by `--as` email or bound login) with effective
    /// permissions; under `--view-as`, the viewed role or member instead.
    func resolveOperator() throws -> OperatorContext {
        try cached(\.operatorContext) {
            let real = try resolveRealOperator()
            guard let viewAs else { return real }
            return try viewedOperator(viewAs, by: real)
        }
    }

    private func resolveRealOperator() throws -> OperatorContext {
        let member: Member?
        if let email = identity.asEmail {
            member = try memberRow(email: email)
            guard member != nil else { throw TeamError.identity("--as \(email): no such member in this workspace") }
        } else {
            member = try db.first(HotQueries.memberByLogin, [identity.osLogin]) { try RowMapping.member($0) }
        }
        guard let member else {
            throw TeamError.identity(
                "login '\(identity.osLogin)' is not bound to a member of this workspace; accept an invitation first (the file's owner may use --as EMAIL)")
        }
        let permissions = EffectivePermissions.compute(try sources(of: member), matrix: try loadMatrix())
        let assigned = Set(try db.all(HotQueries.inboxIDsOfMember, [member.id, member.id]) { $0.int(0) })
        return OperatorContext(member: member, permissions: permissions, assignedInboxes: assigned, identity: identity)
    }

    // MARK: - Shared lookups (call inside a transaction)

    func requireMember(_ email: EmailAddress) throws -> Member {
        guard let member = try memberRow(email: email) else {
            throw TeamError.notFound("no member \(email) in this workspace")
        }
        return member
    }

    func inboxRow(phone: PhoneNumber) throws -> Inbox? {
        try db.first(HotQueries.inboxByPhone, [phone.value]) { try RowMapping.inbox($0) }
    }

    /// An inbox the operator may see; a hidden one is reported exactly like a missing one.
    func requireVisibleInbox(_ phone: PhoneNumber, for op: OperatorContext) throws -> Inbox {
        // A deactivated operator sees nothing; tell them why rather than "no such inbox".
        try check(.readWorkspace, op)
        guard let inbox = try inboxRow(phone: phone), Guard.canSee(Self.facts(inbox), actor: op.facts) else {
            throw TeamError.notFound(Guard.noSuchInbox(phone.value))
        }
        return inbox
    }

    func loadMatrix() throws -> RoleMatrix {
        let customised = try db.scalarInt("SELECT count(*) FROM role_matrix_customised") > 0
        guard customised else { return .shipped }
        var table: [Role: Set<Permission>] = [:]
        try db.query("SELECT role, permission FROM role_permissions") { row in
            if let role = Role(rawValue: row.text(0)), let permission = Permission(rawValue: row.text(1)) {
                table[role, default: []].insert(permission)
            }
        }
        return RoleMatrix(permissions: table)
    }

    func sources(of member: Member) throws -> PermissionSources {
        var groups: [Int64: Group] = [:]
        try db.query(HotQueries.groupsOfMember, [member.id]) { row in
            let id = row.int(0)
            var group = groups[id] ?? Group(id: id, name: row.text(1), grants: [])
            if let key = row.optionalText(2), let permission = Permission(rawValue: key) {
                group.grants.insert(permission)
            }
            groups[id] = group
        }
        let overrides = try db.all(HotQueries.overridesOfMember, [member.id]) { row in
            (Permission(rawValue: row.text(0)), Override.Effect(rawValue: row.text(1)))
        }.compactMap { pair -> Override? in
            guard let permission = pair.0, let effect = pair.1 else { return nil }
            return Override(permission: permission, effect: effect)
        }
        return PermissionSources(role: member.role, status: member.status,
                                 groups: groups.values.sorted { $0.name < $1.name }, overrides: overrides)
    }

    /// The lock-out facts: active workspace-admins, which of them hold both
    /// team keys (an override may have revoked one) and which have no login.
    func workspaceFacts() throws -> WorkspaceFacts {
        try cached(\.facts) { try computeWorkspaceFacts() }
    }

    private func computeWorkspaceFacts() throws -> WorkspaceFacts {
        let matrix = try loadMatrix()
        let admins = try db.all(HotQueries.activeWorkspaceAdmins) { try RowMapping.member($0) }
        var keyholders: Set<MemberID> = []
        for admin in admins where Guard.teamKeys.isSubset(of: EffectivePermissions.compute(try sources(of: admin), matrix: matrix)) {
            keyholders.insert(admin.id)
        }
        return WorkspaceFacts(activeWorkspaceAdmins: admins.count, keyholders: keyholders,
                              withoutLogin: Set(admins.filter { $0.login == nil }.map(\.id)))
    }

    static func facts(_ member: Member) -> TargetFacts {
        TargetFacts(id: member.id, role: member.role, status: member.status)
    }

    static func facts(_ inbox: Inbox) -> InboxFacts {
        InboxFacts(id: inbox.id, phone: inbox.phone.value, visibility: inbox.visibility)
    }

    /// Asks the guard; a visibility refusal reads exactly like "not found".
    func check(_ action: GuardAction, _ op: OperatorContext) throws {
        switch Guard.check(action, by: op.facts, in: try workspaceFacts()) {
        case .allowed: return
        case .refused(let refusal) where refusal.rule == .visibility:
            throw TeamError.notFound(refusal.message)
        case .refused(let refusal):
            throw TeamError.refused(refusal)
        }
    }
}
