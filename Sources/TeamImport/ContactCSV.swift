import Foundation
import TeamCore
import TeamPhone

/// Reads a contacts CSV: a header row naming `phone` and `name` (any order,
/// any case) and then any contact properties as further columns; one
/// contact per record. An empty property cell means no value. Quoting, BOM,
/// CRLF and line numbers as for invitations (``Records``); the properties'
/// types are checked by the store, which knows them.
public enum ContactCSV {
    public struct Parsed: Sendable, Equatable {
        public var rows: [ContactRow]
        public var errors: [LineError]
    }

    public static func parse(contentsOf path: String) throws(TeamError) -> Parsed {
        try CSVTable.read(path, { parse($0) }, notUTF8: { Parsed(rows: [], errors: [$0]) })
    }

    public static func parse(_ text: String) -> Parsed {
        let table = CSVTable.parse(text, expecting: "phone,name and property names", columns: { (header: [String]) throws(ValidationError) in
            try Columns(header)
        }, row: row)
        return Parsed(rows: table.rows, errors: table.errors)
    }

    private static func row(_ fields: [String], line: Int, _ columns: Columns) -> Result<ContactRow, CSVTable.RowErrors> {
        var problems: [String] = []
        if fields.count > columns.count {
            problems.append("has \(fields.count) fields but the header names \(columns.count) columns (quote fields that contain commas)")
        }
        func cell(_ index: Int) -> String {
            index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
        }
        var phone: PhoneNumber?
        var name: DisplayName?
        do { phone = try PhoneNumbers.parse(cell(columns.phone)) } catch { problems.append(error.message) }
        do { name = try DisplayName(cell(columns.name)) } catch { problems.append(error.message) }
        let values = columns.properties.compactMap { property, index -> PropertyAssignment? in
            let value = cell(index)
            return value.isEmpty ? nil : PropertyAssignment(property: property, value: value)
        }
        guard problems.isEmpty, let phone, let name else {
            return .failure(CSVTable.RowErrors(problems: problems.map { LineError(line: line, message: $0) }))
        }
        return .success(ContactRow(line: line, phone: phone, name: name, values: values))
    }

    /// Where each column is, from the header row.
    struct Columns {
        let phone: Int
        let name: Int
        let properties: [(String, Int)]
        let count: Int

        init(_ header: [String]) throws(ValidationError) {
            var phone: Int?, name: Int?
            var properties: [(String, Int)] = []
            var seen: Set<String> = []
            for (index, raw) in header.enumerated() {
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                guard seen.insert(trimmed.lowercased()).inserted else {
                    throw ValidationError(field: "header", message: "column '\(trimmed)' appears twice in the header")
                }
                switch trimmed.lowercased() {
                case "phone": phone = index
                case "name": name = index
                default: properties.append((try PropertyValues.name(trimmed).value, index))
                }
            }
            guard let phone, let name else {
                throw ValidationError(field: "header", message: "the header must name the columns phone and name, then any properties, e.g. phone,name,Tier")
            }
            self.phone = phone; self.name = name; self.properties = properties; count = header.count
        }
    }
}
