import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// Runs the real `clerk-team` binary against a workspace file in a temp folder.
final class CLIHarness: @unchecked Sendable {
    let dir = TempDirectory()
    let binary: String
    var db: String { dir.file("workspace.db") }
    var extraEnvironment: [String: String] = [:]

    init() throws {
        binary = try BinaryRunner.clerkTeam()
    }

    var environment: [String: String] {
        var env = ["CLERK_TEAM_DB": db, "XDG_DATA_HOME": dir.file("data"), "XDG_CONFIG_HOME": dir.file("config"),
                   "NO_COLOR": "1"]
        for (key, value) in extraEnvironment { env[key] = value }
        return env
    }

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> RunResult {
        try run(arguments, stdin: stdin)
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
        try BinaryRunner.run([binary] + arguments, environment: environment, stdin: stdin, in: dir.path)
    }

    /// Runs and requires exit status 0.
    @discardableResult
    func ok(_ arguments: String...) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    func json(_ arguments: String...) throws -> Any {
        let result = try run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func fileBytes() -> Data? { FileManager.default.contents(atPath: db) }

    /// A workspace whose workspace-admin (`owner@acme.test`) is bound to the
    /// login running the tests, with one more member per role
    /// (`<role>@acme.test`, no login: tests act as them with `--as`), a public
    /// inbox +14155550100 and a private one +14155550190. Seeded through the
    /// store, since members normally arrive by invitation, a separate flow.
    /// `logins` binds some of them to a login (any name: no OS account needed).
    func seedTeam(logins: [Role: String] = [:]) throws {
        let identity = OperatorIdentity(osLogin: currentLogin(), interface: .cli)
        let workspace = try SQLiteWorkspace.create(
            path: db, name: DisplayName("Acme"), adminEmail: EmailAddress("owner@acme.test"),
            adminName: DisplayName("Olive Owner"), identity: identity, options: StoreOptions())
        try workspace.writing {
            for role in Role.allCases {
                try workspace.insertMember(email: EmailAddress("\(role.rawValue)@acme.test"),
                                           name: DisplayName("\(role.rawValue.capitalized) Person"),
                                           role: role, login: logins[role], status: .active)
            }
        }
        try ok("inboxes", "add", "+14155550100", "--name", "Support", "--public")
        try ok("inboxes", "add", "+14155550190", "--name", "VIP", "--private")
    }
}

/// The OS login of this process, as the CLI will see it.
func currentLogin() -> String {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid-\(geteuid())" }
    return String(cString: name)
}

extension CLIHarness {
    /// Every table's rows, except audit rows recording refusals: what a
    /// refused command must leave exactly as it was.
    func stateOutsideRefusals() throws -> [String] {
        let connection = try SQLiteConnection(path: db, mode: .readOnly)
        var rows: [String] = []
        let tables = try connection.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.text(0) }
        for table in tables {
            let columns = try connection.all("SELECT name FROM pragma_table_info(?)", [table]) { "quote(\"\($0.text(0))\")" }
            let filter = table == "audit" ? " WHERE outcome = 'done'" : ""
            try connection.query("SELECT \(columns.joined(separator: " || ',' || ")) FROM \"\(table)\"\(filter)") {
                rows.append(table + ": " + $0.text(0))
            }
        }
        return rows
    }
}
