import JSONText
import TeamCore
import TeamPhone

/// Contacts: add, edit, remove, each with its property values (`update-contact`).
extension SQLiteWorkspace {
    static let contactColumns = "id, name, phone, version"

    func contactRow(_ phone: PhoneNumber) throws -> Contact? {
        guard let contact = try db.first("SELECT \(Self.contactColumns) FROM contacts WHERE phone = ?", [phone.value], {
            Contact(id: $0.int(0), name: $0.text(1), phone: PhoneNumber(stored: $0.text(2)), values: [], version: $0.int(3))
        }) else { return nil }
        var found = contact
        found.values = try contactValues(contact.id)
        return found
    }

    func contactValues(_ id: Int64) throws -> [ContactValue] {
        try db.all("""
            SELECT p.name, v.value FROM contact_values v JOIN contact_properties p ON p.id = v.property_id
            WHERE v.contact_id = ? ORDER BY p.name_key
            """, [id]) { ContactValue(property: $0.text(0), value: $0.text(1)) }
    }

    func requireContact(_ phone: PhoneNumber, _ expected: Int64? = nil) throws -> Contact {
        guard let contact = try contactRow(phone) else { throw TeamError.notFound("no contact \(phone) in this workspace") }
        if let expected, expected != contact.version {
            throw TeamError.stale("contact \(phone) was changed by someone else since you looked; nothing was overwritten; look at it again and retry")
        }
        return contact
    }

    /// Each assignment's property and checked value (nil: remove), or what is wrong with them.
    func resolve(_ assignments: [PropertyAssignment],
                 _ properties: [String: ContactProperty]) -> (values: [(ContactProperty, String?)], problems: [TeamError]) {
        var values: [(ContactProperty, String?)] = []
        var problems: [TeamError] = []
        var seen: Set<Int64> = []
        for assignment in assignments {
            guard let property = properties[Self.propertyKey(assignment.property)] else {
                problems.append(.notFound("no contact property '\(assignment.property)'; see clerk-team properties list"))
                continue
            }
            guard seen.insert(property.id).inserted else {
                problems.append(.invalid(ValidationError(field: "set", message: "property \(property.name) is given twice")))
                continue
            }
            guard let raw = assignment.value else { values.append((property, nil)); continue }
            do {
                values.append((property, try property.validate(raw)))
            } catch {
                problems.append(.invalid(error))
            }
        }
        return (values, problems)
    }

    /// The properties by folded name.
    func propertiesByKey() throws -> [String: ContactProperty] {
        Dictionary(uniqueKeysWithValues: try properties().map { (Self.propertyKey($0.name), $0) })
    }

    func resolveOrThrow(_ assignments: [PropertyAssignment]) throws -> [(ContactProperty, String?)] {
        let resolved = resolve(assignments, try propertiesByKey())
        if let problem = resolved.problems.first { throw problem }
        return resolved.values
    }

    func planContact(_ command: TeamCommand, _ op: OperatorContext) throws -> Plan {
        switch command {
        case .addContact(let phone, let name, let assignments):
            do { try PhoneNumbers.check(phone) } catch { throw TeamError.invalid(error) }
            let values = try resolveOrThrow(assignments)
            return Plan(action: .updateContact) {
                try self.insertContact(phone: phone, name: name, values: values, op)
                return CommandOutcome(message: "added contact \(phone) (\(name.value))", changed: true)
            }
        case .editContact(let phone, let name, let newPhone, let assignments, let expected):
            if let newPhone { do { try PhoneNumbers.check(newPhone) } catch { throw TeamError.invalid(error) } }
            let contact = try requireContact(phone, expected)
            let values = try resolveOrThrow(assignments)
            return Plan(action: .updateContact) { try self.editContact(contact, name: name, newPhone: newPhone, values: values, op) }
        case .removeContact(let phone, let expected):
            let contact = try requireContact(phone, expected)
            return Plan(action: .updateContact) {
                try self.db.run("DELETE FROM contacts WHERE id = ?", [contact.id])
                try self.appendAudit(op, action: "contact.remove", target: phone.value,
                                     before: [("name", .string(contact.name)), ("values", Self.auditValues(contact.values))])
                return CommandOutcome(message: "removed contact \(phone) (\(contact.name))", changed: true)
            }
        default:
            throw TeamError.conflict("not a contact command: \(command)")
        }
    }

    static func auditValues(_ values: [ContactValue]) -> JSONText.Value {
        .object(values.map { ($0.property, .string($0.value)) })
    }

    /// Stores a new contact with its values and its audit event.
    func insertContact(phone: PhoneNumber, name: DisplayName, values: [(ContactProperty, String?)],
                       _ op: OperatorContext) throws {
        if try db.first("SELECT 1 FROM contacts WHERE phone = ?", [phone.value], { $0.int(0) }) != nil {
            throw TeamError.conflict("a contact with number \(phone) already exists")
        }
        try db.run("INSERT INTO contacts (phone, name, sort_name, created_at) VALUES (?, ?, ?, ?)",
                   [phone.value, name.value, RowMapping.sortKey(name.value), now().seconds])
        let id = db.lastInsertRowID
        var stored: [ContactValue] = []
        for (property, value) in values {
            guard let value else { continue }
            try db.run("INSERT INTO contact_values (contact_id, property_id, value) VALUES (?, ?, ?)", [id, property.id, value])
            stored.append(ContactValue(property: property.name, value: value))
        }
        try appendAudit(op, action: "contact.add", target: phone.value,
                        after: [("name", .string(name.value)), ("values", Self.auditValues(stored))])
    }

    private func editContact(_ contact: Contact, name: DisplayName?, newPhone: PhoneNumber?,
                             values: [(ContactProperty, String?)], _ op: OperatorContext) throws -> CommandOutcome {
        var before: AuditValues = [], after: AuditValues = []
        if let name, name.value != contact.name {
            try db.run("UPDATE contacts SET name = ?, sort_name = ? WHERE id = ?", [name.value, RowMapping.sortKey(name.value), contact.id])
            before.append(("name", .string(contact.name))); after.append(("name", .string(name.value)))
        }
        if let newPhone, newPhone != contact.phone {
            if try db.first("SELECT 1 FROM contacts WHERE phone = ?", [newPhone.value], { $0.int(0) }) != nil {
                throw TeamError.conflict("a contact with number \(newPhone) already exists")
            }
            try db.run("UPDATE contacts SET phone = ? WHERE id = ?", [newPhone.value, contact.id])
            before.append(("phone", .string(contact.phone.value))); after.append(("phone", .string(newPhone.value)))
        }
        for (property, value) in values {
            let old = contact.value(of: property.name)
            guard old != value else { continue }
            if let value {
                try db.run("INSERT OR REPLACE INTO contact_values (contact_id, property_id, value) VALUES (?, ?, ?)",
                           [contact.id, property.id, value])
            } else {
                try db.run("DELETE FROM contact_values WHERE contact_id = ? AND property_id = ?", [contact.id, property.id])
            }
            before.append((property.name, JSONText.Value(old))); after.append((property.name, JSONText.Value(value)))
        }
        guard !after.isEmpty else {
            return CommandOutcome(message: "contact \(contact.phone) is already so", changed: false)
        }
        try db.run("UPDATE contacts SET version = version + 1 WHERE id = ?", [contact.id])
        try appendAudit(op, action: "contact.edit", target: contact.phone.value, before: before, after: after)
        let changed = after.map(\.0).joined(separator: ", ")
        return CommandOutcome(message: "contact \(newPhone ?? contact.phone) (\(name?.value ?? contact.name)): changed \(changed)",
                              changed: true)
    }
}
