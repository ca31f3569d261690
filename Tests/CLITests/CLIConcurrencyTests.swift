import Foundation
import Testing
import TestSupport

/// Several operators on one file at once, as separate processes.
@Suite struct CLIConcurrencyTests {
    @Test func twoWorkspaceAdminsDemotingEachOtherAtOnceHaveExactlyOneWinner() throws {
        for _ in 0..<5 {
            let cli = try CLIHarness()
            try cli.seedTeam()
            try cli.ok("members", "set-role", "admin@acme.test", "member")  // leave exactly two workspace-admins
            let a = ["--as", "owner@acme.test", "members", "set-role", "workspace-admin@acme.test", "admin"]
            let b = ["--as", "workspace-admin@acme.test", "members", "set-role", "owner@acme.test", "admin"]
            let first = try BinaryRunner.start([cli.binary] + a, environment: cli.environment, in: cli.dir.path)
            let second = try BinaryRunner.start([cli.binary] + b, environment: cli.environment, in: cli.dir.path)
            let results = [try BinaryRunner.finish(first, arguments: a), try BinaryRunner.finish(second, arguments: b)]
            #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.stderr))")
            let loser = try #require(results.first { $0.status != 0 })
            #expect(loser.status == 1)
            #expect(loser.stderr.contains("refused"))
            let members = try #require(try cli.json("members", "list", "--json") as? [[String: Any]])
            let admins = members.filter { ($0["role"] as? String) == "workspace-admin" }
            #expect(admins.count == 1)
            let demotions = try auditEvents(cli).filter {
                ($0["action"] as? String) == "member.set-role" && (try? decode($0["before"] as? String))?["role"] == "workspace-admin"
            }
            #expect(demotions.count == 1)
        }
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
        var workers: [(Process, String, String)] = []
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
        #expect(scripts.joined().count == 800)
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
