import Foundation
import TeamCore
import TeamImport
import TeamPhone
import TeamRoster
import TermText

/// The parsers and validators that read what people and files give the
/// program, each fed one hostile input per run.
enum Target: String, CaseIterable {
    case email, phone, name, invitationCSV = "invitation-csv", contactCSV = "contact-csv", messageLines = "message-lines",
         roster, auditFilter = "audit-filter", emailList = "email-list", text

    /// A well-formed input, which most runs mutate: deep enough into the parser to reach its checks.
    var template: String {
        switch self {
        case .email: return "ana.maria+team@sub.example.com"
        case .phone: return "+1 (415) 555-0100"
        case .name: return "Ana María Núñez"
        case .invitationCSV:
            return "\u{FEFF}email,role,inbox\r\n\"ann@example.com\",agent,\"+14155550100;+14155550101\"\r\nbob@example.com,member,\r\n"
        case .contactCSV: return "phone,name,company\n+14155550123,Ann Lee,Acme\n\"+1 415 555 0124\",\"Bob, Jr.\",\n"
        case .messageLines:
            return #"{"inbox":"+14155550100","contact":"+14155550123","direction":"in","at":"2026-11-30T10:00:00Z","text":"hello"}"# + "\n"
                + #"{"inbox":"+14155550100","contact":"+14155550123","direction":"out","at":"2026-11-30T10:01:00Z","text":"hi","by":"ann@example.com"}"# + "\n"
        case .roster:
            return """
                roster: 1
                roles:
                  - role: agent
                    added: [add-inbox]
                    removed: []
                inboxes:
                  - phone: "+14155550100"
                    name: Support
                    visibility: public
                groups:
                  - name: Night shift
                    grants: [view-private-inbox]
                    inboxes: ["+14155550100"]
                members:
                  - email: agent@acme.test
                    name: Agent Person
                    role: manager
                    status: active
                    inboxes: ["+14155550100"]
                    groups: [Night shift]
                  - email: new@acme.test
                    role: agent
                    status: invited
                """
        case .auditFilter: return "actor:ann action:role since:2026-11-01 until:2026-11-30 bob"
        case .emailList: return "ann@example.com\nbob@example.com\n# comment\n"
        case .text: return "Ana María 漢字 नमस्ते 👍🏽"
        }
    }
}

/// One run: the input, what the parser said, and every text it would show.
struct Runner {
    var checks = Checks()
    var accepted = 0
    var refused = 0
    /// Bytes of the last run's input (a slow run is judged against its size).
    var lastInputSize = 0
    let scratch: String

    /// The run's input: text, and the raw bytes when they may not be UTF-8 (a file's content).
    static func input(_ target: Target, _ random: inout SplitMix64) -> (text: String, bytes: [UInt8]?) {
        switch random.next() % 100 {
        case 0: return (Hostile.huge(&random), nil)
        case 1..<50: return (Hostile.mutate(target.template, &random), nil)
        case 50..<80: return (Hostile.text(&random, length: 1 + Int(random.next() % 40)), nil)
        case 80..<90: return (Hostile.mutate(target.template, &random) + Hostile.huge(&random).prefix(Int(random.next() % 5_000)), nil)
        default:
            let raw = Hostile.bytes(Hostile.mutate(target.template, &random), &random)
            return (String(decoding: raw, as: UTF8.self), raw)  // as the command line hands over arguments
        }
    }

    mutating func run(_ target: Target, seed: UInt64, run: Int, show: Bool = false) {
        var random = SplitMix64(seed: seed, run: run)
        let (text, bytes) = Self.input(target, &random)
        lastInputSize = bytes?.count ?? text.utf8.count
        if show {
            // What the run is fed, escaped, before it runs: a run that hangs or crashes is seen.
            let escaped = (bytes ?? Array(text.utf8)).map { $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C ? String(UnicodeScalar($0)) : String(format: "\\x%02x", $0) }
            FileHandle.standardError.write(Data("run \(run) (\(target.rawValue), \(escaped.count) bytes): \(escaped.joined())\n".utf8))
        }
        let context = "\(target.rawValue) seed \(seed) run \(run)"
        var shown: [String] = []
        var values: [String] = []
        switch target {
        case .email:
            do { values.append(try EmailAddress(text).value) } catch { shown.append(error.description) }
        case .phone:
            do { values.append(PhoneNumbers.display(try PhoneNumbers.parse(text))) } catch { shown.append(error.description) }
            do { values.append(try PhoneNumber(text).value) } catch { shown.append(error.description) }
        case .name:
            do { values.append(try DisplayName(text).value) } catch { shown.append(error.description) }
        case .invitationCSV:
            let parsed = bytes.map { parseFile($0, InvitationCSV.parse(contentsOf:), &shown) } ?? InvitationCSV.parse(text)
            if let parsed {
                shown += parsed.errors.map(\.description)
                for row in parsed.rows { values.append(row.email.value); values += row.inboxes.map(\.value) }
            }
        case .contactCSV:
            let parsed = bytes.map { parseFile($0, ContactCSV.parse(contentsOf:), &shown) } ?? ContactCSV.parse(text)
            if let parsed {
                shown += parsed.errors.map(\.description)
                for row in parsed.rows { values.append(row.phone.value); values.append(row.name.value) }
            }
        case .messageLines:
            let parsed = MessageLines.parse(Data(bytes ?? Array(text.utf8)))
            shown += parsed.errors.map(\.description)
            for row in parsed.rows { shown.append(row.text); values.append(row.inbox.value); values.append(row.contact.value) }
        case .roster:
            let data = Data(bytes ?? Array(text.utf8))
            if let decoded = String(data: data, encoding: .utf8) {
                do {
                    let desired = try RosterReader.read(decoded)
                    values += desired.members.map(\.email.value)
                    shown += desired.inboxes.map(\.name) + desired.groups.map(\.name)
                    let current = (try? RosterReader.read(Target.roster.template)) ?? Roster()
                    do {
                        let plan = try RosterPlan.make(from: current, to: desired, prune: random.next() % 2 == 0,
                                                       operator: try? EmailAddress("agent@acme.test"))
                        shown.append("\(plan)")
                    } catch { shown.append(error.description) }
                    shown.append(RosterYAML.render(desired))
                    shown.append(RosterJSON.render(desired))
                } catch { shown += error.problems.map(\.description) }
            } else {
                shown.append("not UTF-8")
            }
        case .auditFilter:
            do {
                let query = try AuditQuery.parse(text, limit: Int(random.next() % 100))
                shown += [query.actor, query.target, query.action, query.text].compactMap { $0 }
            } catch { shown.append(error.description) }
        case .emailList:
            let parsed = EmailList.parse(text)
            shown += parsed.errors.map(\.description)
            values += parsed.emails.map(\.value)
        case .text:
            // The other ways a screen fits text into a column; their results are checked like any shown text.
            let column = Int(random.next() % 80)
            shown += [TerminalText.shortenEmail(text, toWidth: column), TerminalText.displayText(text),
                      TerminalText.truncate(text, toWidth: column, ellipsis: Hostile.fragment(&random))]
        }
        if values.isEmpty { refused += 1 } else { accepted += 1 }
        // Names and numbers that passed a validator are printed as they are; they must hold no controls.
        for value in values where target != .messageLines || !value.isEmpty { checks.accepted(value, context) }
        checks.shown(text, context, random: &random)
        for line in shown { checks.shown(line, context, random: &random, full: line.utf8.count < 20_000) }
    }

    /// The file path of an import: bytes written to a file and read back as the command does.
    func parseFile<P>(_ bytes: [UInt8], _ parse: (String) throws(TeamError) -> P, _ shown: inout [String]) -> P? {
        let path = scratch + "/input-\(getpid())"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { unlink(path) }
        do { return try parse(path) } catch { shown.append(error.description); return nil }
    }
}
