import Foundation
import Testing
import TestSupport
import TeamCore
@testable import TeamMail

/// A config file names a command to run: like ssh with its config, one that
/// someone else could have written is refused.
@Suite(.timeLimit(.minutes(10))) struct ConfigTrustTests {
    func write(_ dir: TempDirectory, mode: mode_t) throws -> String {
        let path = dir.file("config.json")
        try #"{"transport": {"kind": "sendmail", "command": ["/bin/true"]}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        try #require(chmod(path, mode) == 0)
        return path
    }

    func loadError(_ path: String) -> String? {
        do { _ = try ClerkConfig.load(environment: ["CLERK_TEAM_CONFIG": path]); return nil } catch { return "\(error)" }
    }

    @Test func aPrivateConfigIsRead() throws {
        let dir = TempDirectory()
        let path = try write(dir, mode: 0o600)
        #expect(loadError(path) == nil)
        #expect(loadError(try write(dir, mode: 0o644)) == nil, "readable by others is fine; writable is not")
    }

    @Test func aConfigOthersCanWriteIsRefusedNamingTheFileAndTheFix() throws {
        let dir = TempDirectory()
        for mode: mode_t in [0o666, 0o620, 0o602] {
            let path = try write(dir, mode: mode)
            let message = try #require(loadError(path), "mode \(String(mode, radix: 8))")
            #expect(message.contains(path) && message.contains("writable by") && message.contains("chmod go-w \(path)"), "\(message)")
        }
    }

    @Test
    func aConfigOwnedBySomeoneElseIsRefused() throws {
        try requireRoot()  // to give files to other users
        let dir = TempDirectory()
        let path = try write(dir, mode: 0o600)
        try #require(chown(path, 65534, 65534) == 0)
        let message = try #require(loadError(path))
        #expect(message.contains(path) && message.contains("owned by uid 65534") && message.contains("chown"), "\(message)")
    }

    @Test func theRuleItself() {
        #expect(ClerkConfig.trustProblem(owner: 1000, mode: 0o100600, runningAs: 1000) == nil)
        #expect(ClerkConfig.trustProblem(owner: 0, mode: 0o100644, runningAs: 1000) == nil, "root's config is trusted")
        #expect(ClerkConfig.trustProblem(owner: 1001, mode: 0o100600, runningAs: 1000) != nil)
        #expect(ClerkConfig.trustProblem(owner: 1000, mode: 0o100660, runningAs: 1000) != nil)
        #expect(ClerkConfig.trustProblem(owner: 0, mode: 0o100666, runningAs: 0) != nil)
    }
}
