import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// The invite and flush paths on a workspace with 10,000 invitations: no
/// query scans, and the work of one invite or one empty flush does not grow
/// with the number of invitations.
@Suite(.serialized, .timeLimit(.minutes(10))) struct ScaleQueryTests {
    static func bigFixture() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        try admin.writing {
            for index in 0..<10_000 {
                // Half pending, half accepted; all with sent mail, as after a big import.
                try admin.db.run("""
                    INSERT INTO invitations (email, role, token_hash, invited_by, created_at, expires_at, status)
                    VALUES (?, 'member', randomblob(32), 1, 0, 4000000000, ?)
                    """, ["bulk\(index)@example.com", index % 2 == 0 ? "pending" : "accepted"])
                try admin.db.run("""
                    INSERT INTO outbox (invitation_id, recipient, subject, spool_file, spool_offset, spool_length,
                                        queued_by, status, created_at, next_attempt_at)
                    VALUES (?, ?, 's', 'gone.spool', 0, 1, 'x', 'sent', 0, 0)
                    """, [admin.db.lastInsertRowID, "bulk\(index)@example.com"])
            }
        }
        return fixture
    }

    @Test func invitePathAndFlushQueriesUseIndexesOnTenThousandInvitations() throws {
        let fixture = try Self.bigFixture()
        let db = try fixture.open(as: .workspaceAdmin).db
        for (name, sql) in HotQueries.all {
            let plan = try db.all("EXPLAIN QUERY PLAN " + sql, Array(repeating: SQLValue.null, count: sql.filter { $0 == "?" }.count)) {
                $0.text(3)
            }
            for step in plan where step.contains("invitations") || step.contains("outbox") {
                #expect(!step.hasPrefix("SCAN"), "\(name) scans: \(step)")
            }
            // A lookup by email must use the email index, not walk every pending invitation.
            if name.hasSuffix("ForEmail") {
                #expect(plan.contains { $0.contains("invitations_by_email_status (email=?") }, "\(name): \(plan)")
            }
        }
    }

    @Test func oneInviteAndOneEmptyFlushCostTheSameWhateverTheNumberOfInvitations() throws {
        let fixture = try Self.bigFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        var steps = admin.db.vmSteps
        _ = try admin.perform(.invite(email: EmailAddress("one-more@example.com"), role: .agent, inboxes: []))
        let invite = admin.db.vmSteps - steps
        #expect(invite < 3_000, "one invite ran \(invite) VM steps")
        _ = try admin.claimMail(MailSelection(ids: []))
        steps = admin.db.vmSteps
        _ = try admin.claimMail(MailSelection(ids: []))
        let flush = admin.db.vmSteps - steps
        #expect(flush < 3_000, "an empty flush ran \(flush) VM steps")
    }
}
