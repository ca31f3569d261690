import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `--as` is for the file's owner: decided on the file SQLite opened, so a
/// symbolic link swapped between a check and the open cannot fool it.
@Suite(.timeLimit(.minutes(10))) struct AsOwnerRaceTests {
    /// Points `link` at `target` in one step (a new link renamed over it), as an attacker would.
    static func point(_ link: String, at target: String) {
        let fresh = link + ".new"
        unlink(fresh)
        #expect(symlink(target, fresh) == 0 && rename(fresh, link) == 0)
    }

    @Test func theOpenedFileIsTheOneTheDescriptorHoldsWhateverThePathSaysLater() throws {
        let fixture = try StoreFixture()
        let decoy = fixture.dir.file("decoy.db")
        try #require(FileManager.default.createFile(atPath: decoy, contents: fixture.fileBytes()))
        let link = fixture.dir.file("link.db")
        Self.point(link, at: fixture.path)
        let workspace = try SQLiteWorkspace.open(path: link, identity: OperatorIdentity(osLogin: "x", interface: .cli),
                                                 options: StoreOptions())
        Self.point(link, at: decoy)
        let real = try #require(WorkspaceFile.identity(path: fixture.path))
        #expect(workspace.db.openedFile()?.identity == real)
        #expect(WorkspaceFile.identity(path: link) != real, "the path now names the decoy")
    }

    @Test
    func aNonOwnerCannotActAsThroughALinkToSomeoneElsesFile() throws {
        try requireRoot()  // to give files to other users
        let fixture = try StoreFixture()
        let attacker: UInt32 = 65534
        // The victim's workspace belongs to uid 4242; the attacker owns a copy of their own.
        try #require(chown(fixture.path, 4242, 4242) == 0)
        let own = fixture.dir.file("own.db")
        try #require(FileManager.default.createFile(atPath: own, contents: fixture.fileBytes()))
        try #require(chown(own, attacker, attacker) == 0)
        let link = fixture.dir.file("link.db")
        let asAdmin = OperatorIdentity(osLogin: "mallory", asEmail: StoreFixture.email(.workspaceAdmin), interface: .cli)
        let options = StoreOptions(effectiveUID: attacker)
        Self.point(link, at: own)
        _ = try SQLiteWorkspace.open(path: link, identity: asAdmin, options: options)   // their own file: fine
        Self.point(link, at: fixture.path)
        #expect { try SQLiteWorkspace.open(path: link, identity: asAdmin, options: options) } throws: {
            guard case .identity(let message) = $0 as? TeamError else { return false }
            return message.contains("--as is only for the superuser or the owner")
        }
    }
}
