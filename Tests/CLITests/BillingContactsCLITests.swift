import Foundation
import Testing
import TestSupport
@testable import TeamStore

/// `billing`, `contacts` and `properties` through the real binary: each
/// permission allows its action and its absence refuses it, changing nothing.
@Suite(.timeLimit(.minutes(10))) struct BillingContactsCLITests {
    @Test func modifyBillingAllowsBillingSetAndItsAbsenceRefusesIt() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let set = try cli.ok("--as", "admin@acme.test", "billing", "set", "--plan", "Pro", "--seats", "20", "--contact", "bills@acme.test")
        #expect(set.contains("billing: plan Pro, seat limit 20"))
        let shown = try #require(try cli.json("--as", "admin@acme.test", "billing", "show", "--json") as? [String: Any])
        #expect(shown["plan"] as? String == "Pro" && shown["seat_limit"] as? Int == 20 && shown["active_members"] as? Int == 6)

        let before = try cli.stateOutsideRefusals()
        // A role without it (manager), and an admin whose override revokes it.
        let manager = try cli.run("--as", "manager@acme.test", "billing", "set", "--seats", "30")
        #expect(manager.status == 1)
        #expect(manager.stderr.contains("refused (permission): you need modify-billing to change billing"))
        #expect(try cli.run("--as", "manager@acme.test", "billing", "show").stderr.contains("you need modify-billing to see billing"))
        try cli.ok("permissions", "revoke", "admin@acme.test", "modify-billing")
        let afterRevoke = try cli.stateOutsideRefusals()
        #expect(try cli.run("--as", "admin@acme.test", "billing", "set", "--seats", "30").status == 1)
        #expect(try cli.stateOutsideRefusals() == afterRevoke)
        #expect(before.filter { $0.hasPrefix("workspace:") } == afterRevoke.filter { $0.hasPrefix("workspace:") })

        // Below the active members: refused with the numbers.
        let low = try cli.run("billing", "set", "--seats", "5")
        #expect(low.status == 1)
        #expect(low.stderr.contains("refused (seat-limit): cannot lower the seat limit to 5: 6 members are active; deactivate 1 first"))
        #expect(try cli.run("billing", "set", "--seats", "many").stderr.contains("invalid seats"))
    }

    @Test func updateContactAllowsChangingContactsAndItsAbsenceRefusesIt() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("properties", "add", "Tier", "--type", "choice", "--choices", "gold,silver")
        let added = try cli.ok("--as", "member@acme.test", "contacts", "add", "+44 20 7946 0123", "--name", "Siobhán", "--set", "tier=Gold")
        #expect(added.contains("added contact +442079460123 (Siobhán)"))
        let shown = try #require(try cli.json("--as", "agent@acme.test", "contacts", "show", "+442079460123", "--json") as? [String: Any])
        #expect(shown["values"] as? [String: String] == ["Tier": "gold"])

        try cli.ok("permissions", "revoke", "member@acme.test", "update-contact")
        let before = try cli.stateOutsideRefusals()
        let refused = try cli.run("--as", "member@acme.test", "contacts", "edit", "+442079460123", "--name", "X")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused (permission): you need update-contact to add, edit or remove contacts"))
        let csv = cli.dir.file("c.csv")
        try "phone,name\n+14155550111,Ann\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try cli.run("--as", "member@acme.test", "contacts", "import", csv).stderr.contains("you need update-contact"))
        #expect(try cli.run("--as", "member@acme.test", "contacts", "remove", "+442079460123", "--yes").status == 1)
        #expect(try cli.stateOutsideRefusals() == before)
        // Reading needs nothing more than being an active member.
        #expect(try cli.run("--as", "member@acme.test", "contacts", "list").status == 0)
    }

    @Test func updatePropertyAllowsChangingPropertiesAndARoleWithoutItIsRefused() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("--as", "agent@acme.test", "properties", "add", "Renewal", "--type", "date")
        try cli.ok("--as", "agent@acme.test", "properties", "rename", "renewal", "Renews")
        // The role lacks it in this workspace (a role-default edit), so every agent is refused.
        try cli.ok("roles", "set", "agent", "-update-property")
        let before = try cli.stateOutsideRefusals()
        let refused = try cli.run("--as", "agent@acme.test", "properties", "remove", "Renews", "--yes")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused (permission): you need update-property"))
        #expect(try cli.stateOutsideRefusals() == before)
        let list = try #require(try cli.json("--as", "agent@acme.test", "properties", "list", "--json") as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["Renews"])
    }

    @Test func contactsImportIsAllOrNothingWithLineNumbersAndTextIsSanitised() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("properties", "add", "Orders", "--type", "number")
        let csv = cli.dir.file("contacts.csv")
        try "phone,name,Orders\n+1 415 555 0111,Ann,3\n\"+1 415 555 0112\",\"Bob,\nJr\",\n+1 415 555 0111,Dup,\nnope,Cy,\n+1 415 555 0113,Di,x\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let bad = try cli.run("contacts", "import", csv)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("line 3: name contains control character U+000A"))
        #expect(bad.stderr.contains("line 7: invalid value of Orders: 'x' is not a number"))
        #expect(bad.stderr.contains("line 5: +14155550111 is already on line 2 of this file"))
        #expect(bad.stderr.contains("line 6: 'nope' is not a phone number"))
        #expect(try #require(try cli.json("contacts", "list", "--json") as? [Any]).isEmpty)
        try "phone,name,Orders\n+1 415 555 0111,Ann,3\n+1 415 555 0112,Bob,\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try cli.ok("contacts", "import", csv).contains("added 2 contacts"))

        // A name edited into the file by hand never reaches the terminal raw.
        let connection = try SQLiteConnection(path: cli.db, mode: .readWrite)
        try connection.run("UPDATE contacts SET name = ? WHERE phone = '+14155550111'", ["Evil\u{1B}[2J\u{202E}Corp"])
        let listed = try cli.ok("contacts", "list")
        #expect(!listed.contains("\u{1B}") && !listed.contains("\u{202E}"))
        #expect(listed.contains("Evil\\x1b[2J"))
        let json = try cli.ok("contacts", "list", "--json")
        #expect(!json.contains("\u{1B}") && json.contains("\\u001b"))
    }
}

/// Two invitees accepting at once, in separate processes, when one seat is left: exactly one joins.
@Suite(.timeLimit(.minutes(10))) struct SeatRaceCLITests {
    @Test func twoAcceptsRacingForTheLastSeatHaveExactlyOneWinner() throws {
        for _ in 0..<3 {
            let workspace = try CLIWorkspace()
            try workspace.expectSuccess(["invite", "ann@acme.test", "--role", "member"])
            let first = try workspace.lastToken()
            try workspace.expectSuccess(["invite", "bob@acme.test", "--role", "member"])
            let second = try workspace.lastToken()
            // One active member (the admin): a limit of 2 leaves one seat for two pending invitations.
            try workspace.expectSuccess(["billing", "set", "--seats", "2"])
            let a = ["accept", first, "--login", "ann-login"], b = ["accept", second, "--login", "bob-login"]
            let runs = [try workspace.start(a), try workspace.start(b)]
            let results = [try BinaryRunner.finish(runs[0], arguments: a), try BinaryRunner.finish(runs[1], arguments: b)]
            #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.stderr))")
            let loser = try #require(results.first { $0.status != 0 })
            #expect(loser.status == 1)
            #expect(loser.stderr.contains("refused (seat-limit): all 2 seats are taken by active members (2)"))
            let billing = try workspace.run(["billing", "show", "--json"])
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(billing.stdout.utf8)) as? [String: Any])
            #expect(parsed["active_members"] as? Int == 2)
            #expect(parsed["pending_invitations"] as? Int == 1, "the loser's invitation stays pending")
        }
    }
}
