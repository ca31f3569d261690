import Foundation
import Testing
import TestSupport

/// `--json` on the commands that change something outside the member and inbox commands.
@Suite(.timeLimit(.minutes(10))) struct JSONOutputTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    @Test func initImportFlushAndAcceptSpeakJSON() throws {
        let team = try CLIWorkspace()
        let other = team.dir.file("second.db")
        let created = try object(team.expectSuccess(["--db", other, "init", "--workspace", "B", "--admin-email", "b@b.test", "--json"]).stdout)
        #expect(created["changed"] as? Bool == true)
        #expect((created["admin"] as? [String: Any])?["role"] as? String == "workspace-admin")

        let csv = team.dir.file("team.csv")
        try "email,role\nann@x.test,agent\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let dry = try object(team.expectSuccess(["invites", "import", csv, "--dry-run", "--json"]).stdout)
        #expect(dry["changed"] as? Bool == false && dry["dry_run"] as? Bool == true)
        #expect((dry["invitations"] as? [[String: Any]])?.first?["email"] as? String == "ann@x.test")
        let done = try object(team.expectSuccess(["invites", "import", csv, "--json"]).stdout)
        #expect(done["changed"] as? Bool == true && (done["mail"] as? [Any])?.count == 1)

        let flushed = try object(team.expectSuccess(["mail", "flush", "--json"]).stdout)
        #expect(flushed["changed"] as? Bool == false, "the import delivered its mail already")
        #expect((flushed["delivered"] as? [Any])?.isEmpty == true)

        let token = try team.lastToken()
        let accepted = try object(team.expectSuccess(["accept", token, "--login", "ann", "--json"]).stdout)
        #expect(accepted["changed"] as? Bool == true && accepted["login"] as? String == "ann")
        #expect((accepted["member"] as? [String: Any])?["role"] as? String == "agent")

        let bad = team.dir.file("bad.csv")
        try "email,role\nnot-an-email,agent\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try team.run(["invites", "import", bad, "--json"])
        #expect(refused.status == 1)
        #expect(((try object(refused.stdout))["problems"] as? [[String: Any]])?.first?["line"] as? Int == 2)
    }
}
