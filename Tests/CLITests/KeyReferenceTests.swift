import Foundation
import Testing
import TestSupport

/// The README's key table is the interface's own table, printed by `clerk-team keys --markdown`.
@Suite(.timeLimit(.minutes(10))) struct KeyReferenceTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func theReadmeKeyTableIsTheGeneratedOne() throws {
        let printed = try CLIHarness().ok("keys", "--markdown")
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- keys:begin -->\n"), "README has no keys:begin marker")
        let end = try #require(text.range(of: "<!-- keys:end -->"), "README has no keys:end marker")
        let inReadme = String(text[begin.upperBound..<end.lowerBound])
        #expect(inReadme == printed, "README key table drifted: run 'clerk-team keys --markdown' and paste it between the markers")
    }

    @Test func theKeyReferenceNamesEveryWindowAndTheKeysInIt() throws {
        let printed = try CLIHarness().ok("keys")
        for section in ["Member list", "Invite window", "Role window", "Typed confirmation", "Yes/no question", "Help window", "Typing a filter", "Always"] {
            #expect(printed.contains(section + "\n"), "\(section)")
        }
        #expect(printed.contains("Tab"), "window keys are listed")
        #expect(printed.contains("^C"))
    }

    @Test func theManualFragmentHasEveryEntryOfTheTable() throws {
        let harness = try CLIHarness()
        let roff = try harness.ok("keys", "--man")
        let rows = try harness.ok("keys", "--markdown").split(separator: "\n").dropFirst(2)
        #expect(roff.components(separatedBy: ".TP\n").count - 1 == rows.count)
        #expect(roff.contains(".SS Invite window\n"))
        let requests = roff.split(separator: "\n").filter { $0.hasPrefix(".") }
        #expect(requests.allSatisfy { line in ["SS ", "TP", "B "].contains { line.dropFirst().hasPrefix($0) } },
                "no line starts a request other than ours")
    }
}
