import CSQLite
import Foundation
import Testing
import TestSupport

/// Several operators on one file at once, as separate processes.
@Suite(.timeLimit(.minutes(10))) struct CLIConcurrencyTests {
    /// The last-admin race: the only two workspace-admins bound to a login
    /// each demote or deactivate *themselves* at the same moment, in two
    /// processes. The test holds the write lock until the kernel shows both
    /// processes asleep in SQLite's busy wait, so they certainly overlap;
    /// then exactly one wins and the other meets the lock-out rule (not the
    /// rank rule: a workspace-admin may act on themself). With a third
    /// workspace-admin who has no login, the loser meets the login-bound
    /// half of the rule; without, the count of active workspace-admins.
    @Test(arguments: [("set-role", "set-role", false), ("deactivate", "set-role", false),
                      ("deactivate", "deactivate", true), ("set-role", "deactivate", true)])
    func twoLastWorkspaceAdminsStandingDownAtOnceLeaveExactlyOne(_ race: (String, String, Bool)) throws {
        let cli = try CLIHarness()
        cli.extraEnvironment["CLERK_TEAM_BUSY_TIMEOUT_MS"] = "60000"
        try cli.seedTeam(logins: [.workspaceAdmin: "second-admin"])
        if race.2 { try cli.ok("members", "set-role", "admin@acme.test", "workspace-admin") }
        func standDown(_ verb: String, _ email: String) -> [String] {
            verb == "set-role" ? ["--as", email, "members", "set-role", email, "admin"] : ["--as", email, "members", "deactivate", email]
        }
        let a = standDown(race.0, "owner@acme.test"), b = standDown(race.1, "workspace-admin@acme.test")

        var lock: OpaquePointer?
        try #require(sqlite3_open(cli.db, &lock) == SQLITE_OK)
        defer { sqlite3_close(lock) }
        try #require(sqlite3_exec(lock, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)
        let first = try BinaryRunner.start([cli.binary] + a, environment: cli.environment, in: cli.dir.path)
        let second = try BinaryRunner.start([cli.binary] + b, environment: cli.environment, in: cli.dir.path)
        let bothWaiting = ProcessProbe.within(30) {
            ProcessProbe.isWaitingForALock(first.0.pid, on: cli.db)
                && ProcessProbe.isWaitingForALock(second.0.pid, on: cli.db)
        }
        #expect(bothWaiting, "both commands must be waiting for the write lock before it is released")
        #expect(first.0.isRunning && second.0.isRunning)
        try #require(sqlite3_exec(lock, "ROLLBACK", nil, nil, nil) == SQLITE_OK)

        let results = [try BinaryRunner.finish(first, arguments: a), try BinaryRunner.finish(second, arguments: b)]
        #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.stderr))")
        let loser = try #require(results.first { $0.status != 0 })
        let loserVerb = results[0].status != 0 ? race.0 : race.1
        #expect(loser.status == 1)
        let rule = race.2 ? "refused (last-workspace-admin): the last active workspace-admin bound to a login"
            : "refused (last-workspace-admin): the last active workspace-admin cannot be"
        #expect(loser.stderr.contains(rule), "\(loser.stderr)")
        #expect(loser.stderr.contains(loserVerb == "set-role" ? "be demoted" : "be deactivated"), "\(loser.stderr)")
        #expect(try count(cli, "SELECT count(*) FROM members WHERE role = 'workspace-admin' AND status = 'active' AND login IS NOT NULL") == 1)
        #expect(try count(cli, "SELECT count(*) FROM audit WHERE action IN ('member.set-role', 'member.deactivate') AND target IN ('owner@acme.test', 'workspace-admin@acme.test') AND outcome = 'done'") == 1)
    }

    /// One number from the file, read directly (the loser may no longer be allowed to read).
    func count(_ cli: CLIHarness, _ sql: String) throws -> Int {
        var db: OpaquePointer?, statement: OpaquePointer?
        try #require(sqlite3_open_v2(cli.db, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        defer { sqlite3_finalize(statement); sqlite3_close(db) }
        try #require(sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK)
        try #require(sqlite3_step(statement) == SQLITE_ROW)
        return Int(sqlite3_column_int64(statement, 0))
    }

    /// 4 processes × 200 assign/unassign/set-role operations on one file: no
    /// "database is locked", and replaying the audit log from the starting
    /// state gives exactly the final state.
    @Test func fourOperatorsTimesTwoHundredOperationsLoseNothing() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("inboxes", "add", "+14155550101", "--name", "Sales", "--public")
        let targets = ["admin@acme.test", "manager@acme.test", "agent@acme.test", "member@acme.test"]
        let phones = ["+14155550100", "+14155550101", "+14155550190"]
        let roles = ["manager", "agent", "member"]
        let start = try snapshot(cli)
        let firstNewEvent = (try auditEvents(cli).last?["id"] as? Int ?? 0) + 1

        var random = SystemRandomNumberGenerator()
        var workers: [(ChildProcess, String, String)] = []
        var scripts: [[String]] = []
        for worker in 0..<4 {
            var lines = ["#!/bin/sh"]
            var ops: [String] = []
            for _ in 0..<200 {
                let target = targets.randomElement(using: &random) ?? targets[0]
                let args: String
                switch Int.random(in: 0..<3, using: &random) {
                case 0: args = "assign \(target) '\(phones.randomElement(using: &random) ?? phones[0])'"
                case 1: args = "unassign \(target) '\(phones.randomElement(using: &random) ?? phones[0])'"
                default: args = "members set-role \(target) \(roles.randomElement(using: &random) ?? roles[0])"
                }
                ops.append(args)
                lines.append("'\(cli.binary)' \(args) >> out-\(worker) 2>> err-\(worker); echo $? >> status-\(worker)")
            }
            scripts.append(ops)
            let path = cli.dir.file("worker-\(worker).sh")
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            workers.append(try BinaryRunner.start(["/bin/sh", path], environment: cli.environment, in: cli.dir.path))
        }
        for (index, worker) in workers.enumerated() {
            let result = try BinaryRunner.finish(worker, arguments: ["worker \(index)"], timeout: 300)
            #expect(result.status == 0)
        }
        var changed = 0
        for worker in 0..<4 {
            let statuses = try String(contentsOfFile: cli.dir.file("status-\(worker)"), encoding: .utf8).split(separator: "\n")
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == "0" }, "worker \(worker) had failures")
            let errors = (try? String(contentsOfFile: cli.dir.file("err-\(worker)"), encoding: .utf8)) ?? ""
            #expect(!errors.contains("locked"))
            #expect(errors.isEmpty, "\(errors)")
            let out = try String(contentsOfFile: cli.dir.file("out-\(worker)"), encoding: .utf8).split(separator: "\n")
            #expect(out.count == 200)
            changed += out.filter { !$0.contains("nothing changed") }.count
        }

        // Replay the audit log over the starting state.
        let events = try auditEvents(cli).filter { ($0["id"] as? Int ?? 0) >= firstNewEvent }
        #expect(events.count == changed)
        var state = start
        for event in events {
            let target = try #require(event["target"] as? String)
            let after = try decode(event["after"] as? String)
            switch event["action"] as? String {
            case "inbox.assign":
                let phone = try #require(after["inbox"])
                #expect(!(state[target]?.inboxes.contains(phone) ?? true), "assign of an already assigned inbox was audited")
                state[target]?.inboxes.insert(phone)
            case "inbox.unassign":
                let phone = try #require(after["inbox"])
                #expect(state[target]?.inboxes.contains(phone) == true, "unassign of an unassigned inbox was audited")
                state[target]?.inboxes.remove(phone)
            case "member.set-role":
                let before = try decode(event["before"] as? String)
                #expect(state[target]?.role == before["role"], "audit 'before' disagrees with history")
                state[target]?.role = try #require(after["role"])
            default:
                Issue.record("unexpected audit action \(String(describing: event["action"]))")
            }
        }
        let final = try snapshot(cli)
        #expect(final == state)
        try #require(scripts.joined().count == 800)
    }

    struct MemberState: Equatable {
        var role: String
        var inboxes: Set<String>
    }

    func snapshot(_ cli: CLIHarness) throws -> [String: MemberState] {
        let members = try #require(try cli.json("members", "list", "--json") as? [[String: Any]])
        var state: [String: MemberState] = [:]
        for member in members {
            let email = try #require(member["email"] as? String)
            state[email] = MemberState(role: member["role"] as? String ?? "", inboxes: Set(member["inboxes"] as? [String] ?? []))
        }
        return state
    }

    func auditEvents(_ cli: CLIHarness) throws -> [[String: Any]] {
        try cli.ok("audit", "--json").split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func decode(_ text: String?) throws -> [String: String] {
        let data = Data((text ?? "{}").utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    }
}
