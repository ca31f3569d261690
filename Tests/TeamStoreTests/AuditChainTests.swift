import CSQLite
import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// The audit log is tamper-evident: a hash chain, no REPLACE, refusals recorded.
@Suite(.timeLimit(.minutes(10))) struct AuditChainTests {
    typealias F = StoreFixture

    /// Runs SQL straight on the file, as anyone with write access could.
    static func handEdit(_ path: String, _ sql: String) -> (ok: Bool, message: String) {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK else { return (false, "cannot open") }
        defer { sqlite3_close(handle) }
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        let message = error.map { String(cString: $0) } ?? ""
        sqlite3_free(error)
        return (rc == SQLITE_OK, message)
    }

    @Test func insertOrReplaceCannotRewriteARow() throws {
        let fixture = try StoreFixture()
        let result = Self.handEdit(fixture.path, """
            INSERT OR REPLACE INTO audit (id, at, actor, os_login, via_as, interface, action, target)
            VALUES (1, 0, 'mallory@evil.test', 'mallory', 0, 'cli', 'workspace.init', 'forged')
            """)
        #expect(!result.ok)
        #expect(result.message.contains("append-only"))
        let first = try #require(try fixture.open(as: .workspaceAdmin).auditEvents(limit: nil).first)
        #expect(first.actor == F.email(.workspaceAdmin).value)
    }

    @Test func verifyNamesTheFirstRowThatNoLongerFollows() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        let intact = try owner.verifyAudit()
        #expect(intact.firstBrokenRow == nil && intact.rows == 4 && intact.head.count == 64)
        // Someone with write access drops the guards and edits row 2.
        #expect(Self.handEdit(fixture.path, """
            DROP TRIGGER audit_no_update;
            UPDATE audit SET target = 'edited' WHERE id = 2;
            """).ok)
        #expect(try owner.verifyAudit().firstBrokenRow == 2)
    }

    @Test func removingARowFromTheMiddleIsFound() throws {
        let fixture = try StoreFixture()
        #expect(Self.handEdit(fixture.path, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3;").ok)
        #expect(try fixture.open(as: .workspaceAdmin).verifyAudit().firstBrokenRow == 4)
    }

    @Test func aRefusedWriteIsRecordedAndChangesNothingElse() throws {
        let fixture = try StoreFixture()
        let agent = try fixture.open(as: .agent)
        let before = try fixture.stateOutsideRefusals()
        #expect { try agent.perform(.setRole(member: F.email(.member), role: .agent)) } throws: {
            refusedRule($0) == .permissionMissing
        }
        #expect(try fixture.stateOutsideRefusals() == before)
        let refused = try fixture.open(as: .workspaceAdmin).auditEvents(limit: nil, refused: true)
        #expect(refused.count == 1)
        let event = try #require(refused.first)
        #expect(event.outcome == .refused && event.rule == "permission" && event.action == "member.set-role")
        #expect(event.actor == F.email(.agent).value && event.target == F.email(.member).value)
        #expect(try fixture.open(as: .workspaceAdmin).verifyAudit().firstBrokenRow == nil)
    }

    @Test func anUpgradeSealsTheRowsWrittenBeforeTheChain() throws {
        let fixture = try StoreFixture()
        // Back to schema 1 as an older clerk-team left it: no chain columns, no change feed.
        let feed = ChangeFeedTriggers.schema4.flatMap { source in
            ["insert", "update", "delete"].map { "DROP TRIGGER \(source.table)_fed_\($0);" }
        }.joined(separator: " ")
        #expect(Self.handEdit(fixture.path, "DROP TABLE messages; DROP VIEW member_inboxes; DROP TABLE group_inboxes; " + feed + " DROP TABLE changes; DROP TABLE change_feed;" +
            " DROP TRIGGER member_counted_insert; DROP TRIGGER member_counted_delete; DROP TRIGGER member_counted_status; DROP TABLE member_count;" + """
            DROP TABLE contact_values; DROP TABLE contacts; DROP TABLE contact_properties;
            ALTER TABLE workspace DROP COLUMN billing_plan; ALTER TABLE workspace DROP COLUMN billing_contact;
            DROP TRIGGER audit_no_replace; DROP INDEX audit_by_outcome;
            ALTER TABLE audit DROP COLUMN outcome; ALTER TABLE audit DROP COLUMN rule; ALTER TABLE audit DROP COLUMN hash;
            ALTER TABLE outbox DROP COLUMN spool_sha256; ALTER TABLE outbox DROP COLUMN tampered;
            PRAGMA user_version = 1;
            """).ok)
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.deactivate(member: F.email(.agent)))
        let result = try owner.verifyAudit()
        #expect(result.firstBrokenRow == nil && result.rows == 5)
    }
}

extension StoreFixture {
    /// Every table's rows, except audit rows recording refusals: what a
    /// refused write must leave exactly as it was.
    func stateOutsideRefusals() throws -> [String] {
        let db = try SQLiteConnection(path: path, mode: .readOnly)
        var rows: [String] = []
        let tables = try db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.text(0) }
        for table in tables {
            let columns = try db.all("SELECT name FROM pragma_table_info(?)", [table]) { "quote(\"\($0.text(0))\")" }
            let filter = table == "audit" ? " WHERE outcome = 'done'" : ""
            try db.query("SELECT \(columns.joined(separator: " || ',' || ")) FROM \"\(table)\"\(filter)") {
                rows.append(table + ": " + $0.text(0))
            }
        }
        return rows
    }
}
