// Benchmark (not a test): times a bulk invitation from CSV, end to end in
// the store: parsing, every check, tokens, mails spooled, one transaction.
// Usage: clerk-bench [ROWS]   (default 10000). Prints the figures.
import Foundation
import TeamCore
import TeamImport
import TeamStore

let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000
let folder = NSTemporaryDirectory() + "/clerk-bench-\(UUID().uuidString)"
defer { try? FileManager.default.removeItem(atPath: folder) }

do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let identity = OperatorIdentity(osLogin: "bench", interface: .cli)
    let workspace = try SQLiteWorkspace.create(
        path: folder + "/workspace.db", name: DisplayName("Bench Co."), adminEmail: EmailAddress("owner@bench.example"),
        adminName: DisplayName("Owner"), identity: identity, options: StoreOptions())
    let phones = ["+14155550100", "+14155550101", "+14155550102"]
    for (index, phone) in phones.enumerated() {
        _ = try workspace.perform(.addInbox(phone: PhoneNumber(phone), name: DisplayName("Inbox \(index)"),
                                            visibility: index == 2 ? .private : .public))
    }
    // Quoted cells, several inboxes per cell, CRLF line ends: the realistic shape.
    var csv = "\u{FEFF}email,role,inbox\r\n"
    let roles = ["member", "agent", "manager", "admin"]
    for index in 0..<count {
        csv += "\"person\(index)@bench.example\",\(roles[index % roles.count]),\"\(phones[index % 3]);\(phones[(index + 1) % 3])\"\r\n"
    }
    let start = Date()
    let parsed = InvitationCSV.parse(csv)
    let parsedAt = Date()
    let report = try workspace.importInvitations(parsed.rows, dryRun: false)
    let end = Date()
    guard parsed.errors.isEmpty, report.errors.isEmpty, report.applied, report.queuedMail.count == count else {
        print("benchmark failed: \((parsed.errors + report.errors).prefix(5))")
        exit(1)
    }
    func seconds(_ from: Date, _ to: Date) -> String { String(format: "%.3f s", to.timeIntervalSince(from)) }
    print("imported \(count) invitations from CSV in \(seconds(start, end)) "
          + "(parse \(seconds(start, parsedAt)), check + store + spool \(seconds(parsedAt, end)))")
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
