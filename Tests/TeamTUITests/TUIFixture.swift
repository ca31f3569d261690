import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore
@testable import TeamTUI
import TermUI

/// A small workspace on a real file, and the TUI state as each role sees it.
struct TUIFixture {
    let dir = TempDirectory()
    var path: String { dir.file("workspace.db") }

    static let people: [(String, String, Role, MemberStatus)] = [
        ("adam@acme.test", "Adam Admin", .admin, .active),
        ("mia@acme.test", "Mia Manager", .manager, .active),
        ("aga@acme.test", "Aga Agent", .agent, .active),
        ("mo@acme.test", "Mo Member", .member, .active),
        ("misaki@acme.test", "美咲 田中", .agent, .active),
        ("sam@acme.test", "Sam 🚀", .member, .deactivated),
    ]

    init() throws {
        let owner = OperatorIdentity(osLogin: "owner-login", interface: .tui)
        let workspace = try SQLiteWorkspace.create(
            path: dir.file("workspace.db"), name: DisplayName("Acme"), adminEmail: EmailAddress("olive@acme.test"),
            adminName: DisplayName("Olive Owner"), identity: owner, options: StoreOptions())
        try workspace.writing {
            for (email, name, role, status) in Self.people {
                try workspace.insertMember(email: EmailAddress(email), name: DisplayName(name), role: role,
                                           login: email.split(separator: "@").first.map { "\($0)-login" }, status: status)
            }
        }
        for (phone, name, visibility) in [("+14155550100", "Support", InboxVisibility.public),
                                          ("+14155550101", "Sales", .public), ("+14155550190", "VIP", .private)] {
            _ = try workspace.perform(.addInbox(phone: PhoneNumber(phone), name: DisplayName(name), visibility: visibility))
        }
        _ = try workspace.perform(.assign(member: EmailAddress("aga@acme.test"), inbox: PhoneNumber("+14155550100")))
        _ = try workspace.perform(.assign(member: EmailAddress("mia@acme.test"), inbox: PhoneNumber("+14155550190")))
    }

    func login(for email: String) -> String {
        email == "olive@acme.test" ? "owner-login" : "\(email.split(separator: "@")[0])-login"
    }

    /// A started app (session, index, inboxes and rows loaded) as `email` sees it.
    func app(as email: String = "olive@acme.test", size: Size = Size(cols: 100, rows: 30),
             glyphs: Glyphs = .unicode, readOnly: ReadOnlyReason? = nil) throws -> (AppState, Runtime) {
        let workspace = try SQLiteWorkspace.open(path: path, identity: OperatorIdentity(osLogin: login(for: email), interface: .tui), options: StoreOptions())
        let runtime = Runtime(workspace: workspace)
        var state = AppState(size: size, glyphs: glyphs, readOnly: readOnly)
        runtime.settle(runtime.start(&state), &state)
        return (state, runtime)
    }

    func cli(as email: String = "olive@acme.test") throws -> SQLiteWorkspace {
        try SQLiteWorkspace.open(path: path, identity: OperatorIdentity(osLogin: login(for: email), interface: .cli), options: StoreOptions())
    }
}

extension Runtime {
    /// Runs effects, and those waiting for a paint after them, until none is left (as the loop does).
    func settle(_ effects: [Effect], _ state: inout AppState) {
        var waiting = effects
        while !waiting.isEmpty { waiting = run(waiting, &state) }
    }

    /// Sends keys one by one, running their effects like the loop does.
    func press(_ keys: Key..., into state: inout AppState) {
        for key in keys { settle(dispatch(.key(key), &state), &state) }
    }

    func type(_ text: String, into state: inout AppState) {
        for character in text { settle(dispatch(.key(.char(character)), &state), &state) }
    }
}

/// Moves the selection to the member with this email (by pressing j/g like a user).
func select(_ email: String, _ state: inout AppState, _ runtime: Runtime) {
    runtime.press(.char("g"), into: &state)
    for _ in 0..<state.members.count {
        if state.selectedMember?.member.email.value == email { return }
        runtime.press(.char("j"), into: &state)
    }
    Issue.record("\(email) not found in the list")
}
