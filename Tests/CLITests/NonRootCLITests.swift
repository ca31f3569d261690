import Foundation
import Testing
import TestSupport

/// The paths that only someone other than the superuser takes, run for real
/// as a throw-away OS user (CI runs as root: see .ci/run). The workspace is
/// shared the way the README says, through a set-group-ID folder of the
/// user's group; the file belongs to root, who made it.
@Suite(.serialized, .timeLimit(.minutes(10))) struct NonRootCLITests {
    /// A root-made workspace in a folder shared with `user`, whose login is
    /// bound to `user@acme.test` (invited by root, accepted by the user).
    final class Shared {
        let dir = TempDirectory()
        let user: UnprivilegedUser
        let binary: String
        var folder: String { dir.file("team") }
        var db: String { folder + "/ws.db" }
        var mailFolder: String { folder + "/mail" }
        var config: String { dir.file("config.json") }

        init(role: String = "agent") throws {
            user = try UnprivilegedUser()
            // The user must reach the binary and the folder; the clone of the
            // sources may sit under a home only root can enter.
            binary = dir.file("clerk-team")
            try FileManager.default.copyItem(atPath: try BinaryRunner.clerkTeam(), toPath: binary)
            try #require(chmod(binary, 0o755) == 0 && chmod(dir.path, 0o711) == 0)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            try user.shareFolder(folder)
            try FileManager.default.createDirectory(atPath: mailFolder, withIntermediateDirectories: false)
            try user.shareFolder(mailFolder)
            try useFolderTransport()
            try asRoot(["init", "--workspace", "Acme", "--admin-email", "boss@acme.test"])
            try asRoot(["invite", "user@acme.test", "--role", role])
            let joined = try asUser(["accept", "-"], stdin: try lastToken())
            #expect(joined.status == 0, "\(joined.stderr)")
        }

        var environment: [String: String] {
            ["CLERK_TEAM_DB": db, "CLERK_TEAM_CONFIG": config, "HOME": folder, "NO_COLOR": "1",
             "XDG_DATA_HOME": folder + "/data", "XDG_CONFIG_HOME": folder + "/config"]
        }

        /// Root's config, readable by all and written by root only: trusted by every operator.
        func writeConfig(_ json: String) throws {
            try json.write(toFile: config, atomically: true, encoding: .utf8)
            try #require(chmod(config, 0o644) == 0)
        }

        func useFolderTransport() throws {
            try writeConfig(#"{"transport": {"kind": "folder", "path": "\#(mailFolder)"}, "from": "team@acme.test"}"#)
        }

        @discardableResult
        func asRoot(_ arguments: [String], stdin: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
            let result = try BinaryRunner.run([binary] + arguments, environment: environment, stdin: stdin, in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
            return result
        }

        func asUser(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
            try BinaryRunner.run(user.command([binary] + arguments), environment: environment, stdin: stdin, in: folder)
        }

        /// The mail files, by recipient.
        func mailRecipients() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: mailFolder)) ?? []).filter { $0.hasSuffix(".eml") }
                .compactMap { $0.split(separator: "-", maxSplits: 2).last.map { String($0.dropLast(4)) } }.sorted()
        }

        func lastToken() throws -> String {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: mailFolder)) ?? []).filter { $0.hasSuffix(".eml") }
            let newest = try #require(names.max { (Int($0.split(separator: "-")[1]) ?? 0) < (Int($1.split(separator: "-")[1]) ?? 0) })
            let text = try String(contentsOfFile: mailFolder + "/" + newest, encoding: .utf8)
            return try #require(CLIWorkspace.token(in: text))
        }
    }

    @Test func asIsRefusedToSomeoneWhoNeitherOwnsTheFileNorIsTheSuperuser() throws {
        let team = try Shared()
        // The user can work on the file (the folder's group lets them) ...
        let own = try team.asUser(["members", "list"])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout.contains("user@acme.test"))
        // ... but not as somebody else.
        let before = try team.asRoot(["audit", "--json"]).stdout
        let acting = try team.asUser(["--as", "boss@acme.test", "members", "set-role", "user@acme.test", "manager"])
        #expect(acting.status == 1)
        #expect(acting.stderr == "clerk-team: --as is only for the superuser or the owner of \(team.db); you are '\(team.user.name)'\n",
                "\(acting.stderr)")
        #expect(try team.asRoot(["audit", "--json"]).stdout == before)
        #expect(try team.asRoot(["members", "show", "user@acme.test"]).stdout.contains("agent"))
        // The file's owner may: hand it to the user and the same command works.
        try #require(chown(team.db, team.user.uid, team.user.gid) == 0)
        let owner = try team.asUser(["--as", "boss@acme.test", "members", "set-role", "user@acme.test", "manager"])
        #expect(owner.status == 0, "\(owner.stderr)")
    }

    @Test func loginIsRefusedToSomeoneWhoIsNotTheSuperuser() throws {
        let team = try Shared()
        try team.asRoot(["invite", "other@acme.test", "--role", "member"])
        let token = try team.lastToken()
        let refused = try team.asUser(["accept", "-", "--login", "someone-else"], stdin: token)
        #expect(refused.status == 1)
        #expect(refused.stderr == "clerk-team: --login binds someone else's login and is only for the superuser; you are '\(team.user.name)'\n",
                "\(refused.stderr)")
        let pending = try team.asRoot(["invites", "list", "--json"]).stdout
        #expect(pending.contains(#""email":"other@acme.test""#) && pending.contains(#""status":"pending""#), "\(pending)")
        // The superuser may provision that login with the same token.
        try team.asRoot(["accept", "-", "--login", "someone-else"], stdin: token)
        let members = try team.asRoot(["members", "list", "--json"]).stdout
        #expect(members.contains(#""email":"other@acme.test","name":"other","role":"member","status":"active","login":"someone-else""#),
                "\(members)")
    }

    @Test func mailFlushSendsOnlyTheMailTheUserQueued() throws {
        let team = try Shared(role: "admin")
        // Delivery fails for now: every invitation below stays queued.
        try team.writeConfig(#"{"transport": {"kind": "sendmail", "command": ["/bin/sh", "-c", "exit 75"]}, "from": "team@acme.test"}"#)
        try team.asRoot(["invite", "root-1@acme.test", "--role", "member"])
        for email in ["user-1@acme.test", "user-2@acme.test"] {
            let invited = try team.asUser(["invite", email, "--role", "member"])
            #expect(invited.status == 0, "\(invited.stderr)")
        }
        try team.useFolderTransport()
        let before = team.mailRecipients()
        let flushed = try team.asUser(["mail", "flush"])
        #expect(flushed.status == 0, "\(flushed.stderr)")
        let delivered = flushed.stdout.split(separator: "\n").filter { $0.hasPrefix("mail #") && $0.contains(" delivered (file ") }
        #expect(delivered.count == 2 && delivered.allSatisfy { $0.contains(" to user-") }, "\(flushed.stdout)")
        #expect(flushed.stdout.contains("1 due mail was queued by login 'root': only 'root' or the superuser can send them"),
                "\(flushed.stdout)")
        #expect(Set(team.mailRecipients()).subtracting(before) == ["user-1@acme.test", "user-2@acme.test"])
        // The superuser sends the rest.
        let rest = try team.asRoot(["mail", "flush"]).stdout
        #expect(rest.hasPrefix("mail #2 to root-1@acme.test delivered (file ") && !rest.contains("user-"), "\(rest)")
        #expect(Set(team.mailRecipients()).subtracting(before) == ["root-1@acme.test", "user-1@acme.test", "user-2@acme.test"])
    }
}
