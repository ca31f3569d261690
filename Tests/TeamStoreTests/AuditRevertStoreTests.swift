import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `audit revert`: for each kind of change, apply it, undo it, and the
/// workspace is as it was (versions aside: they count changes); the log
/// holds both. A change whose row has moved on, or that cannot be inverted,
/// is refused and changes nothing.
@Suite(.timeLimit(.minutes(10))) struct AuditRevertStoreTests {
    typealias F = StoreFixture
    static let night = GroupStoreTests.night

    /// Each kind of change: what to set up first (not undone), and the change.
    static let kinds: [(String, setup: [TeamCommand], change: TeamCommand)] = [
        ("role", [], .setRole(member: F.email(.agent), role: .manager)),
        ("rename member", [], .renameMember(member: F.email(.agent), name: try! DisplayName("Someone Else"))),
        ("assign", [], .assign(member: F.email(.agent), inbox: F.publicPhone)),
        ("unassign", [.assign(member: F.email(.agent), inbox: F.publicPhone)], .unassign(member: F.email(.agent), inbox: F.publicPhone)),
        ("grant override", [], .grantPermission(member: F.email(.agent), permission: .addInbox)),
        ("revoke override", [.grantPermission(member: F.email(.agent), permission: .addInbox)],
         .revokePermission(member: F.email(.agent), permission: .addInbox)),
        ("reset override", [.revokePermission(member: F.email(.agent), permission: .viewMessages)],
         .resetPermission(member: F.email(.agent), permission: .viewMessages)),
        ("join group", [.createGroup(name: night), .assignGroup(group: night, inbox: F.privatePhone)],
         .addToGroup(group: night, member: F.email(.agent))),
        ("leave group", [.createGroup(name: night), .assignGroup(group: night, inbox: F.privatePhone), .addToGroup(group: night, member: F.email(.agent))],
         .removeFromGroup(group: night, member: F.email(.agent))),
        ("group grant", [.createGroup(name: night)], .grantToGroup(group: night, permission: .viewPrivateInbox)),
        ("group on inbox", [.createGroup(name: night), .addToGroup(group: night, member: F.email(.agent))],
         .assignGroup(group: night, inbox: F.publicPhone)),
        ("group off inbox", [.createGroup(name: night), .addToGroup(group: night, member: F.email(.agent)), .assignGroup(group: night, inbox: F.publicPhone)],
         .unassignGroup(group: night, inbox: F.publicPhone)),
        ("inbox rename", [], .renameInbox(phone: F.publicPhone, name: try! DisplayName("Help desk"))),
        ("inbox visibility", [], .setInboxVisibility(phone: F.publicPhone, visibility: .private)),
        ("deactivate", [], .deactivate(member: F.email(.agent))),
        ("reactivate", [.deactivate(member: F.email(.agent))], .reactivate(member: F.email(.agent))),
    ]

    @Test(arguments: kinds.indices)
    func undoingAChangeRestoresTheWorkspaceAndTheLogHoldsBoth(_ index: Int) throws {
        let (name, setup, change) = Self.kinds[index]
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        for command in setup { _ = try owner.perform(command) }
        let before = try fixture.workspaceState()

        #expect(try owner.perform(change).changed, "\(name)")
        #expect(try fixture.workspaceState() != before, "\(name) changed something")
        let done = try #require(try owner.auditEvents(limit: 1).last)
        let preview = try owner.revertPreview(done.id)
        #expect(preview.decision == .allowed)

        let undone = try owner.perform(.revert(auditID: done.id))
        #expect(undone.changed && undone.message.hasPrefix("undid #\(done.id): "), "\(name)")
        #expect(try fixture.workspaceState() == before, "\(name): the undo restores the workspace")
        let log = try owner.auditEvents(limit: 2)
        #expect(log.first?.id == done.id, "\(name)")
        #expect(log.last?.after?.hasSuffix("\"reverts\":\(done.id)}") == true, "\(name): the undo names the change it undoes")
        #expect(try owner.verifyAudit().firstBrokenRow == nil)
    }

    @Test func undoingAChangeWhoseRowHasMovedOnIsRefused() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.setRole(member: F.email(.agent), role: .manager))
        let first = try #require(try owner.auditEvents(limit: 1).last).id
        _ = try owner.perform(.setRole(member: F.email(.agent), role: .admin))
        let state = try fixture.workspaceState()
        #expect { try owner.perform(.revert(auditID: first)) } throws: { error in
            guard case .stale(let message) = error as? TeamError else { return false }
            return message == "#\(first) (member.set-role) cannot be undone: agent@acme.test's role has changed since (now admin); nothing was changed"
        }
        #expect { try owner.revertPreview(first) } throws: { ($0 as? TeamError).map { if case .stale = $0 { true } else { false } } ?? false }
        #expect(try fixture.workspaceState() == state)
        // The newer change can still be undone, and after it the first one too.
        _ = try owner.perform(.revert(auditID: first + 1))
        _ = try owner.perform(.revert(auditID: first))
        #expect(try owner.member(F.email(.agent)).member.role == .agent)
    }

    @Test func undoingAMembershipOfAGroupRenamedSinceSaysItsNewName() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.createGroup(name: Self.night))
        _ = try owner.perform(.addToGroup(group: Self.night, member: F.email(.agent)))
        let joined = try #require(try owner.auditEvents(limit: 1).last).id
        _ = try owner.perform(.renameGroup(group: Self.night, to: try DisplayName("Evening")))
        _ = try owner.perform(.renameGroup(group: try DisplayName("Evening"), to: try DisplayName("Late shift")))
        let state = try fixture.workspaceState()
        #expect { try owner.perform(.revert(auditID: joined)) } throws: { error in
            guard case .stale(let message) = error as? TeamError else { return false }
            return message.contains("group 'Night shift' has been renamed since (now 'Late shift')")
        }
        #expect(try fixture.workspaceState() == state)
        _ = try owner.perform(.deleteGroup(group: try DisplayName("Late shift")))
        #expect { try owner.perform(.revert(auditID: joined)) } throws: { "\($0)".contains("group 'Night shift': no longer in the workspace") }
    }

    @Test func removalsAndInvitationsCannotBeUndone() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.removeMember(member: F.email(.member)))
        let removal = try #require(try owner.auditEvents(limit: 1).last)
        #expect { try owner.perform(.revert(auditID: removal.id)) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.hasPrefix("#\(removal.id) (member.remove) cannot be undone: it removed something whose data is gone")
        }
        #expect { try owner.perform(.revert(auditID: 9_999)) } throws: { $0 as? TeamError == .notFound("no change #9999 in the audit log") }
        let accepted = AuditRevert.inverse(of: AuditEvent(id: 1, at: Timestamp(seconds: 0), actor: "a@b.test", osLogin: "x", viaAs: false,
                                                              interface: .cli, action: "invitation.accept", target: "a@b.test",
                                                              before: nil, after: nil))
        #expect(throws: AuditRevert.NotInvertible.self) { try accepted.get() }
    }

    @Test func anUndoIsCheckedByTheGuardLikeAnyChange() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.setRole(member: F.email(.manager), role: .admin))
        let id = try #require(try owner.auditEvents(limit: 1).last).id
        // An admin reads the log but cannot change the role of another admin.
        let admin = try fixture.open(as: .admin)
        #expect(try admin.revertPreview(id).decision.refusal?.rule == .rank)
        OverrideStoreTests.expectRefused(.revert(auditID: id), by: admin, fixture, .rank)
        // Someone who may not read the log may not undo from it.
        OverrideStoreTests.expectRefused(.revert(auditID: id), by: try fixture.open(as: .agent), fixture, .permissionMissing)
    }
}

extension StoreFixture {
    /// Every row of every table that describes the team (not the log, the
    /// outbox or presence), without the version columns, which count changes.
    func workspaceState() throws -> [String] {
        let db = try SQLiteConnection(path: path, mode: .readOnly)
        var rows: [String] = []
        let tables = try db.all("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit', 'outbox', 'changes', 'sqlite_sequence') ORDER BY name
            """) { $0.text(0) }
        for table in tables {
            let columns = try db.all("SELECT name FROM pragma_table_info(?) WHERE name != 'version'", [table]) { "quote(\"\($0.text(0))\")" }
            try db.query("SELECT \(columns.joined(separator: " || ',' || ")) FROM \"\(table)\" ORDER BY 1") {
                rows.append(table + ": " + $0.text(0))
            }
        }
        return rows
    }
}
