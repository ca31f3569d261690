import TeamCore

/// `contacts import FILE.csv`: every row is checked (guard, numbers already
/// in the workspace or twice in the file, properties and values) before
/// anything is written; then all are added in one transaction, or none.
extension SQLiteWorkspace {
    public func importContacts(_ rows: [ContactRow], dryRun: Bool) throws -> ContactImportReport {
        var actor: OperatorContext?
        do {
            // A dry run only reads: it works under --read-only and --view-as too.
            if dryRun { return try reading { try importing(rows, dryRun: true) { actor = $0 } } }
            return try writing { try importing(rows, dryRun: false) { actor = $0 } }
        } catch TeamError.refused(let refusal) {
            recordRefusal(refusal, by: actor, action: "contact.import", target: "\(rows.count) rows")
            throw TeamError.refused(refusal)
        }
    }

    private func importing(_ rows: [ContactRow], dryRun: Bool,
                           resolved: (OperatorContext) -> Void) throws -> ContactImportReport {
        let op = try resolveOperator()
        resolved(op)
        // One refusal for the whole file rather than the same one per row.
        try check(.updateContact, op)
        let properties = try propertiesByKey()
        var errors: [LineError] = []
        var firstLine: [PhoneNumber: Int] = [:]
        var planned: [(ContactRow, [(ContactProperty, String?)])] = []
        // A header column that names no property is one mistake, on the header's line, not one per row using it.
        var unknownColumns: [String] = []
        for row in rows {
            if let line = firstLine[row.phone] {
                errors.append(LineError(line: row.line, message: "\(row.phone) is already on line \(line) of this file"))
                continue
            }
            firstLine[row.phone] = row.line
            if let existing = try db.first("SELECT name FROM contacts WHERE phone = ?", [row.phone.value], { $0.text(0) }) {
                errors.append(LineError(line: row.line, message: "\(row.phone) is already a contact (\(existing))"))
            }
            let known = row.values.filter { assignment in
                guard properties[Self.propertyKey(assignment.property)] == nil else { return true }
                if !unknownColumns.contains(assignment.property) { unknownColumns.append(assignment.property) }
                return false
            }
            let values = resolve(known, properties)
            errors += values.problems.map { LineError(line: row.line, message: $0.description) }
            planned.append((row, values.values))
        }
        errors += unknownColumns.map {
            LineError(line: 1, message: "the header's column '\($0)' is no contact property; see clerk-team properties list")
        }
        guard errors.isEmpty, !dryRun else {
            return ContactImportReport(rows: rows.count, errors: errors.sorted(), applied: false)
        }
        for (row, values) in planned {
            try insertContact(phone: row.phone, name: row.name, values: values, op)
        }
        return ContactImportReport(rows: rows.count, errors: [], applied: true)
    }
}
