import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// Threads in the store: pages of a long thread read through the thread
/// index, the pages joining up exactly, and imports checked row by row.
@Suite(.serialized, .timeLimit(.minutes(10))) struct MessageStoreTests {
    typealias F = StoreFixture
    static let contact = try! PhoneNumber("+14155550123")

    /// A 10,000-message thread in the public inbox, two messages per second (same-second ties ordered by id).
    static func longThread() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        let rows = (0..<10_000).map { index in
            MessageRow(line: index + 1, inbox: F.publicPhone, contact: contact, direction: .incoming,
                       at: Timestamp(seconds: 1_790_000_000 + Int64(index / 2)), text: "message \(index + 1)")
        }
        let report = try admin.importMessages(rows, dryRun: false)
        #expect(report.applied && report.imported == 10_000 && report.threads == 1)
        return fixture
    }

    @Test func everyMessageQueryGoesThroughTheThreadIndexWithoutSorting() throws {
        let fixture = try Self.longThread()
        let db = try fixture.open(as: .workspaceAdmin).db
        try db.execute("ANALYZE")
        for (name, sql) in MessageSQL.all {
            let plan = try db.all("EXPLAIN QUERY PLAN " + sql, Array(repeating: SQLValue.null, count: sql.filter { $0 == "?" }.count)) {
                $0.text(3)
            }
            #expect(plan.contains { $0.contains("messages_by_thread") }, "\(name): \(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN messages") && !$0.contains("USING") }, "\(name) scans: \(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(name) sorts: \(plan)")
        }
    }

    @Test func pagesOfALongThreadJoinUpExactlyFromEitherEnd() throws {
        let fixture = try Self.longThread()
        let agent = try fixture.open(as: .agent)
        let newest = try agent.thread(inbox: F.publicPhone, contact: Self.contact, page: .newest(limit: 200))
        #expect(newest.total == 10_000 && newest.messages.count == 200 && newest.hasOlder && !newest.hasNewer)
        #expect(newest.messages.last?.text == "message 10000" && newest.messages.first?.text == "message 9801")
        // Walking back page by page visits every message once, in order, across same-second ties.
        var seen = newest.messages.map(\.text)
        var page = newest
        while page.hasOlder, let first = page.messages.first {
            page = try agent.thread(inbox: F.publicPhone, contact: Self.contact, page: .before(first.cursor, limit: 700))
            seen.insert(contentsOf: page.messages.map(\.text), at: 0)
        }
        #expect(seen == (1...10_000).map { "message \($0)" })
        let oldest = try agent.thread(inbox: F.publicPhone, contact: Self.contact, page: .oldest(limit: 3))
        #expect(oldest.messages.map(\.text) == ["message 1", "message 2", "message 3"] && !oldest.hasOlder && oldest.hasNewer)
        let next = try agent.thread(inbox: F.publicPhone, contact: Self.contact, page: .after(try #require(oldest.messages.last).cursor, limit: 2))
        #expect(next.messages.map(\.text) == ["message 4", "message 5"] && next.hasOlder && next.hasNewer)
        let threads = try agent.threads(inbox: F.publicPhone)
        #expect(threads.map(\.count) == [10_000] && threads.first?.last.text == "message 10000")
    }

    @Test func anImportIntoAPrivateInboxNeedsItsModifyPermissionAndIsRecordedAsRefused() throws {
        let fixture = try StoreFixture()
        // A member assigned to the private inbox sees it and reads messages, but lacks modify-private-inbox.
        let admin = try fixture.open(as: .workspaceAdmin)
        _ = try admin.perform(.assign(member: F.email(.member), inbox: F.privatePhone))
        let member = try fixture.open(as: .member)
        let rows = [MessageRow(line: 1, inbox: F.publicPhone, contact: Self.contact, direction: .incoming,
                               at: Timestamp(seconds: 0), text: "public is fine"),
                    MessageRow(line: 2, inbox: F.privatePhone, contact: Self.contact, direction: .incoming,
                               at: Timestamp(seconds: 0), text: "private is not")]
        let report = try member.importMessages(rows, dryRun: false)
        #expect(!report.applied)
        #expect(report.errors == [LineError(line: 2, message:
            "refused (permission): you need modify-private-inbox to import messages into a private inbox")])
        #expect(try admin.threads(inbox: F.publicPhone).isEmpty, "all or nothing: the good line was not stored either")
        let refused = try admin.auditEvents(limit: nil, refused: true)
        #expect(refused.map(\.action) == ["messages.import"])
    }
}
