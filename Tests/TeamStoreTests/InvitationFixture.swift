import Foundation
import TeamMail
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// A clock tests can move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int64

    init(_ seconds: Int64 = 1_800_000_000) { self.seconds = seconds }

    var now: Timestamp { lock.withLock { Timestamp(seconds: seconds) } }

    func advance(by delta: Int64) { lock.withLock { seconds += delta } }
}

extension StoreFixture {
    /// The workspace as the member of `role` sees it, on an injected clock.
    func open(as role: Role, clock: TestClock, mail: MailSettings = MailSettings()) throws -> SQLiteWorkspace {
        try SQLiteWorkspace(db: WorkspaceFile.open(path: path, readOnly: false), path: path,
                            identity: OperatorIdentity(osLogin: Self.login(role), interface: .cli),
                            options: StoreOptions(mailSettings: mail, clock: { clock.now }))
    }

    /// A workspace handle for someone not bound to any member (the invitee).
    func openAsOutsider(_ login: String = "newcomer", clock: TestClock? = nil) throws -> SQLiteWorkspace {
        try SQLiteWorkspace(db: WorkspaceFile.open(path: path, readOnly: false), path: path,
                            identity: OperatorIdentity(osLogin: login, interface: .cli),
                            options: StoreOptions(clock: { clock?.now ?? StoreOptions.systemClock() }))
    }

    /// The token in the spooled mail `id` (read straight from the spool, as a test may).
    func token(ofMail id: MailID, _ workspace: SQLiteWorkspace) throws -> String {
        let place = try workspace.db.first("SELECT spool_file, spool_offset, spool_length FROM outbox WHERE id = ?", [id]) {
            ($0.text(0), $0.int(1), $0.int(2))
        }
        guard let place, case .message(let bytes) = try workspace.spool.read(place.0, offset: place.1, length: place.2,
                                                                           owners: [geteuid()]),
              let token = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.count == 52 && $0.allSatisfy { ("a"..."z").contains($0) || ("2"..."7").contains($0) } })
        else {
            throw TeamError.notFound("no spooled message for mail #\(id)")
        }
        return token
    }

    /// Invites as the workspace-admin; returns the invitation and its token.
    @discardableResult
    func invite(_ email: String, _ role: Role = .agent, inboxes: [PhoneNumber] = [],
                clock: TestClock? = nil) throws -> (invitation: Invitation, token: String, mail: MailID) {
        let admin = try clock.map { try open(as: .workspaceAdmin, clock: $0) } ?? open(as: .workspaceAdmin)
        let outcome = try admin.perform(.invite(email: EmailAddress(email), role: role, inboxes: inboxes))
        guard let invitation = outcome.invitation, let mail = outcome.queuedMail.first else {
            throw TeamError.notFound("invite returned no invitation")
        }
        return (invitation, try token(ofMail: mail, admin), mail)
    }

    func accept(_ token: String, login: String = "newcomer", name: String? = nil,
                clock: TestClock? = nil) throws -> AcceptOutcome {
        try openAsOutsider(login, clock: clock).acceptInvitation(
            AcceptRequest(token: token, name: try name.map { try DisplayName($0) }, login: login))
    }
}

/// True if `error` is the one answer every unusable token gets.
func isUnusableToken(_ error: any Error) -> Bool {
    (error as? TeamError) == .notFound(InvitationRules.unusableToken)
}
