import ArgumentParser
import Foundation
import TeamCore
import TeamImport

/// `--from-file FILE|-` and `--partial`, taken by every command that changes
/// one member: the same change for every member listed, as one batch.
struct BulkOptions: ParsableArguments {
    @Option(name: .customLong("from-file"), help: ArgumentHelp(
        "Instead of EMAIL, every member listed in this file ('-': standard input), one email per line; blank lines and # comments are skipped.",
        valueName: "file"))
    var fromFile: String?

    @Flag(help: "With --from-file: make the changes the guard allows and list the refused ones (exit 1 if any); without it one refusal changes nothing.")
    var partial = false

    func validate() throws {
        if partial && fromFile == nil { throw ValidationError("--partial goes with --from-file") }
    }

    /// Sorts out the positional arguments: `EMAIL OTHER…` without
    /// --from-file, `OTHER…` with it (they shift left into EMAIL's place,
    /// since ArgumentParser fills positionals in order). `usage` shows both forms.
    func arguments(email: String?, then others: [String?], usage: String,
                   expectVersion: Int64? = nil) throws -> (email: String?, others: [String]) {
        if fromFile != nil && expectVersion != nil {
            throw ValidationError("--expect-version names one row's version; it does not go with --from-file")
        }
        let given = ([email] + others).compactMap { $0 }
        if fromFile == nil, given.count == others.count + 1 { return (given[0], Array(given.dropFirst())) }
        if fromFile != nil, given.count == others.count { return (nil, given) }
        throw ValidationError(fromFile == nil ? "expected \(usage)" : "with --from-file the emails come from the file: expected \(usage)")
    }

    /// The file's name in messages.
    var fileLabel: String { fromFile == "-" ? "standard input" : fromFile ?? "" }

    /// The emails of the file; a bad line stops the command before the workspace is opened.
    func emails() throws -> [EmailAddress] {
        guard let fromFile else { return [] }
        let data = fromFile == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: fromFile)
        guard let data else {
            throw TeamError.invalid(TeamCore.ValidationError(field: "from-file", message: "cannot read \(fromFile)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TeamError.invalid(TeamCore.ValidationError(field: "from-file", message: "\(fileLabel) is not UTF-8 text"))
        }
        let parsed = EmailList.parse(text)
        guard parsed.errors.isEmpty else {
            Console.error("\(fileLabel): \(parsed.errors.count) bad line(s); nothing changed:\n"
                          + parsed.errors.map { "  \($0.description)" }.joined(separator: "\n"))
            throw Refused()
        }
        guard !parsed.emails.isEmpty else {
            throw TeamError.invalid(TeamCore.ValidationError(field: "from-file", message: "\(fileLabel) lists no emails; nothing changed"))
        }
        return parsed.emails
    }
}
