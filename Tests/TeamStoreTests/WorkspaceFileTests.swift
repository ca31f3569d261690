import CSQLite
import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

@Suite(.timeLimit(.minutes(10))) struct WorkspaceFileTests {
    let identity = OperatorIdentity(osLogin: "nobody-bound", interface: .cli)

    @Test func newFilesArePrivateWALAndMarkedAsOurs() throws {
        let fixture = try StoreFixture()
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let db = try SQLiteConnection(path: fixture.path, mode: .readOnly)
        #expect(try db.first("PRAGMA journal_mode") { $0.text(0) } == "wal")
        #expect(try db.scalarInt("PRAGMA application_id") == Schema.applicationID)
        #expect(try db.scalarInt("PRAGMA user_version") == Schema.currentVersion)
        // The -wal and -shm files hold the same rows: just as private. A
        // writer keeps them in existence while we look.
        let writer = try fixture.open(as: .workspaceAdmin)
        _ = try writer.perform(.renameMember(member: StoreFixture.email(.workspaceAdmin), name: DisplayName("Wanda W")))
        for suffix in ["-wal", "-shm"] {
            let side = try FileManager.default.attributesOfItem(atPath: fixture.path + suffix)
            #expect((side[.posixPermissions] as? Int) == 0o600, "\(suffix)")
            #expect((side[.size] as? Int ?? 0) > 0, "\(suffix)")
        }
    }

    @Test func connectionsUseTheRequiredPragmas() throws {
        let fixture = try StoreFixture()
        let workspace = try fixture.open(as: .admin)
        #expect(try workspace.db.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try workspace.db.scalarInt("PRAGMA synchronous") == 2)  // FULL
        #expect(try workspace.db.scalarInt("PRAGMA trusted_schema") == 0)
    }

    @Test func groupSharedFoldersGetGroupWritableFiles() throws {
        let dir = TempDirectory()
        let shared = dir.file("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        try #require(chmod(shared, 0o2770) == 0)
        _ = try SQLiteWorkspace.create(path: shared + "/w.db", name: DisplayName("G"), adminEmail: EmailAddress("a@b.co"),
                                       adminName: DisplayName("A"), identity: identity, options: StoreOptions())
        let attributes = try FileManager.default.attributesOfItem(atPath: shared + "/w.db")
        #expect((attributes[.posixPermissions] as? Int) == 0o660)
    }

    @Test func openingAMissingFileNeverCreatesIt() {
        let dir = TempDirectory()
        let path = dir.file("absent.db")
        #expect { try SQLiteWorkspace.open(path: path, identity: identity, options: StoreOptions()) } throws: { error in
            guard case .storage(let message) = error as? TeamError else { return false }
            return message.contains("no workspace at \(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aNewerSchemaIsRefusedAndLeftAlone() throws {
        let fixture = try StoreFixture()
        do {
            let db = try SQLiteConnection(path: fixture.path, mode: .readWrite)
            try db.execute("PRAGMA user_version = 99")
        }
        let before = fixture.fileBytes()
        #expect { try fixture.open(as: .workspaceAdmin) } throws: { error in
            guard case .storage(let message) = error as? TeamError else { return false }
            return message.contains("newer clerk-team") && message.contains("schema 99")
        }
        #expect(fixture.fileBytes() == before)
    }

    @Test func aCorruptFileIsRefusedWithASentence() throws {
        let dir = TempDirectory()
        let path = dir.file("junk.db")
        let junk = Data(repeating: 0x5A, count: 8192)
        _ = FileManager.default.createFile(atPath: path, contents: junk)
        #expect { try SQLiteWorkspace.open(path: path, identity: identity, options: StoreOptions()) } throws: { error in
            guard case .storage(let message) = error as? TeamError else { return false }
            return message.contains("not a clerk-team workspace")
        }
        #expect(FileManager.default.contents(atPath: path) == junk)
    }

    @Test func someoneElsesSQLiteFileIsRefused() throws {
        let dir = TempDirectory()
        let path = dir.file("other.db")
        do {
            let db = try SQLiteConnection(path: path, mode: .readWriteCreate)
            try db.execute("CREATE TABLE notes (body TEXT)")
        }
        #expect { try SQLiteWorkspace.open(path: path, identity: identity, options: StoreOptions()) } throws: { error in
            (error as? TeamError)?.description.contains("not a clerk-team workspace") == true
        }
    }

    @Test func initRefusesToOverwriteAnExistingFile() throws {
        let fixture = try StoreFixture()
        let before = fixture.fileBytes()
        #expect { try SQLiteWorkspace.create(path: fixture.path, name: DisplayName("X"), adminEmail: EmailAddress("x@y.co"),
                                             adminName: DisplayName("X"), identity: identity, options: StoreOptions()) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("already exists")
        }
        #expect(fixture.fileBytes() == before)
    }

    @Test func anUnboundLoginIsToldHowToGetIn() throws {
        let fixture = try StoreFixture()
        let stranger = try SQLiteWorkspace.open(path: fixture.path, identity: identity, options: StoreOptions())
        #expect { try stranger.members() } throws: { error in
            guard case .identity(let message) = error as? TeamError else { return false }
            return message.contains("'nobody-bound' is not bound")
        }
    }

    @Test func hotQueriesUseIndexesNotScans() throws {
        let fixture = try StoreFixture()
        let db = try fixture.open(as: .workspaceAdmin).db
        for (name, sql) in HotQueries.all {
            let plan = try db.all("EXPLAIN QUERY PLAN " + sql, Array(repeating: SQLValue.null, count: sql.filter { $0 == "?" }.count)) {
                $0.text(3)
            }
            #expect(!plan.isEmpty, "\(name) has no plan")
            // Walking the bound list of ids (json_each) is not a table scan, and
            // an ordered walk of an index stopped by LIMIT reads only the page.
            let bounded = sql.contains("LIMIT ?")
            for step in plan where !step.hasPrefix("SCAN json_each VIRTUAL TABLE")
                && !(bounded && step.hasPrefix("SCAN members USING COVERING INDEX members_by_sort_name")) {
                #expect(!step.hasPrefix("SCAN"), "\(name) scans: \(step)")
            }
            if name == "membersByIDs" {
                #expect(plan.contains { $0.contains("SEARCH members USING INTEGER PRIMARY KEY") }, "\(plan)")
            }
            if name == "livePendingInvitationForEmail" {
                // By email: the index of every pending invitation would be read once per invitation of a batch.
                #expect(plan.contains { $0.contains("USING INDEX invitations_by_email_status (email=? AND status=?)") }, "\(plan)")
            }
        }
    }
}
