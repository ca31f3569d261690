import CSQLite
import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// One workspace file in a temp folder, the real `clerk-team` binary for the
/// command line, and a private tmux server to run its full-screen interface.
final class TUIHarness: @unchecked Sendable {
    let dir = TempDirectory()
    let binary: String
    let tmux: TmuxSession
    var db: String { dir.file("workspace.db") }

    init() throws {
        binary = try BinaryRunner.clerkTeam()
        tmux = try TmuxSession()
    }

    deinit { tmux.stop() }

    /// Keeps the tests away from the real workspace and the user's settings.
    var environment: [String: String] {
        ["CLERK_TEAM_DB": db, "XDG_DATA_HOME": dir.file("data"), "XDG_CONFIG_HOME": dir.file("config")]
    }

    // MARK: - Command line

    func run(_ arguments: [String]) throws -> RunResult {
        try BinaryRunner.run([binary] + arguments, environment: environment.merging(["NO_COLOR": "1"]) { $1 },
                             in: dir.path, timeout: 20)
    }

    /// Runs the CLI and requires exit status 0.
    @discardableResult
    func ok(_ arguments: String...) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// A `--json` listing (array) from the CLI.
    func jsonArray(_ arguments: String...) throws -> [[String: Any]] {
        let result = try run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    /// One member as `members list --json` shows it.
    func member(_ email: String) throws -> [String: Any]? {
        try jsonArray("members", "list", "--json").first { $0["email"] as? String == email }
    }

    /// The emails in an inbox as `inboxes list --json` shows them.
    func inboxMembers(_ phone: String) throws -> [String] {
        try jsonArray("inboxes", "list", "--json").first { $0["phone"] as? String == phone }?["members"] as? [String] ?? []
    }

    /// `audit --json`: one object per line, oldest first.
    func auditEvents() throws -> [[String: Any]] {
        try ok("audit", "--json").split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    /// The whole visible state of the workspace, to compare before and after.
    func snapshot() throws -> String {
        try ok("members", "list", "--json") + ok("inboxes", "list", "--json") + ok("audit", "--json")
    }

    // MARK: - Workspace

    /// Like the CLI tests' team: `owner@acme.test` ("Olive Owner",
    /// workspace-admin) bound to the login running the tests, one
    /// `<role>@acme.test` ("<Role> Person") per role, a public inbox
    /// +14155550100 "Support" and a private one +14155550190 "VIP".
    /// By name the member list reads: Admin, Agent, Manager, Member Person,
    /// Olive Owner, Workspace-Admin Person.
    func seedTeam() throws {
        let login = getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid-\(geteuid())"
        let workspace = try SQLiteWorkspace.create(
            path: db, name: DisplayName("Acme"), adminEmail: EmailAddress("owner@acme.test"),
            adminName: DisplayName("Olive Owner"), identity: OperatorIdentity(osLogin: login, interface: .cli), options: StoreOptions())
        try workspace.writing {
            for role in Role.allCases {
                try workspace.insertMember(email: EmailAddress("\(role.rawValue)@acme.test"),
                                           name: DisplayName("\(role.rawValue.capitalized) Person"),
                                           role: role, login: nil, status: .active)
            }
        }
        try ok("inboxes", "add", "+14155550100", "--name", "Support", "--public")
        try ok("inboxes", "add", "+14155550190", "--name", "VIP", "--private")
    }

    /// Writes straight into the file, as anyone with write access could, bypassing the guard.
    func plantSQL(_ sql: String) throws {
        var handle: OpaquePointer?
        try #require(sqlite3_open(db, &handle) == SQLITE_OK)
        try #require(sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
    }

    // MARK: - Full screen

    /// Opens the interface in tmux (acting `as` a member if given) and waits for its footer.
    func openTUI(as email: String? = nil, cols: Int = 100, rows: Int = 30,
                 environment extra: [String: String] = [:], waitFor ready: String? = "q quit") throws {
        var arguments = [binary, "--db", db]
        if let email { arguments += ["--as", email] }
        try tmux.start(arguments, cols: cols, rows: rows, environment: environment.merging(extra) { $1 })
        if let ready { try tmux.waitFor(ready) }
    }

    /// Selects the member with `email` through the filter (`/`, type, Enter), then waits
    /// until the inbox pane is titled with `name`.
    func select(_ email: String, name: String) throws {
        try tmux.press("/")
        try tmux.type(email)
        try tmux.press("Enter")
        // The pane title is cut to the pane's width: a prefix of the name is enough.
        try tmux.waitFor("Inboxes of \(name.prefix(16))")
        try tmux.waitFor("match '\(email)'")
    }

    /// The screen line mentioning `text`, if any.
    func line(containing text: String, in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains(text) }
    }

    /// The member list's row for `name` (the list pane starts at the left edge).
    func memberRow(_ name: String, in screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.hasPrefix("│" + name) || $0.hasPrefix("|" + name) }
    }
}

/// Holds the workspace's write lock from outside, as another operator's long
/// transaction would, until released.
final class SQLiteLock {
    private var handle: OpaquePointer?

    init(path: String) throws {
        try #require(sqlite3_open(path, &handle) == SQLITE_OK)
        try #require(sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)
    }

    func release() {
        guard handle != nil else { return }
        sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        sqlite3_close(handle)
        handle = nil
    }

    deinit { release() }
}
