import ArgumentParser
import Foundation
import JSONText
import TeamCore
import TeamImport
import TeamPhone
import TeamStore
import TermText

/// Message threads per inbox: import (the stand-in for an SMS transport),
/// read and delete. Reading needs view-messages and the inbox visible;
/// deleting needs delete-messages; importing, view-messages and the inbox's
/// modify permission. Message text is untrusted: sanitised when printed,
/// escaped in JSON, stored exactly.
struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "Message threads per inbox: import, list threads, show a thread, delete.",
        subcommands: [Import.self, Threads.self, Show.self, Delete.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store the messages of a JSON-lines file (or - for standard input), all or nothing.",
            discussion: """
                One JSON object a line: {"inbox": "+14155550100", "contact": "+14155550123", "direction": "in" or "out",
                "at": "2026-11-30T10:00:00Z", "text": "…"}, and "by": EMAIL (a member) on outgoing ones. Text up to
                \(MessageRules.maxTextLength) characters, stored exactly. Every problem is reported with its line; if there
                is any, nothing is stored. Needs view-messages and the inbox's modify permission (modify-public-inbox or
                modify-private-inbox) for every inbox in the file. One audit event with the count. A message stored
                already (same inbox, contact, direction, second, text and sender) is left out and counted, so
                importing the same export twice adds nothing.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The JSON-lines file, or - for standard input.", completion: .file()) var file: String
        @Flag(help: "Check everything and say what would be stored; change nothing.") var dryRun = false
        @Flag(help: "Print JSON: {\"changed\", \"dry_run\", \"messages\", \"threads\", \"inboxes\", \"already_stored\", \"problems\": [{line, message}]}.")
        var json = false

        func run() throws {
            let data = try Self.read(file)
            let parsed = MessageLines.parse(data)
            let workspace = dryRun ? try global.openWorkspaceForReading() : try global.openWorkspace()
            // With errors in the file, the good rows are still checked against the workspace, so every problem shows at once.
            let report = try workspace.importMessages(parsed.rows, dryRun: dryRun || !parsed.errors.isEmpty)
            let errors = (parsed.errors + report.errors).sorted()
            let imported = errors.isEmpty ? report.imported : 0
            if json {
                Console.raw(JSONText.Value.object([
                    ("changed", .bool(report.applied)), ("dry_run", .bool(dryRun)),
                    ("messages", .int(Int64(imported))), ("threads", .int(Int64(errors.isEmpty ? report.threads : 0))),
                    ("inboxes", .array(report.inboxes.map { .string($0.value) })),
                    ("already_stored", .int(Int64(report.alreadyStored))),
                    ("problems", .array(errors.map { .object([("line", .int(Int64($0.line))), ("message", .string($0.message))]) })),
                ]).rendered() + "\n")
                if !errors.isEmpty { throw Refused() }
                return
            }
            guard errors.isEmpty else {
                let shown = errors.prefix(100).map { "  " + TerminalText.sanitize($0.description) }
                let more = errors.count > 100 ? ["  … and \(errors.count - 100) more (--json lists every one)"] : []
                Console.error("\(file == "-" ? "standard input" : file): \(counted(errors.count, "problem")); nothing was imported:\n"
                              + (shown + more).joined(separator: "\n"))
                throw Refused()
            }
            let skipped = report.alreadyStored == 0 ? "" : "; \(counted(report.alreadyStored, "message")) already stored, left out"
            guard imported > 0 || report.alreadyStored == 0 else {
                Console.line("nothing to import: every message in \(file == "-" ? "standard input" : file) is stored already (nothing changed)")
                return
            }
            let summary = "\(counted(imported, "message")) in \(counted(report.threads, "thread")) of \(counted(report.inboxes.count, "inbox", "inboxes"))"
            Console.line(report.applied ? "imported \(summary)\(skipped)" : "dry run: would import \(summary)\(skipped); nothing changed")
        }

        static func read(_ file: String) throws -> Data {
            if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TeamError.invalid(TeamCore.ValidationError(field: "file", message: "cannot read \(file)"))
            }
            return data
        }
    }

    struct Threads: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List an inbox's threads, newest first: contact, messages, last message.",
            discussion: "Needs view-messages and the inbox visible to you; an inbox you may not see reads as one that does not exist.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The inbox's number.", completion: Complete.phones) var inbox: String
        @Flag(help: "Print JSON: an array of {contact, messages, last_at, last_id, last_direction, last_text}.") var json = false

        func run() throws {
            let threads = try global.openWorkspaceForReading().threads(inbox: try Parse.phone(inbox))
            if json {
                return JSONViews.printArray(threads) { thread in
                    .object([("contact", .string(thread.contact.value)), ("messages", .int(Int64(thread.count))),
                             ("last_at", .string(thread.last.at.iso8601)), ("last_id", .int(thread.last.id)),
                             ("last_direction", .string(thread.last.direction.rawValue)),
                             ("last_text", .string(thread.last.text))])
                }
            }
            if threads.isEmpty { return Console.line("no threads in inbox \(inbox)") }
            Console.table(["CONTACT", "MESSAGES", "LAST", "DIR", "PREVIEW"], threads.map { thread in
                [PhoneNumbers.display(thread.contact), String(thread.count), thread.last.at.iso8601,
                 thread.last.direction == .incoming ? "in" : "out", MessageText.preview(thread.last.text, width: 60)]
            })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a thread's messages, oldest first, each with its id.",
            discussion: "Needs view-messages and the inbox visible to you. Control characters in a message are shown escaped (\\n, \\x1b).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The inbox's number.", completion: Complete.phones) var inbox: String
        @Argument(help: "The contact's number.") var contact: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Only the last N messages.", valueName: "last"),
                transform: { try Whole.atLeastOne($0) }) var last: Int?
        @Flag(help: "Print JSON: {inbox, contact, messages: [{id, direction, at, by, text}]}.") var json = false

        func run() throws {
            let workspace = try global.openWorkspaceForReading()
            let inboxNumber = try Parse.phone(inbox), contactNumber = try Parse.phone(contact)
            // Read in pages from the oldest (or the last N), so a long thread never sits in one query.
            var messages: [Message] = []
            var page = try workspace.thread(inbox: inboxNumber, contact: contactNumber,
                                            page: last.map { .newest(limit: $0) } ?? .oldest(limit: 2_000))
            guard page.total > 0 else {
                throw TeamError.notFound("no thread with \(contactNumber) in inbox \(inboxNumber)")
            }
            messages += page.messages
            while last == nil, page.hasNewer, let end = page.messages.last {
                page = try workspace.thread(inbox: inboxNumber, contact: contactNumber, page: .after(end.cursor, limit: 2_000))
                messages += page.messages
            }
            if json {
                return Console.raw(JSONText.Value.object([
                    ("inbox", .string(inboxNumber.value)), ("contact", .string(contactNumber.value)),
                    ("messages", .array(messages.map(MessageText.json))),
                ]).rendered() + "\n")
            }
            Console.table(["ID", "AT", "DIR", "BY", "TEXT"], messages.map { message in
                ["#\(message.id)", message.at.iso8601, message.direction == .incoming ? "in" : "out",
                 message.sentBy ?? "", message.text]
            })
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a message by its id, or a whole thread with --thread INBOX CONTACT.",
            usage: "clerk-team messages delete ID [--yes]\nclerk-team messages delete --thread INBOX CONTACT [--yes]",
            discussion: """
                Needs delete-messages and the inbox visible to you. The audit log records which message or thread and
                how many messages, never their text. On a terminal you are asked to type the id (or the contact's
                number); elsewhere --yes is needed.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Flag(help: "Delete the thread of INBOX with CONTACT (both numbers given as arguments).") var thread = false
        @Argument(help: "A message id (as `messages show` lists it), or with --thread: INBOX CONTACT.") var arguments: [String] = []
        @Flag(help: "Do not ask for confirmation (needed when not on a terminal).") var yes = false

        func validate() throws {
            if thread, arguments.count != 2 {
                throw ArgumentParser.ValidationError("--thread needs the inbox's number and the contact's number")
            }
            if !thread, arguments.count != 1 {
                throw ArgumentParser.ValidationError("give one message id, or --thread INBOX CONTACT")
            }
        }

        func run() throws {
            if thread {
                let inbox = try Parse.phone(arguments[0]), contact = try Parse.phone(arguments[1])
                return try confirmThenPerform(global, output, .deleteThread(inbox: inbox, contact: contact), typing: PhoneNumbers.display(contact),
                                              what: "delete the whole thread with \(PhoneNumbers.display(contact)) in inbox \(PhoneNumbers.display(inbox))", skip: yes)
            }
            let text = arguments[0].hasPrefix("#") ? String(arguments[0].dropFirst()) : arguments[0]
            guard let id = MessageID(text), id > 0 else {
                throw TeamError.invalid(TeamCore.ValidationError(field: "id", message: "'\(arguments[0])' is not a message id (a number, as listed by messages show)"))
            }
            try confirmThenPerform(global, output, .deleteMessage(id: id), typing: String(id),
                                   what: "delete message #\(id)", skip: yes)
        }
    }
}

/// How message text is shown by the command line.
enum MessageText {
    /// One line: line breaks as spaces, then sanitised and cut to `width` cells.
    static func preview(_ text: String, width: Int) -> String {
        let flat = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).joined(separator: " ")
        return TerminalText.truncate(TerminalText.displayText(TerminalText.sanitize(flat)), toWidth: width)
    }

    static func json(_ message: Message) -> JSONText.Value {
        .object([("id", .int(message.id)), ("direction", .string(message.direction.rawValue)),
                 ("at", .string(message.at.iso8601)), ("by", JSONText.Value(message.sentBy)), ("text", .string(message.text))])
    }
}
