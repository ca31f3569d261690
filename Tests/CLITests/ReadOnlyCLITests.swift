import Foundation
import Testing
import TestSupport

/// `--read-only` holds for every command, including those that used to open
/// the workspace their own way (accept, init, demo).
@Suite(.timeLimit(.minutes(10))) struct ReadOnlyCLITests {
    @Test func readOnlyAcceptIsRefusedAndTheTokenStillWorksAfterwards() throws {
        let team = try CLIWorkspace()
        try team.expectSuccess(["invite", "ro@example.com", "--role", "member"])
        let token = try team.lastToken()
        let before = FileManager.default.contents(atPath: team.db)
        let refused = try team.run(["--read-only", "accept", token, "--login", "ro"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("read-only mode"), "\(refused.stderr)")
        #expect(FileManager.default.contents(atPath: team.db) == before)
        #expect(try team.expectSuccess(["invites", "list", "--json"]).stdout.contains(#""status":"pending""#))
        let accepted = try team.expectSuccess(["accept", token, "--login", "ro"])
        #expect(accepted.stdout.contains("ro@example.com is now member, bound to login 'ro'"))
    }

    @Test func readOnlyInviteIsRefusedAndQueuesNoMail() throws {
        let team = try CLIWorkspace()
        let refused = try team.run(["--read-only", "invite", "ro@example.com", "--role", "member"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("read-only mode"), "\(refused.stderr)")
        #expect(try team.expectSuccess(["invites", "list", "--json"]).stdout == "[]\n")
        #expect(try team.expectSuccess(["mail", "status", "--json"]).stdout == "[]\n")
        #expect(team.mails().isEmpty)
    }

    @Test func readOnlyInitAndDemoCreateNothing() throws {
        let team = try CLIWorkspace()
        let fresh = team.dir.file("fresh.db")
        let initRefused = try team.run(["--read-only", "--db", fresh, "init", "--workspace", "New", "--admin-email", "a@b.co"])
        #expect(initRefused.status == 1)
        #expect(initRefused.stderr.contains("read-only mode (--read-only): creating a workspace is a change"), "\(initRefused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fresh))

        let demo = team.dir.file("demo.db")
        let demoRefused = try team.run(["--read-only", "--db", demo, "demo", "--no-tui", "--members", "5"])
        #expect(demoRefused.status == 1)
        #expect(demoRefused.stderr.contains("building the demo workspace is a change"), "\(demoRefused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: demo))
        // An existing demo is not replaced either.
        try team.expectSuccess(["--db", demo, "demo", "--no-tui", "--members", "5"])
        let built = FileManager.default.contents(atPath: demo)
        #expect(try team.run(["--read-only", "--db", demo, "demo", "--no-tui", "--members", "7"]).status == 1)
        #expect(FileManager.default.contents(atPath: demo) == built)
    }
}
