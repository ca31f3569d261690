import Foundation
import Testing
import TestSupport

/// Shell completion as bash runs it: the generated script is sourced and its
/// function called with COMP_WORDS/COMP_CWORD set, as on a Tab press; the
/// function runs `clerk-team` from PATH, which reads the workspace named by
/// `--db` on the line.
@Suite(.timeLimit(.minutes(10))) struct CompletionTests {
    /// What bash would offer for `line` (the word being completed is last, maybe empty).
    static func complete(_ words: [String], binary: String, in dir: TempDirectory) throws -> (offers: [String], stderr: String) {
        let bin = dir.file("bin")
        try? FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: bin + "/clerk-team", withDestinationPath: binary)
        let script = dir.file("completion.bash")
        if !FileManager.default.fileExists(atPath: script) {
            let generated = try BinaryRunner.run([binary, "--generate-completion-script", "bash"], in: dir.path)
            try generated.stdout.write(toFile: script, atomically: true, encoding: .utf8)
        }
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let program = """
            source \(script)
            COMP_WORDS=(\(quoted.joined(separator: " ")))
            COMP_CWORD=\(words.count - 1)
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            _clerk-team clerk-team "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try BinaryRunner.run(["/bin/bash", "--norc", "--noprofile", "-c", program],
                                          environment: ["PATH": bin + ":/usr/bin:/bin"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout.split(separator: "\n").map(String.init), result.stderr)
    }

    @Test func membersEmailsInboxesGroupsRolesAndPermissionsAreOffered() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("groups", "create", "Night")
        let before = try #require(cli.fileBytes())
        func offers(_ words: String...) throws -> [String] {
            try Self.complete(["clerk-team", "--db", cli.db] + words, binary: cli.binary, in: cli.dir).offers
        }
        #expect(try offers("members", "set-role", "") == ["admin@acme.test", "agent@acme.test", "manager@acme.test",
                                                          "member@acme.test", "owner@acme.test", "workspace-admin@acme.test"])
        #expect(try offers("members", "set-role", "ma") == ["manager@acme.test"])
        #expect(try offers("members", "set-role", "agent@acme.test", "") == ["workspace-admin", "admin", "manager", "agent", "member"])
        #expect(try offers("assign", "agent@acme.test", "") == ["+14155550100", "+14155550190"])
        #expect(try offers("groups", "add", "") == ["Night"])
        #expect(try offers("can", "agent@acme.test", "add-i") == ["add-inbox"])
        #expect(cli.fileBytes() == before, "completion wrote to the workspace")
        #expect(!FileManager.default.fileExists(atPath: cli.db + "-wal") || cli.fileBytes() == before)
        // A choice property's choices, after those typed before the last comma.
        try cli.ok("properties", "add", "Tier", "--type", "choice", "--choices", "gold,silver,bronze")
        let withProperty = try #require(cli.fileBytes())
        #expect(try offers("properties", "choices", "tier", "--remove", "") == ["bronze", "gold", "silver"])
        #expect(try offers("properties", "choices", "Tier", "--remove", "gold,s") == ["gold,silver"])
        #expect(cli.fileBytes() == withProperty, "completion wrote to the workspace")
    }

    /// No workspace, a bad --db, a login that is no member: nothing offered and nothing printed.
    @Test func aProblemOffersNothingAndPrintsNothing() throws {
        let cli = try CLIHarness()
        for words in [["--db", cli.dir.file("missing.db"), "members", "remove", ""],
                      ["--db", "", "assign", "x@y.z", ""],
                      ["--db=/proc/nonexistent/x.db", "members", "show", ""]] {
            let result = try Self.complete(["clerk-team"] + words, binary: cli.binary, in: cli.dir)
            #expect(result.offers.isEmpty, "\(words): \(result.offers)")
            #expect(result.stderr.isEmpty, "\(words): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.dir.file("missing.db")))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func everyShellGetsAScriptThatAsksTheBinary(_ shell: String) throws {
        let cli = try CLIHarness()
        let script = try cli.ok("--generate-completion-script", shell)
        #expect(script.contains("---completion"))
        #expect(script.contains("set-role"))
    }
}
