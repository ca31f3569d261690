import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// A handle opened read-only changes nothing, whatever it is asked to do.
@Suite(.timeLimit(.minutes(10))) struct ReadOnlyStoreTests {
    let readOnly = StoreOptions(readOnly: true)

    @Test func aReadOnlyHandleRefusesAcceptAndTheTokenStillWorks() throws {
        let fixture = try StoreFixture()
        let sent = try fixture.invite("rita@example.com")
        let before = fixture.fileBytes()
        let outsider = try SQLiteWorkspace.open(path: fixture.path, identity: OperatorIdentity(osLogin: "rita", interface: .cli),
                                                options: readOnly)
        #expect { try outsider.acceptInvitation(AcceptRequest(token: sent.token, name: nil, login: "rita")) } throws: { error in
            guard case .storage(let message) = error as? TeamError else { return false }
            return message.contains("read-only mode")
        }
        #expect(fixture.fileBytes() == before)
        #expect(try fixture.accept(sent.token, login: "rita").member.email.value == "rita@example.com")
    }

    @Test func aReadOnlyOpenNeverUpgradesTheFile() throws {
        let fixture = try StoreFixture()
        do {
            let db = try SQLiteConnection(path: fixture.path, mode: .readWrite)
            try db.execute("PRAGMA user_version = \(Schema.currentVersion - 1)")
        }
        let before = fixture.fileBytes()
        #expect {
            try SQLiteWorkspace.open(path: fixture.path, identity: OperatorIdentity(osLogin: "x", interface: .cli),
                                     options: readOnly)
        } throws: { error in
            guard case .storage(let message) = error as? TeamError else { return false }
            return message.contains("needs an upgrade") && message.contains("without --read-only")
        }
        #expect(fixture.fileBytes() == before)
    }

    @Test func creatingAWorkspaceIsRefused() throws {
        let dir = TempDirectory()
        let identity = OperatorIdentity(osLogin: "x", interface: .cli)
        #expect {
            try SQLiteWorkspace.create(path: dir.file("w.db"), name: DisplayName("W"), adminEmail: EmailAddress("a@b.co"),
                                       adminName: DisplayName("A"), identity: identity, options: readOnly)
        } throws: { ($0 as? TeamError)?.description.contains("read-only mode") == true }
        #expect { try SQLiteWorkspace.createDemo(path: dir.file("d.db"), members: 3, identity: identity, options: readOnly) }
            throws: { ($0 as? TeamError)?.description.contains("read-only mode") == true }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
