// Benchmark (not a test): times a bulk invitation from CSV of ROWS rows
// twice. In the store: parsing a string, every check, tokens, mails
// spooled, one transaction. Then the real command end to end, as a person
// runs it: `clerk-team invites import FILE` in its own process (reading
// the file, the commit, the mail queued), checked afterwards through the
// command line.
// Usage: clerk-bench [ROWS] [--cli PATH/TO/clerk-team]   (default 10000 rows;
// the clerk-team beside this program). Prints the figures.
import ChildProcess
import Foundation
import TeamCore
import TeamImport
import TeamStore

var arguments = Array(CommandLine.arguments.dropFirst())
var cliPath: String?
if let flag = arguments.firstIndex(of: "--cli"), flag + 1 < arguments.count {
    cliPath = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let count = arguments.first.flatMap { Int($0) } ?? 10_000
let folder = NSTemporaryDirectory() + "/clerk-bench-\(UUID().uuidString)"
defer { try? FileManager.default.removeItem(atPath: folder) }

let phones = ["+14155550100", "+14155550101", "+14155550102"]
func seconds(_ from: Date, _ to: Date) -> String { String(format: "%.3f s", to.timeIntervalSince(from)) }

/// Quoted cells, several inboxes per cell, CRLF line ends: the realistic shape.
func csvText() -> String {
    var csv = "\u{FEFF}email,role,inbox\r\n"
    let roles = ["member", "agent", "manager", "admin"]
    for index in 0..<count {
        csv += "\"person\(index)@bench.example\",\(roles[index % roles.count]),\"\(phones[index % 3]);\(phones[(index + 1) % 3])\"\r\n"
    }
    return csv
}

func inStore() throws {
    let identity = OperatorIdentity(osLogin: "bench", interface: .cli)
    let workspace = try SQLiteWorkspace.create(
        path: folder + "/workspace.db", name: DisplayName("Bench Co."), adminEmail: EmailAddress("owner@bench.example"),
        adminName: DisplayName("Owner"), identity: identity, options: StoreOptions())
    for (index, phone) in phones.enumerated() {
        _ = try workspace.perform(.addInbox(phone: PhoneNumber(phone), name: DisplayName("Inbox \(index)"),
                                            visibility: index == 2 ? .private : .public))
    }
    let csv = csvText()
    let start = Date()
    let parsed = InvitationCSV.parse(csv)
    let parsedAt = Date()
    let report = try workspace.importInvitations(parsed.rows, dryRun: false)
    let end = Date()
    guard parsed.errors.isEmpty, report.errors.isEmpty, report.applied, report.queuedMail.count == count else {
        throw BenchFailure("in the store: \((parsed.errors + report.errors).prefix(5))")
    }
    print("in the store: imported \(count) invitations from CSV text in \(seconds(start, end)) "
          + "(parse \(seconds(start, parsedAt)), check + store + spool \(seconds(parsedAt, end)))")
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs clerk-team with the bench's workspace and config; returns its standard output.
func clerkTeam(_ cli: String, _ arguments: [String]) throws -> String {
    var environment = ProcessInfo.processInfo.environment
    environment["CLERK_TEAM_DB"] = folder + "/cli.db"
    environment["CLERK_TEAM_CONFIG"] = folder + "/config.json"
    let outPath = folder + "/.out", errPath = folder + "/.err"
    let out = open(outPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    let err = open(errPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
    defer { close(out); close(err); close(null) }
    let ended = try ChildProcess.launch(cli, arguments: arguments, environment: environment,
                                        input: null, output: out, error: err).waitUntilExit()
    guard ended == .exited(0) else {
        throw BenchFailure("clerk-team \(arguments.joined(separator: " ")): exit \(ended.status): "
                           + ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""))
    }
    return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
}

func endToEnd(_ cli: String) throws {
    let config = #"{"transport": {"kind": "folder", "path": "\#(folder)/mail"}}"#
    try config.write(toFile: folder + "/config.json", atomically: true, encoding: .utf8)
    chmod(folder + "/config.json", 0o600)
    _ = try clerkTeam(cli, ["init", "--workspace", "Bench Co.", "--admin-email", "owner@bench.example"])
    for (index, phone) in phones.enumerated() {
        _ = try clerkTeam(cli, ["inboxes", "add", phone, "--name", "Inbox \(index)", index == 2 ? "--private" : "--public"])
    }
    let file = folder + "/team.csv"
    try csvText().write(toFile: file, atomically: true, encoding: .utf8)
    let start = Date()
    _ = try clerkTeam(cli, ["invites", "import", file])
    let end = Date()
    // Committed and queued: every invitation pending, every mail waiting in the outbox.
    let pending = try clerkTeam(cli, ["invites", "list", "--json"]).components(separatedBy: #""status":"pending""#).count - 1
    let queued = try clerkTeam(cli, ["mail", "status", "--json"]).components(separatedBy: #""state":"queued""#).count - 1
    guard pending == count, queued == count else {
        throw BenchFailure("end to end: \(pending) pending invitations and \(queued) queued mails, not \(count)")
    }
    print("end to end: clerk-team invites import of a \(count)-row file took \(seconds(start, end)) "
          + "(process start, file read, checks, one commit, \(queued) mails queued for mail flush)")
}

do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try inStore()
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("clerk-team").path
    let cli = cliPath ?? beside
    guard FileManager.default.isExecutableFile(atPath: cli) else {
        throw BenchFailure("no clerk-team at \(cli): build it (swift build -c release --product clerk-team) or pass --cli PATH")
    }
    try endToEnd(cli)
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
