import Foundation
import TeamCore

/// Builds the demo workspace: realistic, international names, public and
/// private inboxes, every role, a few deactivated members, two groups and
/// a few per-member overrides, a billing plan with a seat limit, contact
/// properties and contacts. Deterministic, so
/// two demos with the same size look the same.
extension SQLiteWorkspace {
    public static func createDemo(path: String, members count: Int, identity: OperatorIdentity,
                                  options: StoreOptions) throws -> SQLiteWorkspace {
        // Before anything else: replacing an old demo is a change too.
        try options.refuseCreatingIfReadOnly("building the demo workspace", untouched: "nothing was created or replaced")
        if FileManager.default.fileExists(atPath: path) {
            guard isDemoWorkspace(path: path) else {
                throw TeamError.conflict("\(path) exists and is not a demo workspace; refusing to replace it (use another --db)")
            }
            // The demo's mail spool goes with it: its messages name invitations that no longer exist.
            for suffix in ["", "-wal", "-shm", "-outbox"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let workspace = try creating(path: path, identity: identity, options: options)
        try workspace.writing { try workspace.fillDemo(members: count) }
        // A few pending invitations, made the normal way (tokens hashed, mail queued, audited).
        for (email, role, inboxes) in DemoNames.invitations {
            _ = try workspace.perform(.invite(email: try EmailAddress(email), role: role,
                                              inboxes: try inboxes.map { try PhoneNumber($0) }))
        }
        try workspace.addDemoPermissions()
        try workspace.addDemoBillingAndContacts()
        return workspace
    }

    private func fillDemo(members count: Int) throws {
        try insertWorkspace(name: try DisplayName("Clerk Demo Co."), isDemo: true)
        let you = try insertMember(email: try EmailAddress("\(DemoNames.emailLocal(identity.osLogin))@demo.example"),
                                   name: try DisplayName("You (\(identity.osLogin))"), role: .workspaceAdmin,
                                   login: identity.osLogin, status: .active)
        var inboxIDs: [(InboxID, InboxVisibility)] = []
        for (phone, name, visibility) in DemoNames.inboxes {
            try db.run("INSERT INTO inboxes (phone, name, visibility, created_at) VALUES (?, ?, ?, ?)",
                       [phone, name, visibility.rawValue, now().seconds])
            inboxIDs.append((db.lastInsertRowID, visibility))
        }
        for (inbox, _) in inboxIDs.prefix(3) {
            try db.run("INSERT INTO assignments (member_id, inbox_id) VALUES (?, ?)", [you.id, inbox])
        }
        var random = SplitMix64(seed: 0xC1E4C)
        for index in 0..<max(0, count - 1) {
            let person = DemoNames.person(index, &random)
            let role = DemoNames.role(index, &random)
            // About one in 23 is deactivated, at fixed places so even a small demo has some.
            let status: MemberStatus = index % 23 == 11 && role != .workspaceAdmin ? .deactivated : .active
            let member = try insertMember(email: try EmailAddress(person.email), name: try DisplayName(person.name),
                                          role: role, login: nil, status: status)
            let inboxCount = random.next(4)
            var chosen = Set<Int>()
            for _ in 0..<inboxCount { chosen.insert(random.next(inboxIDs.count)) }
            for pick in chosen.sorted() where inboxIDs[pick].1 == .public || random.next(3) == 0 {
                try db.run("INSERT INTO assignments (member_id, inbox_id) VALUES (?, ?)", [member.id, inboxIDs[pick].0])
            }
        }
        try fillDemoMessages()
        let op = try resolveOperator()
        try appendAudit(op, action: "workspace.demo", target: "Clerk Demo Co.",
                        after: [("members", .int(Int64(count))), ("inboxes", .int(Int64(inboxIDs.count)))])
    }
}

/// A small deterministic generator (SplitMix64) for demo data.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound.
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
