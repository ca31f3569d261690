import Foundation
import Testing
import TestSupport

/// `messages import|threads|show|delete` through the real binary: the two
/// permissions they need, the visibility rule, all-or-nothing imports and
/// deletions that leave no text behind.
@Suite(.timeLimit(.minutes(10))) struct MessagesCLITests {
    static let publicInbox = "+14155550100", privateInbox = "+14155550190"

    /// One line of a messages file.
    static func line(_ inbox: String, _ contact: String, _ text: String, direction: String = "in",
                     at: String = "2026-11-30T10:00:00Z", by: String? = nil) -> String {
        var object: [String: String] = ["inbox": inbox, "contact": contact, "direction": direction, "at": at, "text": text]
        if let by { object["by"] = by }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The seeded team with a thread in each inbox (two messages in the public one).
    static func seeded() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let file = [
            line(publicInbox, "+14155550123", "Is my order on its way?"),
            line(publicInbox, "+14155550123", "It ships today.", direction: "out", at: "2026-11-30T10:05:00Z", by: "agent@acme.test"),
            line(privateInbox, "+14155550145", "Private: the contract is signed."),
        ].joined(separator: "\n") + "\n"
        try file.write(toFile: cli.dir.file("seed.jsonl"), atomically: true, encoding: .utf8)
        #expect(try cli.ok("messages", "import", "seed.jsonl").contains("imported 3 messages in 2 threads of 2 inboxes"))
        return cli
    }

    static func ids(_ cli: CLIHarness, _ inbox: String, _ contact: String) throws -> [Int] {
        let thread = try #require(try cli.json("messages", "show", inbox, contact, "--json") as? [String: Any])
        return (thread["messages"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }

    @Test func viewMessagesReadsThreadsAndItsAbsenceRefuses() throws {
        let cli = try Self.seeded()
        // agent holds view-messages by default.
        let threads = try #require(try cli.json("--as", "agent@acme.test", "messages", "threads", Self.publicInbox, "--json") as? [[String: Any]])
        #expect(threads.count == 1)
        #expect(threads.first?["messages"] as? Int == 2)
        #expect(threads.first?["last_text"] as? String == "It ships today.")
        let shown = try cli.ok("--as", "agent@acme.test", "messages", "show", Self.publicInbox, "+14155550123")
        #expect(shown.contains("Is my order on its way?") && shown.contains("agent@acme.test"))
        // admin lacks view-messages in the shipped matrix (the seed's oddity).
        for arguments in [["messages", "threads", Self.publicInbox], ["messages", "show", Self.publicInbox, "+14155550123"]] {
            let refused = try cli.run(["--as", "admin@acme.test"] + arguments)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("refused (permission): you need view-messages to read an inbox's messages"))
            #expect(!refused.stdout.contains("order"))
        }
        // The same agent, once the permission is revoked.
        try cli.ok("permissions", "revoke", "agent@acme.test", "view-messages")
        let revoked = try cli.run("--as", "agent@acme.test", "messages", "threads", Self.publicInbox)
        #expect(revoked.status == 1)
        #expect(revoked.stderr.contains("you need view-messages"))
    }

    /// Every column of the thread tables has a header word over it, the in/out one too.
    @Test func everyColumnOfTheThreadTablesHasAHeader() throws {
        let cli = try Self.seeded()
        let tables = [(try cli.ok("messages", "show", Self.publicInbox, "+14155550123"), "ID AT DIR BY TEXT"),
                      (try cli.ok("messages", "threads", Self.publicInbox), "CONTACT MESSAGES LAST DIR PREVIEW")]
        for (table, header) in tables {
            let lines = table.split(separator: "\n").map(String.init)
            #expect(lines.first?.split(separator: " ").joined(separator: " ") == header, "\(table)")
            // The direction sits under its header: same column on every row.
            let column = try #require(lines.first?.range(of: "DIR")).lowerBound.utf16Offset(in: lines[0])
            for row in lines.dropFirst() {
                let cell = row.utf16.dropFirst(column).prefix(3)
                #expect(["in ", "out"].contains(String(decoding: Array(cell), as: UTF16.self)), "\(row)")
            }
        }
    }

    @Test func deleteMessagesDeletesAndItsAbsenceRefusesChangingNothing() throws {
        let cli = try Self.seeded()
        let ids = try Self.ids(cli, Self.publicInbox, "+14155550123")
        #expect(ids.count == 2)
        // agent reads messages but does not hold delete-messages.
        let before = try cli.stateOutsideRefusals()
        let refused = try cli.run("--as", "agent@acme.test", "messages", "delete", String(ids[0]), "--yes")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refused (permission): you need delete-messages to delete messages"))
        let refusedThread = try cli.run("--as", "agent@acme.test", "messages", "delete", "--thread", Self.publicInbox, "+14155550123", "--yes")
        #expect(refusedThread.status == 1)
        #expect(refusedThread.stderr.contains("you need delete-messages"))
        #expect(try cli.stateOutsideRefusals() == before)
        // manager holds it.
        #expect(try cli.ok("--as", "manager@acme.test", "messages", "delete", String(ids[0]), "--yes")
            .contains("deleted message #\(ids[0])"))
        #expect(try Self.ids(cli, Self.publicInbox, "+14155550123") == [ids[1]])
        #expect(try cli.ok("--as", "manager@acme.test", "messages", "delete", "--thread", Self.publicInbox, "+14155550123", "--yes")
            .contains("(1 message)"))
        let gone = try cli.run("messages", "show", Self.publicInbox, "+14155550123")
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("no thread with +14155550123 in inbox +14155550100"))
    }

    @Test func aPrivateInboxsThreadsAreInvisibleNotEvenCounted() throws {
        let cli = try Self.seeded()
        // An agent may not see the private inbox: its threads read exactly like those of a number that is no inbox.
        let hidden = try cli.run("--as", "agent@acme.test", "messages", "threads", Self.privateInbox)
        let missing = try cli.run("--as", "agent@acme.test", "messages", "threads", "+14155550199")
        #expect(hidden.status == 1 && missing.status == 1)
        #expect(hidden.stderr == missing.stderr.replacingOccurrences(of: "+14155550199", with: Self.privateInbox))
        let viewed = try cli.run("--view-as", "agent", "messages", "show", Self.privateInbox, "+14155550145")
        #expect(viewed.status == 1)
        #expect(viewed.stderr.contains("no inbox \(Self.privateInbox) in this workspace"))
        // Not counted in the inbox listing either: the private inbox is not there, the public one counts its own thread.
        let agentInboxes = try #require(try cli.json("--as", "agent@acme.test", "inboxes", "list", "--json") as? [[String: Any]])
        #expect(agentInboxes.map { $0["phone"] as? String } == [Self.publicInbox])
        #expect(agentInboxes.first?["threads"] as? Int == 1)
        let table = try cli.ok("--as", "agent@acme.test", "inboxes", "list")
        #expect(table.contains("THREADS") && !table.contains("VIP"))
        let ownerInboxes = try #require(try cli.json("inboxes", "list", "--json") as? [[String: Any]])
        #expect(ownerInboxes.map { $0["threads"] as? Int } == [1, 1])
        // Those who may not read messages see no count at all.
        let adminInboxes = try #require(try cli.json("--as", "admin@acme.test", "inboxes", "list", "--json") as? [[String: Any]])
        #expect(adminInboxes.allSatisfy { $0["threads"] == nil })
        // Deleting by id in a hidden inbox: "no such message", the inbox unnamed. The manager
        // holds delete-messages; without view-private-inbox the private inbox is hidden from them.
        let privateID = try #require(try Self.ids(cli, Self.privateInbox, "+14155550145").first)
        try cli.ok("permissions", "revoke", "manager@acme.test", "view-private-inbox")
        let hiddenDelete = try cli.run("--as", "manager@acme.test", "messages", "delete", String(privateID), "--yes")
        #expect(hiddenDelete.status == 1)
        #expect(hiddenDelete.stderr == "clerk-team: no message #\(privateID) in this workspace\n")
        let missingDelete = try cli.run("--as", "manager@acme.test", "messages", "delete", "99999", "--yes")
        #expect(missingDelete.stderr == "clerk-team: no message #99999 in this workspace\n")
        #expect(try Self.ids(cli, Self.privateInbox, "+14155550145") == [privateID])
    }

    @Test func importIsAllOrNothingWithTheLineOfEveryProblem() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let long = String(repeating: "x", count: 1_601)
        var file = Data()
        let lines = [
            Self.line(Self.publicInbox, "+14155550123", "fine"),                                   // 1
            Self.line("+14155550111", "+14155550123", "no such inbox"),                            // 2
            Self.line(Self.publicInbox, "+1 555", "bad number"),                                   // 3
            Self.line(Self.publicInbox, "+14155550123", "bad time", at: "30/11/2026 10:00"),        // 4
            #"{"inbox": "+14155550100", "direction": "in", "at": "2026-11-30T10:00:00Z", "text": "no contact"}"#, // 5
            Self.line(Self.publicInbox, "+14155550123", "who sent it?", direction: "out", by: "ghost@acme.test"), // 6
            Self.line(Self.publicInbox, "+14155550123", long),                                     // 7
        ]
        for line in lines { file += Data((line + "\n").utf8) }
        file += Data(#"{"inbox": "+14155550100", "contact": "+14155550123", "direction": "in", "at": "2026-11-30T10:00:00Z", "text": "bad "#.utf8)
        file += Data([0xFF, 0xFE])                                                                 // 8: invalid UTF-8
        file += Data("\"}\n".utf8)
        file += Data((Self.line(Self.publicInbox, "+14155550123", "\u{1b}[31mred\u{1b}[0m and\na bell\u{07}") + "\n").utf8) // 9: fine
        try file.write(to: URL(fileURLWithPath: cli.dir.file("bad.jsonl")))
        let before = try #require(cli.fileBytes())

        let result = try cli.run("messages", "import", "bad.jsonl")
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.jsonl: 7 problems; nothing was imported:"))
        for (number, words) in [(2, "no inbox +14155550111 in this workspace"), (3, "contact: "), (4, "at: '30/11/2026 10:00' is not a time"),
                                (5, "missing field 'contact'"), (6, "by: no member ghost@acme.test in this workspace"),
                                (7, "text: the text has 1601 characters; at most 1600 are allowed"), (8, "not valid UTF-8")] {
            #expect(result.stderr.contains("line \(number): \(words)"), "line \(number)")
        }
        #expect(!result.stderr.contains("line 1:") && !result.stderr.contains("line 9:"))
        #expect(cli.fileBytes() == before, "a refused import leaves the file byte for byte as it was")
        let json = try cli.run("messages", "import", "bad.jsonl", "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["problems"] as? [[String: Any]])?.compactMap { $0["line"] as? Int } == [2, 3, 4, 5, 6, 7, 8])
        #expect(report["changed"] as? Bool == false)
        #expect(cli.fileBytes() == before)

        // The good lines alone: control characters are stored exactly, shown escaped, never raw.
        try (Self.line(Self.publicInbox, "+14155550123", "fine") + "\n"
             + Self.line(Self.publicInbox, "+14155550123", "\u{1b}[31mred\u{1b}[0m and\na bell\u{07}", at: "2026-11-30T10:01:00Z") + "\n")
            .write(toFile: cli.dir.file("good.jsonl"), atomically: true, encoding: .utf8)
        #expect(try cli.ok("messages", "import", "good.jsonl").contains("imported 2 messages in 1 thread of 1 inbox"))
        let thread = try #require(try cli.json("messages", "show", Self.publicInbox, "+14155550123", "--json") as? [String: Any])
        let texts = (thread["messages"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(texts == ["fine", "\u{1b}[31mred\u{1b}[0m and\na bell\u{07}"])
        let table = try cli.ok("messages", "show", Self.publicInbox, "+14155550123")
        #expect(!table.contains("\u{1b}") && !table.contains("\u{07}"))
        #expect(table.contains(#"\x1b[31mred\x1b[0m and\na bell\x07"#))
        // One audit event for the import, with the count.
        let audit = try cli.ok("audit", "--json").split(separator: "\n").filter { $0.contains("messages.import") }
        #expect(audit.count == 1)
        #expect(audit.first?.contains(#"\"messages\":2"#) == true)
    }

    @Test func importingTheSameExportAgainAddsOnlyWhatIsNew() throws {
        let cli = try Self.seeded()
        let before = try Self.ids(cli, Self.publicInbox, "+14155550123")
        let again = try cli.run("messages", "import", "seed.jsonl")
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to import: every message in seed.jsonl is stored already (nothing changed)"))
        #expect(try Self.ids(cli, Self.publicInbox, "+14155550123") == before)
        // A longer export that starts with the first: only its new line is stored.
        let seed = try String(contentsOfFile: cli.dir.file("seed.jsonl"), encoding: .utf8)
        try (seed + Self.line(Self.publicInbox, "+14155550123", "Thanks!", at: "2026-11-30T10:07:00Z") + "\n")
            .write(toFile: cli.dir.file("longer.jsonl"), atomically: true, encoding: .utf8)
        let report = try #require(try cli.json("messages", "import", "longer.jsonl", "--json") as? [String: Any])
        #expect(report["messages"] as? Int == 1 && report["already_stored"] as? Int == 3 && report["changed"] as? Bool == true)
        #expect(try Self.ids(cli, Self.publicInbox, "+14155550123").count == before.count + 1)
        // A file that repeats a message keeps the repeat the first time, and adds nothing the second.
        let twice = Array(repeating: Self.line(Self.publicInbox, "+14155550177", "ok", at: "2026-11-30T11:00:00Z"), count: 2)
        try (twice.joined(separator: "\n") + "\n").write(toFile: cli.dir.file("twice.jsonl"), atomically: true, encoding: .utf8)
        #expect(try cli.ok("messages", "import", "twice.jsonl").contains("imported 2 messages in 1 thread of 1 inbox"))
        #expect(try cli.ok("messages", "import", "twice.jsonl").contains("stored already"))
        #expect(try Self.ids(cli, Self.publicInbox, "+14155550177").count == 2)
        // Only the imports that stored something are in the audit log.
        let imports = try cli.ok("audit", "--json").split(separator: "\n").filter { $0.contains("messages.import") }
        #expect(imports.count == 3)
    }

    @Test func aDeletedMessagesTextLeavesNeitherTheAuditLogNorTheFile() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let secret = "SECRET-PAYLOAD-7731 please call me back"
        let threadSecret = "THREAD-SECRET-5519 the door code"
        try [Self.line(Self.publicInbox, "+14155550123", "keep this one"),
             Self.line(Self.publicInbox, "+14155550123", secret, at: "2026-11-30T10:01:00Z"),
             Self.line(Self.publicInbox, "+14155550145", threadSecret)]
            .joined(separator: "\n").write(toFile: cli.dir.file("m.jsonl"), atomically: true, encoding: .utf8)
        try cli.ok("messages", "import", "m.jsonl")
        #expect(Self.contains(cli, secret), "the text is in the file before the delete")
        let id = try #require(try Self.ids(cli, Self.publicInbox, "+14155550123").last)
        try cli.ok("--as", "manager@acme.test", "messages", "delete", String(id), "--yes")
        try cli.ok("--as", "manager@acme.test", "messages", "delete", "--thread", Self.publicInbox, "+14155550145", "--yes")

        let audit = try cli.ok("audit", "--json")
        #expect(!audit.contains("SECRET-PAYLOAD") && !audit.contains("THREAD-SECRET"))
        let deleted = try #require(audit.split(separator: "\n").first { $0.contains("message.delete") })
        #expect(deleted.contains(#"\"id\":\#(id)"#) && deleted.contains("+14155550123") && deleted.contains(#"\"count\":1"#))
        #expect(audit.split(separator: "\n").contains { $0.contains("thread.delete") && $0.contains(#"\"count\":1"#) })
        #expect(!Self.contains(cli, "SECRET-PAYLOAD"), "the deleted text is not in the database file or its WAL")
        #expect(!Self.contains(cli, "THREAD-SECRET"))
        #expect(Self.contains(cli, "keep this one"))
    }

    /// True if the workspace file, its WAL or its shared-memory file holds `text`.
    static func contains(_ cli: CLIHarness, _ text: String) -> Bool {
        ["", "-wal", "-shm"].contains { suffix in
            guard let bytes = FileManager.default.contents(atPath: cli.db + suffix) else { return false }
            return bytes.range(of: Data(text.utf8)) != nil
        }
    }
}
