import Foundation
import Testing
import TestSupport

/// `properties choices NAME [--add a,b] [--remove c]` through the real binary:
/// the change, its JSON, each refusal with its message and exit 1 (nothing
/// changed), and usage errors with exit 2.
@Suite(.timeLimit(.minutes(10))) struct PropertyChoicesCLITests {
    /// Tier (gold, silver) with two contacts holding silver, and a date property.
    static func workspace() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("properties", "add", "Tier", "--type", "choice", "--choices", "gold,silver")
        try cli.ok("properties", "add", "Renewal", "--type", "date")
        try cli.ok("contacts", "add", "+14155550111", "--name", "Ann", "--set", "Tier=silver")
        try cli.ok("contacts", "add", "+14155550112", "--name", "Bob", "--set", "Tier=silver")
        return cli
    }

    @Test func addingAndRemovingChoicesChangesTheListAndIsAudited() throws {
        let cli = try Self.workspace()
        let out = try cli.ok("--as", "agent@acme.test", "properties", "choices", "tier", "--add", "bronze, platinum", "--remove", "GOLD")
        #expect(out == "contact property Tier now has choices: silver, bronze, platinum\n")
        let listed = try cli.ok("properties", "list")
        #expect(listed.contains("choice (silver, bronze, platinum)"))
        let audit = try cli.ok("audit", "show")
        #expect(audit.contains(#"property.set-choices  Tier"#))
        #expect(audit.contains(#"before {"choices":["gold","silver"]} after {"choices":["silver","bronze","platinum"]}"#))
        // A contact may now take an added choice.
        try cli.ok("contacts", "edit", "+14155550111", "--set", "tier=Bronze")
    }

    @Test func jsonIsThePropertyAsItIsNow() throws {
        let cli = try Self.workspace()
        let object = try #require(try cli.json("properties", "choices", "Tier", "--add", "bronze", "--json") as? [String: Any])
        #expect(object["changed"] as? Bool == true)
        let property = try #require(object["property"] as? [String: Any])
        #expect(property["name"] as? String == "Tier" && property["type"] as? String == "choice")
        #expect(property["choices"] as? [String] == ["gold", "silver", "bronze"])
        #expect(property["version"] as? Int == 2)
        // The version a script read guards its next change.
        let stale = try cli.run("properties", "choices", "Tier", "--add", "copper", "--expect-version", "1")
        #expect(stale.status == 1 && stale.stderr.contains("property Tier was changed by someone else"))
    }

    @Test func eachRefusalSaysWhyExitsOneAndChangesNothing() throws {
        let cli = try Self.workspace()
        try cli.ok("properties", "add", "Solo", "--type", "choice", "--choices", "only")
        let before = try cli.stateOutsideRefusals()
        let refusals: [([String], String)] = [
            (["Tier", "--remove", "silver"], "clerk-team: 2 contacts hold 'silver'; change their values first"),
            (["Renewal", "--add", "soon"], "clerk-team: invalid property: Renewal is a date property; only a choice property has choices"),
            (["Solo", "--remove", "only"], "clerk-team: invalid choices: Solo must keep at least one choice"),
            (["Tier", "--add", "Gold"], "clerk-team: invalid choices: 'Gold' is already a choice of Tier"),
            (["Tier", "--add", "bronze,BRONZE"], "clerk-team: invalid choices: 'BRONZE' is given twice"),
            (["Tier", "--add", "bronze,"], "clerk-team: invalid choice: choice is empty"),
            (["Tier", "--add", "bronze", "--remove", "Bronze"], "clerk-team: invalid choices: 'Bronze' is both added and removed"),
            (["Tier", "--remove", "copper"], "clerk-team: invalid choices: 'copper' is not a choice of Tier: gold, silver"),
            (["Tier", "--add", String(repeating: "x", count: 101)], "clerk-team: invalid choice: choice is longer than 100 characters"),
            (["Nope", "--add", "a"], "clerk-team: no contact property 'Nope'"),
        ]
        for (arguments, message) in refusals {
            let result = try cli.run(["properties", "choices"] + arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try cli.stateOutsideRefusals() == before)
    }

    @Test func withoutUpdatePropertyItIsRefusedByTheGuard() throws {
        let cli = try Self.workspace()
        try cli.ok("permissions", "revoke", "agent@acme.test", "update-property")
        let before = try cli.stateOutsideRefusals()
        let refused = try cli.run("--as", "agent@acme.test", "properties", "choices", "Tier", "--add", "bronze")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused (permission): you need update-property to add, rename, change or remove contact properties"))
        #expect(try cli.stateOutsideRefusals() == before)
    }

    @Test func neitherAddNorRemoveIsAUsageError() throws {
        let cli = try Self.workspace()
        let bare = try cli.run("properties", "choices", "Tier")
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("give at least one of --add, --remove"))
        let noName = try cli.run("properties", "choices", "--add", "bronze")
        #expect(noName.status == 2)
        #expect(noName.stderr.contains("Missing expected argument '<name>'"))
        #expect(try cli.run("properties", "choices", "Tier", "--add").status == 2, "an option without its value")
    }
}
