import Foundation
import TeamCore

/// What the CSV imports share: the file read as UTF-8, the records with
/// their lines (``Records``), the header turned into columns, and one row
/// per non-blank record, with every problem on its line.
enum CSVTable {
    /// The problems of one record, each on its line.
    struct RowErrors: Error { var problems: [LineError] }

    static func text(of path: String) throws(TeamError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TeamError.invalid(ValidationError(field: "file", message: "cannot read \(path)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TeamError.invalid(ValidationError(field: "file", message: "\(path) is not UTF-8 text"))
        }
        return text
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
