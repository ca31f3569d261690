import Foundation
import Testing
import TestSupport

/// clerk-team(1) is generated from the command definitions and the key table.
@Suite(.timeLimit(.minutes(10))) struct ManualPageTests {
    /// Every command path the binary knows, from argument-parser's own help dump.
    static func commandPaths(_ binary: String, in dir: String) throws -> [String] {
        let dump = try BinaryRunner.run([binary, "--experimental-dump-help"], in: dir)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        func walk(_ command: [String: Any], _ path: [String]) -> [String] {
            let subs = (command["subcommands"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool != false }
            return subs.flatMap { sub -> [String] in
                let words = path + [sub["commandName"] as? String ?? "?"]
                return [words.joined(separator: " ")] + walk(sub, words)
            }
        }
        return walk(try #require(root["command"] as? [String: Any]), []).filter { !$0.hasSuffix("help") }
    }

    @Test func thePageRendersWithEveryCommandAndTheKeys() throws {
        let cli = try CLIHarness()
        let page = try cli.ok("manual")
        let file = cli.dir.file("clerk-team.1")
        try page.write(toFile: file, atomically: true, encoding: .utf8)
        let rendered = try BinaryRunner.run(["/usr/bin/man", "-l", file], environment: ["MANPAGER": "cat", "MANWIDTH": "100"],
                                            in: cli.dir.path)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.stderr.isEmpty, "\(rendered.stderr)")
        for heading in ["NAME", "SYNOPSIS", "GLOBAL OPTIONS", "COMMANDS", "EXIT STATUS", "FILES", "ENVIRONMENT",
                        "TRUST MODEL", "KEYS"] {
            #expect(rendered.stdout.contains("\n\(heading)\n"), "no section \(heading)")
        }
        let paths = try Self.commandPaths(cli.binary, in: cli.dir.path)
        #expect(paths.contains("members set-role") && paths.count > 40)
        for path in paths {
            #expect(rendered.stdout.contains("\n   \(path)\n"), "the page lacks '\(path)'")
        }
        // Options of commands, and the interface's keys from its key table.
        #expect(rendered.stdout.contains("--expect-version n"))
        #expect(rendered.stdout.contains("Member list") && rendered.stdout.contains("Invite window"))
        #expect(!page.contains(".SS \"manual\""), "the hidden manual command is not listed")
    }

    @Test func theKeysSectionIsTheKeyTableAsGiven() throws {
        let cli = try CLIHarness()
        let keys = try cli.ok("keys", "--man")
        #expect(try cli.ok("manual").contains(keys))
    }
}
