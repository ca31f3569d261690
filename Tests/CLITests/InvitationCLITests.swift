import CSQLite
import Foundation
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(10))) struct InvitationCLITests {
    static let unusable =
        "clerk-team: this invitation token cannot be used: it is mistyped, already used, revoked or expired; ask for a new invitation\n"

    @Test func anInvitationMailCarriesATokenThatJoinsOnce() throws {
        let team = try CLIWorkspace()
        // Keep a connection open: the last one to close removes -wal and
        // -shm, and a scan of files that are gone finds nothing.
        var watcher: OpaquePointer?
        try #require(sqlite3_open(team.db, &watcher) == SQLITE_OK)
        defer { sqlite3_close(watcher) }
        try #require(sqlite3_exec(watcher, "SELECT count(*) FROM members", nil, nil, nil) == SQLITE_OK)
        let invited = try team.expectSuccess(["invite", "alice@example.com", "--role", "agent", "--inbox", "+14155550100"])
        #expect(invited.stdout.contains("invited alice@example.com as agent to +14155550100"))
        #expect(invited.stdout.contains("delivered (file \(team.mailFolder)/mail-1-alice@example.com.eml)"))
        let mail = try #require(team.mails().first)
        #expect(mail.components(separatedBy: "\nTo: ").count == 2)
        #expect(mail.contains("clerk-team accept - --db \(team.db)"))
        let token = try team.lastToken()
        for suffix in ["", "-wal", "-shm"] {
            let bytes = try #require(FileManager.default.contents(atPath: team.db + suffix), "ws.db\(suffix) is gone")
            #expect(!bytes.isEmpty, "ws.db\(suffix) is empty")
            #expect(bytes.range(of: Data(token.utf8)) == nil, "token in ws.db\(suffix)")
        }
        // The invitation is in the WAL (not yet checkpointed): the scan read the bytes that matter.
        let wal = FileManager.default.contents(atPath: team.db + "-wal") ?? Data()
        #expect(wal.range(of: Data("alice@example.com".utf8)) != nil)
        let accepted = try team.expectSuccess(["accept", token, "--login", "alice", "--name", "Alice A"])
        #expect(accepted.stdout.contains("alice@example.com is now agent, bound to login 'alice'"))
        #expect(accepted.stdout.contains("inboxes: +1 415-555-0100"))  // shown for people
        let members = try team.expectSuccess(["members", "list", "--json"]).stdout
        #expect(members.contains(#""email":"alice@example.com","name":"Alice A","role":"agent","status":"active","login":"alice","inboxes":["+14155550100"]"#))
        let again = try team.run(["accept", token, "--login", "alice2"])
        #expect(again.status == 1)
        #expect(again.stderr == Self.unusable)
        let listed = try team.expectSuccess(["invites", "list", "--json"]).stdout
        #expect(listed.contains(#""status":"accepted""#) && listed.contains(#""mail":"sent""#))
    }

    @Test func everyBadTokenGetsTheSameWords() throws {
        let team = try CLIWorkspace()
        try team.expectSuccess(["invite", "used@example.com", "--role", "member"])
        let used = try team.lastToken()
        try team.expectSuccess(["accept", used, "--login", "used"])
        try team.expectSuccess(["invite", "gone@example.com", "--role", "member"])
        let revoked = try team.lastToken()
        try team.expectSuccess(["invites", "revoke", "gone@example.com"])
        try team.expectSuccess(["invite", "twice@example.com", "--role", "member"])
        let replaced = try team.lastToken()
        let reinvite = try team.expectSuccess(["invite", "twice@example.com", "--role", "agent"])
        #expect(reinvite.stdout.contains("replaces pending invitation #3, whose token no longer works"))
        let forged = String(repeating: "a", count: 52)
        for token in [used, revoked, replaced, forged, "nonsense", String(used.dropLast())] {
            let result = try team.run(["accept", token, "--login", "prober"])
            #expect(result.status == 1, "\(token)")
            #expect(result.stderr == Self.unusable, "\(token)")
        }
        let fromStdin = try team.run(["accept", "-", "--login", "prober"], stdin: forged + "\n")
        #expect(fromStdin.stderr == Self.unusable)
    }

    @Test func twoParallelAcceptsOfOneTokenHaveExactlyOneWinner() throws {
        let team = try CLIWorkspace()
        for round in 1...3 {
            try team.expectSuccess(["invite", "race\(round)@example.com", "--role", "member"])
            let token = try team.lastToken()
            let first = try team.start(["accept", token, "--login", "racer\(round)a"])
            let second = try team.start(["accept", token, "--login", "racer\(round)b"])
            let results = [try BinaryRunner.finish(first, arguments: ["accept"]), try BinaryRunner.finish(second, arguments: ["accept"])]
            #expect(results.filter { $0.status == 0 }.count == 1, "round \(round): \(results.map(\.stderr))")
            #expect(results.filter { $0.status == 1 && $0.stderr == Self.unusable }.count == 1)
        }
        let members = try team.expectSuccess(["members", "list", "--json"]).stdout
        #expect(members.components(separatedBy: #""login":"racer"#).count - 1 == 3)
    }

    @Test func aCSVImportIsAllOrNothingAndNamesTheLine() throws {
        let team = try CLIWorkspace()
        let bad = team.dir.file("bad.csv")
        try ("\u{FEFF}email,role,inbox\r\n\"ann@example.com\",agent,\"+14155550100\"\r\n"
             + "\"note: two\r\nlines\",member,\r\n\r\nbob@example.com,wizard,\r\n")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try team.run(["invites", "import", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("2 problems; nobody was invited"))
        #expect(refused.stderr.contains("line 3: 'note: two\\r\\nlines' is not a valid email address"))
        #expect(refused.stderr.contains("line 6: unknown role 'wizard'"))
        #expect(try team.expectSuccess(["invites", "list", "--json"]).stdout == "[]\n")
        #expect(team.mails().isEmpty)

        let good = team.dir.file("good.csv")
        try "email,role,inbox\nann@example.com,agent,+14155550100\n\"Bob@Example.com\",member,\nann@example.com,member,\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        let duplicate = try team.run(["invites", "import", good])
        #expect(duplicate.stderr.contains("line 4: ann@example.com is already invited on line 2 of this file"))
        try "email,role,inbox\nann@example.com,agent,+14155550100\n\"Bob@Example.com\",member,\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        let dry = try team.expectSuccess(["invites", "import", good, "--dry-run"])
        #expect(dry.stdout.contains("dry run: would invite 2 people"))
        #expect(team.mails().isEmpty)
        let done = try team.expectSuccess(["invites", "import", good])
        #expect(done.stdout.contains("invited 2 people"))
        #expect(team.mails().count == 2)
        let again = try team.run(["invites", "import", good])
        #expect(again.status == 1 && again.stderr.contains("line 2: ann@example.com already has pending invitation #1"))
    }

    @Test func resendRevokeAndExpiryFromTheCommandLine() throws {
        let team = try CLIWorkspace()
        try team.expectSuccess(["invites", "set-expiry", "3"])
        let invited = try team.expectSuccess(["invite", "cy@example.com", "--role", "manager", "--json"])
        #expect(invited.stdout.hasPrefix(#"{"invitation":{"id":1,"email":"cy@example.com","role":"manager""#))
        let stamp = try #require(invited.stdout.range(of: #""expires_at":""#).map { invited.stdout[$0.upperBound...].prefix(20) })
        let expires = try #require(ISO8601DateFormatter().date(from: String(stamp)))
        #expect(abs(expires.timeIntervalSinceNow - 3 * 86_400) < 300)
        let old = try team.lastToken()
        let resent = try team.expectSuccess(["invites", "resend", "cy@example.com"])
        #expect(resent.stdout.contains("resent invitation #1 to cy@example.com with a new token (the old one no longer works)"))
        let new = try team.lastToken()
        #expect(new != old && team.mails().count == 2)
        #expect(try team.run(["accept", old, "--login", "cy"]).stderr == Self.unusable)
        try team.expectSuccess(["invites", "revoke", "#1"])
        #expect(try team.run(["accept", new, "--login", "cy"]).stderr == Self.unusable)
        #expect(try team.expectSuccess(["invites", "list", "--status", "revoked", "--json"]).stdout.contains(#""email":"cy@example.com""#))
        #expect(try team.run(["invites", "set-expiry", "0"]).status == 1)
        #expect(try team.run(["invites", "list", "--status", "bogus"]).stderr.contains("unknown status 'bogus'"))
    }

    @Test func headerInjectionAndBadConfigAreRefusedBeforeAnythingChanges() throws {
        let team = try CLIWorkspace()
        let injected = try team.run(["invite", "ann@example.com\r\nBcc: all@evil.test", "--role", "member"])
        #expect(injected.status == 1 && injected.stderr.contains("invalid email"))
        try team.writeConfig(#"{"from": "team@acme.test\r\nBcc: all@evil.test"}"#)
        let badFrom = try team.run(["invite", "ann@example.com", "--role", "member"])
        #expect(badFrom.status == 1 && badFrom.stderr.contains(#"config key "from""#))
        try team.writeConfig(#"{"transport": {"kind": "sendmail", "command": "msmtp -t"}}"#)
        let badCommand = try team.run(["mail", "flush"])
        #expect(badCommand.status == 1 && badCommand.stderr.contains(#"config key "transport.command""#))
        #expect(try team.expectSuccess(["invites", "list", "--json"]).stdout == "[]\n")
    }

    @Test func loginBindingRules() throws {
        let team = try CLIWorkspace()
        try team.expectSuccess(["invite", "dee@example.com", "--role", "member"])
        let token = try team.lastToken()
        let viaAs = try team.run(["accept", token, "--as", "boss@acme.test"])
        #expect(viaAs.status == 1 && viaAs.stderr.contains("--as does not apply"))
        // The test runner's own login is the workspace-admin's: it cannot join twice.
        let own = try team.run(["accept", token])
        #expect(own.status == 1 && own.stderr.contains("already bound to member boss@acme.test"))
        #expect(try team.run(["accept", token, "--login", "bad login"]).status == 1)
    }
}

@Suite(.timeLimit(.minutes(10))) struct BadInvitationRowCLITests {
    @Test func invitesListShowsTheOthersAndWarnsAboutTheBadRow() throws {
        let team = try CLIWorkspace()
        try team.expectSuccess(["invite", "good@example.com", "--role", "member"])
        try team.expectSuccess(["invite", "bad@example.com", "--role", "member"])
        var handle: OpaquePointer?
        try #require(sqlite3_open(team.db, &handle) == SQLITE_OK)
        try #require(sqlite3_exec(handle, "UPDATE invitations SET email = 'x' WHERE id = 2", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        let listed = try team.run(["invites", "list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("good@example.com"))
        #expect(listed.stderr.contains("warning: invitation #2"), "\(listed.stderr)")
    }
}

@Suite(.timeLimit(.minutes(10))) struct LargeImportCLITests {
    @Test func aLargeImportReturnsAfterItsCommitAndLeavesTheMailToMailFlush() throws {
        let team = try CLIWorkspace()
        let csv = "email,role\n" + (1...60).map { "bulk\($0)@example.com,member" }.joined(separator: "\n") + "\n"
        try csv.write(toFile: team.dir.file("team.csv"), atomically: true, encoding: .utf8)
        let imported = try team.expectSuccess(["invites", "import", team.dir.file("team.csv")])
        #expect(imported.stdout.contains("invited 60 people"))
        #expect(imported.stdout.contains("clerk-team mail flush"), "\(imported.stdout)")
        #expect(team.mails().isEmpty, "60 mails were sent inline before the command returned")
        let flushed = try team.expectSuccess(["mail", "flush"])
        #expect(flushed.stdout.components(separatedBy: " delivered (").count - 1 == 60)
        #expect(team.mails().count == 60)
    }
}
