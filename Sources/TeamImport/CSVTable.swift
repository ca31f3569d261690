import Foundation
import TeamCore

/// What the CSV imports share: the file read as UTF-8, the records with
/// their lines (``Records``), the header turned into columns, and one row
/// per non-blank record, with every problem on its line.
enum CSVTable {
    /// The problems of one record, each on its line.
    struct RowErrors: Error { var problems: [LineError] }

    /// The file at `path` parsed with `parse`; a file that is not UTF-8 is
    /// `notUTF8` of its first bad line, reported like every other problem
    /// of the file (as the JSON-lines import reports it: line and byte).
    static func read<Parsed>(_ path: String, _ parse: (String) -> Parsed,
                             notUTF8: (LineError) -> Parsed) throws(TeamError) -> Parsed {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TeamError.invalid(ValidationError(field: "file", message: "cannot read \(path)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            guard let bad = firstInvalidLine(data) else {
                throw TeamError.invalid(ValidationError(field: "file", message: "\(path) is not UTF-8 text"))
            }
            return notUTF8(bad)
        }
        return parse(text)
    }

    /// The first line that is not UTF-8, counted as an editor counts lines
    /// (a BOM is not a byte of line 1, as it is not for the parser).
    static func firstInvalidLine(_ data: Data) -> LineError? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> LineError? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var number = 1
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if String(validating: line, as: UTF8.self) == nil {
                    let offset = MessageLines.firstInvalidUTF8(line)
                    return LineError(line: number, message: "not valid UTF-8 (byte \(offset + 1) of the line)")
                }
                number += 1
                start = end + 1
            }
            return nil
        }
    }

    /// `expecting` names the header an empty file lacks ("email,role,inbox").
    static func parse<Columns, Row>(_ text: String, expecting: String,
                                    columns: ([String]) throws(ValidationError) -> Columns,
                                    row: ([String], Int, Columns) -> Result<Row, RowErrors>) -> (rows: [Row], errors: [LineError]) {
        var rows: [Row] = [], errors: [LineError] = []
        let records: [(line: Int, fields: [String])]
        do {
            records = try Records.read(text)
        } catch let failure as Records.Failure {
            return ([], [LineError(line: failure.line, message: failure.message)])
        } catch {
            return ([], [LineError(line: 1, message: "cannot read the file as CSV: \(error)")])
        }
        guard let header = records.first else {
            return ([], [LineError(line: 1, message: "the file is empty; expected a header row: \(expecting)")])
        }
        let parsedColumns: Columns
        do {
            parsedColumns = try columns(header.fields)
        } catch {
            return ([], [LineError(line: header.line, message: error.message)])
        }
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            switch row(record.fields, record.line, parsedColumns) {
            case .success(let parsed): rows.append(parsed)
            case .failure(let failed): errors += failed.problems
            }
        }
        return (rows, errors)
    }
}
