import Foundation
import SwiftCSV
import TeamCore
import TeamPhone

/// Reads a bulk-invitation CSV: a header row naming `email`, `role` and
/// optionally `inbox` (any order, any case), then one person per record.
/// RFC 4180 quoting, a UTF-8 BOM and CRLF line ends are understood; blank
/// lines are skipped. The `inbox` cell holds zero or more phone numbers,
/// written as people write them (`+1 415 555 0102`), separated by `;` or `,`
/// (or by spaces before a `+`), each checked by libphonenumber.
///
/// Every row and every error carries the line the record starts on, counted
/// in the file as an editor shows it, even when quoted fields span lines.
public enum InvitationCSV {
    public struct Parsed: Sendable, Equatable {
        public var rows: [InvitationRow]
        public var errors: [LineError]
    }

    public static func parse(contentsOf path: String) throws(TeamError) -> Parsed {
        try CSVTable.read(path, { parse($0) }, notUTF8: { Parsed(rows: [], errors: [$0]) })
    }

    public static func parse(_ text: String) -> Parsed {
        let table = CSVTable.parse(text, expecting: "email,role,inbox", columns: { (header: [String]) throws(ValidationError) in
            try Columns(header)
        }, row: row)
        return Parsed(rows: table.rows, errors: table.errors)
    }

    private static func row(_ fields: [String], line: Int, _ columns: Columns) -> Result<InvitationRow, CSVTable.RowErrors> {
        var problems: [String] = []
        if fields.count > columns.count {
            problems.append("has \(fields.count) fields but the header names \(columns.count) columns (quote fields that contain commas)")
        }
        func cell(_ index: Int?) -> String {
            guard let index, index < fields.count else { return "" }
            return fields[index].trimmingCharacters(in: .whitespaces)
        }
        var email: EmailAddress?
        var role: Role?
        var inboxes: [PhoneNumber] = []
        do { email = try EmailAddress(cell(columns.email)) } catch { problems.append(error.message) }
        do { role = try Role.parse(cell(columns.role)) } catch { problems.append(error.message) }
        for number in numbers(in: cell(columns.inbox)) {
            do { inboxes.append(try PhoneNumbers.parse(number)) } catch { problems.append(error.message) }
        }
        guard problems.isEmpty, let email, let role else {
            return .failure(CSVTable.RowErrors(problems: problems.map { LineError(line: line, message: $0) }))
        }
        var unique: [PhoneNumber] = []
        for inbox in inboxes where !unique.contains(inbox) { unique.append(inbox) }
        return .success(InvitationRow(line: line, email: email, role: role, inboxes: unique))
    }

    /// The numbers of one `inbox` cell. Spaces inside a number are how people
    /// write it (`+44 20 7183 8750`), so only a space before a `+` starts
    /// the next number (older files list E.164 numbers separated by spaces).
    static func numbers(in cell: String) -> [String] {
        var numbers: [String] = []
        for part in cell.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            var current = ""
            for character in part {
                if character == "+", current.last?.isWhitespace == true,
                   !current.trimmingCharacters(in: .whitespaces).isEmpty {
                    numbers.append(current)
                    current = ""
                }
                current.append(character)
            }
            numbers.append(current)
        }
        return numbers.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Where each column is, from the header row.
    struct Columns {
        let email: Int
        let role: Int
        let inbox: Int?
        let count: Int

        init(_ header: [String]) throws(ValidationError) {
            var found: [String: Int] = [:]
            for (index, raw) in header.enumerated() {
                let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
                guard ["email", "role", "inbox"].contains(name) else {
                    throw ValidationError(field: "header", message: "unknown column '\(raw)'; the header must name email, role and optionally inbox")
                }
                guard found[name] == nil else {
                    throw ValidationError(field: "header", message: "column '\(name)' appears twice in the header")
                }
                found[name] = index
            }
            guard let email = found["email"], let role = found["role"] else {
                throw ValidationError(field: "header", message: "the header must name the columns email and role (and optionally inbox), e.g. email,role,inbox")
            }
            self.email = email; self.role = role; inbox = found["inbox"]; count = header.count
        }
    }
}

/// Records of a CSV text with the line each starts on, read with SwiftCSV.
///
/// SwiftCSV reports no positions, so lines are counted from what it
/// returns: a record spans one line plus every line break inside its
/// quoted fields (CRLF counts once, as the parser sees it as one break).
enum Records {
    struct Failure: Error {
        let line: Int
        let message: String
    }

    static func read(_ text: String) throws -> [(line: Int, fields: [String])] {
        let csv: EnumeratedCSV
        do {
            // rowLimit 0: parse the header only here; records are enumerated below.
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
        } catch {
            throw Failure(line: 1, message: malformed)
        }
        var records: [(line: Int, fields: [String])] = []
        var line = 1
        do {
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                records.append((line, fields))
                line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
            }
        } catch {
            throw Failure(line: line, message: malformed)
        }
        // An odd number of quotes means a quoted field that never closes; the
        // parser would have swallowed the rest of the file into the last record.
        if csv.text.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }) % 2 == 1 {
            throw Failure(line: records.last?.line ?? 1,
                          message: "a quoted field starting on this line is never closed (missing \")")
        }
        return records
    }

    /// Line breaks as the parser counts them (a Character that is a newline:
    /// CRLF is one). Most fields have none, which a byte scan shows cheaply.
    static func lineBreaks(in field: String) -> Int {
        guard field.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 11 || $0 == 12 || $0 >= 0x80 }) else { return 0 }
        return field.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
    }

    static let malformed =
        "malformed quoting: a field with a quote must be quoted as a whole, with inner quotes doubled (\"\")"
}
