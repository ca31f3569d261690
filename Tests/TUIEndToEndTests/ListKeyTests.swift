import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// Keys of the member list with no other end-to-end test: sorting, paging,
/// reactivating; and a terminal that cannot show the interface.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ListKeyTests {
    /// The member rows on screen, top to bottom, by email (names may be cut to fit).
    static func emails(_ screen: String) -> [String] {
        screen.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first { $0.hasSuffix("@acme.test") }.map { String($0.split(separator: "@")[0]) }
        }
    }

    @Test func sKeyCyclesTheSortOrderOfTheList() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("members", "deactivate", "admin@acme.test")
        try h.ok("members", "rename", "owner@acme.test", "Zed Owner")
        try h.ok("members", "rename", "agent@acme.test", "Yan Agent")
        try h.openTUI()
        var screen = try h.tmux.waitFor("Zed Owner")
        #expect(Self.emails(screen) == ["admin", "manager", "member", "workspace-admin", "agent", "owner"], "by name: \(screen)")
        try h.tmux.press("s")
        screen = try h.tmux.waitFor("sorted by email")
        #expect(Self.emails(screen) == ["admin", "agent", "manager", "member", "owner", "workspace-admin"], "\(screen)")
        try h.tmux.press("s")
        screen = try h.tmux.waitFor("sorted by role")
        let byRole = Self.emails(screen)
        #expect(Set(byRole.prefix(2)) == ["owner", "workspace-admin"], "workspace-admins first: \(byRole)")
        #expect(Array(byRole.dropFirst(2)) == ["admin", "manager", "agent", "member"], "\(byRole)")
        try h.tmux.press("s")
        screen = try h.tmux.waitFor("sorted by status")
        let byStatus = Self.emails(screen)
        #expect(byStatus.last == "admin", "the deactivated member last: \(byStatus)")
        #expect(byStatus.count == 6)
        try h.tmux.press("s")
        screen = try h.tmux.waitFor("sorted by name")
        #expect(Self.emails(screen) == ["admin", "manager", "member", "workspace-admin", "agent", "owner"], "back to by name")
    }

    @Test func pageDownAndUpMoveByAScreenful() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let workspace = try SQLiteWorkspace.open(path: h.db, identity: OperatorIdentity(osLogin: "seeder", interface: .cli),
                                                 options: StoreOptions())
        try workspace.writing {
            for number in 1...80 {
                let id = String(format: "%03d", number)
                _ = try workspace.insertMember(email: EmailAddress("p\(id)@acme.test"), name: DisplayName("Person \(id)"),
                                               role: .member, login: nil, status: .active)
            }
        }
        try h.openTUI(cols: 100, rows: 30)
        try h.tmux.waitFor("Inboxes of Admin Person")
        try h.tmux.press("PageDown")
        let down = try h.tmux.waitUntil("the selection a page down") { !$0.contains("Inboxes of Admin Person") && $0.contains("Inboxes of Person 0") }
        // A page is more than a handful of rows and less than the whole list.
        let selected = try #require(down.range(of: #"Inboxes of Person 0(\d\d)"#, options: .regularExpression).map { String(down[$0].suffix(2)) })
        let row = try #require(Int(selected))
        #expect(row > 10 && row < 40, "one page down from the top lands on Person 0\(selected)")
        #expect(h.memberRow("Person 0\(selected)", in: down) != nil, "the selected row is on screen")
        try h.tmux.press("PageDown")
        let further = try h.tmux.waitUntil("another page down") { !$0.contains("Inboxes of Person 0\(selected)") }
        let next = try #require(further.range(of: #"Inboxes of Person 0(\d\d)"#, options: .regularExpression)
            .flatMap { Int(further[$0].suffix(2)) })
        #expect(next > row)
        try h.tmux.press("PageUp")
        try h.tmux.waitFor("Inboxes of Person 0\(selected)")
        try h.tmux.press("PageUp")
        let top = try h.tmux.waitFor("Inboxes of Admin Person")
        #expect(h.memberRow("Admin Person", in: top) != nil)
    }

    @Test func dReactivatesADeactivatedMemberAtOnce() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("members", "deactivate", "agent@acme.test")
        try h.openTUI()
        try h.tmux.press("j")
        try h.tmux.waitFor("Inboxes of Agent Person")
        try h.tmux.waitFor("d reactivate")
        try h.tmux.press("d")
        try h.tmux.waitUntil("Agent Person shown as active") { h.memberRow("Agent Person", in: $0)?.contains("deactivated") == false }
        try h.tmux.waitFor("d deactivate")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active")
        let last = try h.auditEvents().last
        #expect(last?["action"] as? String == "member.reactivate")
        #expect(last?["interface"] as? String == "tui")
    }

    @Test(arguments: [("dumb", "terminal type 'dumb' cannot show a full-screen interface"),
                      ("", "terminal type '(unset)' cannot show a full-screen interface")])
    func aTerminalThatCannotShowTheInterfaceIsRefused(_ term: String, _ message: String) throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let before = try #require(FileManager.default.contents(atPath: h.db))
        try h.openTUI(environment: ["TERM": term], waitFor: nil)
        #expect(try h.tmux.waitForExit() == 1)
        let screen = try h.tmux.capture()
        #expect(screen.contains(message), "\(screen)")
        #expect(screen.contains("use the subcommands"))
        #expect(FileManager.default.contents(atPath: h.db) == before)
    }
}
