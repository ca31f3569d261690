import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// A workspace file replaced or deleted under an open connection: reads
/// and writes stop with `gone`, and nothing is reported as written.
@Suite(.timeLimit(.minutes(10))) struct ReplacedFileTests {
    @Test func aReplacedFileRefusesWritesAndPolls() throws {
        let fixture = try StoreFixture()
        let open = try fixture.open(as: .workspaceAdmin)
        _ = try open.dataVersion()
        let copy = fixture.dir.file("copy.db")
        try #require(FileManager.default.createFile(atPath: copy, contents: fixture.fileBytes()))
        #expect(rename(copy, fixture.path) == 0)
        let before = try fixture.open(as: .workspaceAdmin).auditEvents(limit: nil).count
        #expect { try open.perform(.deactivate(member: StoreFixture.email(.agent))) } throws: { error in
            guard case TeamError.gone(let message) = error else { return false }
            return message.contains("was replaced") && message.contains("nothing was written")
        }
        #expect { try open.dataVersion() } throws: { ($0 as? TeamError).map { if case .gone = $0 { true } else { false } } ?? false }
        let fresh = try fixture.open(as: .workspaceAdmin)
        #expect(try fresh.member(StoreFixture.email(.agent)).member.status == .active)
        #expect(try fresh.auditEvents(limit: nil).count == before)
    }

    @Test func reopeningReadsAndWritesTheFileNowAtThePath() throws {
        let fixture = try StoreFixture()
        let open = try fixture.open(as: .workspaceAdmin)
        let agent = StoreFixture.email(.agent)
        _ = try open.session()
        let copy = fixture.dir.file("copy.db")
        try #require(FileManager.default.createFile(atPath: copy, contents: fixture.fileBytes()))
        #expect(rename(copy, fixture.path) == 0)
        #expect { try open.dataVersion() } throws: { "\($0)".contains("was replaced") }
        try open.reopen()
        _ = try open.perform(.deactivate(member: agent))
        #expect(try fixture.open(as: .workspaceAdmin).member(agent).member.status == .deactivated)
    }

    @Test func aDeletedFileSaysSoAndCannotBeReopened() throws {
        let fixture = try StoreFixture()
        let open = try fixture.open(as: .workspaceAdmin)
        try #require(unlink(fixture.path) == 0)
        #expect { try open.reopen() } throws: { "\($0)".contains("was deleted") }
    }

    @Test func aDeletedFileSaysSo() throws {
        let fixture = try StoreFixture()
        let open = try fixture.open(as: .workspaceAdmin)
        try #require(unlink(fixture.path) == 0)
        #expect { try open.dataVersion() } throws: { "\($0)".contains("was deleted") }
    }
}
