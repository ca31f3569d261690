import Foundation
import Testing
import TestSupport
@testable import TeamStore

/// The presence folder is read again only when something happened in it:
/// an entry made, rewritten, removed, or closed by a writer that ended.
@Suite(.timeLimit(.minutes(10))) struct FolderWatchTests {
    @Test func saysWhenSomethingHappenedAndOnlyThen() throws {
        let dir = TempDirectory()
        let folder = dir.file("presence")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let watch = FolderWatch(path: folder)
        #expect(watch.changed(), "the first question always looks")
        #expect(!watch.changed(), "nothing happened since")

        let entry = folder + "/1-1.json"
        let fd = open(entry, O_CREAT | O_RDWR, 0o600)
        try #require(fd >= 0)
        #expect(watch.changed(), "an entry was made")
        #expect(!watch.changed())
        _ = "x".withCString { write(fd, $0, 1) }
        #expect(watch.changed(), "an entry was rewritten")
        close(fd)
        #expect(watch.changed(), "a writer closed its entry, as a process that ends does")
        #expect(!watch.changed())
        unlink(entry)
        #expect(watch.changed(), "an entry was removed")

        // Reading an entry (what the other interfaces do) is not news.
        try #require(FileManager.default.createFile(atPath: entry, contents: Data("{}".utf8)))
        _ = watch.changed()
        _ = try Data(contentsOf: URL(fileURLWithPath: entry))
        #expect(!watch.changed(), "a reader's open and close")

        try FileManager.default.removeItem(atPath: folder)
        #expect(watch.changed(), "the folder went away")
        #expect(watch.changed(), "and without a watch the answer is always yes")
    }
}
