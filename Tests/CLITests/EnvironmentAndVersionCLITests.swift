import Foundation
import Testing
import TestSupport

/// What the program is told from outside the command line: a --db that is a
/// folder, a busy timeout that cannot be used, and `--version`.
@Suite(.timeLimit(.minutes(10))) struct EnvironmentAndVersionCLITests {
    @Test func aFolderGivenAsTheWorkspaceIsNamedAsAFolder() throws {
        let cli = try CLIHarness()
        let folder = cli.dir.file("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for arguments in [["--db", folder, "members", "list"], ["--db", folder, "audit"],
                          ["--db", folder, "init", "--workspace", "Acme", "--admin-email", "boss@acme.test"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("\(folder) is a folder, not a workspace file"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("disk I/O error"), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "nothing was written in the folder")
    }

    @Test(arguments: ["abc", "-5", "49", "600001", "99999999999", "1e4"])
    func aBusyTimeoutThatCannotBeUsedIsRefused(_ value: String) throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let before = try cli.stateOutsideRefusals()
        cli.extraEnvironment["CLERK_TEAM_BUSY_TIMEOUT_MS"] = value
        for arguments in [["members", "list"], ["members", "set-role", "agent@acme.test", "member"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(value) \(arguments): \(result.stderr)")
            #expect(result.stderr.contains("CLERK_TEAM_BUSY_TIMEOUT_MS: '\(value)' is not a whole number of milliseconds from 50 to 600000"),
                    "\(result.stderr)")
        }
        #expect(try cli.stateOutsideRefusals() == before)
    }

    @Test func aBusyTimeoutInRangeOrUnsetIsUsed() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        for value in ["50", "600000", ""] {
            cli.extraEnvironment["CLERK_TEAM_BUSY_TIMEOUT_MS"] = value
            let result = try cli.run("members", "list")
            #expect(result.status == 0, "\(value): \(result.stderr)")
        }
    }

    @Test func versionPrintsTheVersionTheManualPageCarries() throws {
        let cli = try CLIHarness()
        let result = try cli.run("--version")
        #expect(result.status == 0, "\(result.stderr)")
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." }, "\(version)")
        #expect(try cli.ok("manual").contains("\"clerk-team \(version)\""))
        #expect(try cli.ok("--help").contains("--version"))
    }
}
