import Foundation
import Testing
import TestSupport

/// A bad option value is a usage error (exit 2) about the value, never an
/// "unknown command" made of the value, whether the command is named or is
/// its group's default (`review` is `review show`, `audit` is `audit show`).
@Suite(.timeLimit(.minutes(10))) struct OptionValueCLITests {
    static let cases: [([String], String)] = [
        (["review", "--format", "xml"], "--format: 'xml' is not one of md, json, csv"),
        (["review", "show", "--format", "xml"], "--format: 'xml' is not one of md, json, csv"),
        (["roster", "export", "--format", "toml"], "--format: 'toml' is not one of yaml, json"),
        (["audit", "--limit", "abc"], "--limit: 'abc' is not a whole number"),
        (["audit", "show", "--limit", "abc"], "--limit: 'abc' is not a whole number"),
        (["audit", "--limit", "-1"], "--limit: must be 1 or more"),
        (["audit", "--limit", "0"], "--limit: must be 1 or more"),
        (["audit", "--refused", "--limit", "2.5"], "--limit: '2.5' is not a whole number"),
        (["messages", "show", "+14155550100", "+14155550123", "--last", "-3"], "--last: must be 1 or more"),
        (["members", "set-role", "agent@acme.test", "member", "--expect-version", "v2"],
         "--expect-version: 'v2' is not a whole number"),
    ]

    @Test(arguments: cases) func aBadValueSaysWhatIsWrongWithIt(_ arguments: [String], _ expected: String) throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let before = try cli.stateOutsideRefusals()
        let result = try cli.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first == "clerk-team: " + expected, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("unknown command"), "\(result.stderr)")
        #expect(try cli.stateOutsideRefusals() == before)
    }

    @Test func aGoodValueStillWorksAfterADefaultSubcommand() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let shown = try cli.ok("audit", "--limit", "1")
        #expect(shown.split(separator: "\n").count == 2, "header and one row: \(shown)")
        #expect(try cli.ok("review", "--format", "csv").contains(","))
        // A mistyped command word after an option value is still named as a command.
        let typo = try cli.run("review", "--format", "csv", "shwo")
        #expect(typo.status == 2 && typo.stderr.contains("unknown command 'review shwo'"), "\(typo.stderr)")
    }
}
