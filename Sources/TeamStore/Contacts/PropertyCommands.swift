import JSONText
import TeamCore

/// Contact property definitions: add, rename, change choices, remove (`update-property`).
extension SQLiteWorkspace {
    static let propertyColumns = "id, name, type, choices, version"

    static func property(_ row: Row) -> ContactProperty {
        let choices = row.text(3).split(separator: "\n").map(String.init)
        return ContactProperty(id: row.int(0), name: row.text(1), type: PropertyType(rawValue: row.text(2)) ?? .text,
                               choices: choices, version: row.int(4))
    }

    /// Names are unique by this key: compared as group names are, as they
    /// look, ignoring case (``DisplayName/key(_:)``).
    static func propertyKey(_ name: String) -> String { DisplayName.key(name) }

    func properties() throws -> [ContactProperty] {
        try db.all("SELECT \(Self.propertyColumns) FROM contact_properties ORDER BY name_key") { Self.property($0) }
    }

    func propertyRow(_ name: String) throws -> ContactProperty? {
        try db.first("SELECT \(Self.propertyColumns) FROM contact_properties WHERE name_key = ?", [Self.propertyKey(name)]) {
            Self.property($0)
        }
    }

    func requireProperty(_ name: String, _ expected: Int64? = nil) throws -> ContactProperty {
        guard let property = try propertyRow(name) else {
            throw TeamError.notFound("no contact property '\(name)'; see clerk-team properties list")
        }
        if let expected, expected != property.version {
            throw TeamError.stale("property \(property.name) was changed by someone else since you looked; nothing was overwritten; look at it again and retry")
        }
        return property
    }

    func planProperty(_ command: TeamCommand, _ op: OperatorContext) throws -> Plan {
        switch command {
        case .addProperty(let name, let type, let choices):
            let checked: [String]
            do {
                _ = try PropertyValues.name(name.value)
                checked = type == .choice ? try PropertyValues.choices(choices) : []
            } catch { throw TeamError.invalid(error) }
            if type != .choice, !choices.isEmpty {
                throw TeamError.invalid(ValidationError(field: "choices", message: "only a choice property has choices"))
            }
            return Plan(action: .updateProperty) {
                if let existing = try self.propertyRow(name.value) {
                    throw TeamError.conflict("a contact property named '\(existing.name)' already exists")
                }
                try self.db.run("""
                    INSERT INTO contact_properties (name, name_key, type, choices, created_at) VALUES (?, ?, ?, ?, ?)
                    """, [name.value, Self.propertyKey(name.value), type.rawValue, checked.joined(separator: "\n"), self.now().seconds])
                try self.appendAudit(op, action: "property.add", target: name.value,
                                     after: [("type", .string(type.rawValue)), ("choices", .array(checked.map { .string($0) }))])
                let shown = type == .choice ? "choice (\(checked.joined(separator: ", ")))" : type.rawValue
                return CommandOutcome(message: "added contact property \(name.value): \(shown)", changed: true)
            }
        case .renameProperty(let name, let newName, let expected):
            do { _ = try PropertyValues.name(newName.value) } catch { throw TeamError.invalid(error) }
            let property = try requireProperty(name.value, expected)
            return Plan(action: .updateProperty) {
                guard property.name != newName.value else {
                    return CommandOutcome(message: "property \(property.name) is already named so", changed: false)
                }
                if let other = try self.propertyRow(newName.value), other.id != property.id {
                    throw TeamError.conflict("a contact property named '\(other.name)' already exists")
                }
                try self.db.run("UPDATE contact_properties SET name = ?, name_key = ?, version = version + 1 WHERE id = ?",
                                [newName.value, Self.propertyKey(newName.value), property.id])
                try self.appendAudit(op, action: "property.rename", target: property.name,
                                     before: [("name", .string(property.name))], after: [("name", .string(newName.value))])
                return CommandOutcome(message: "contact property \(property.name) renamed to \(newName.value)", changed: true)
            }
        case .setPropertyChoices(let name, let add, let remove, let expected):
            do { _ = try PropertyValues.choiceEdits(add: add, remove: remove) } catch { throw TeamError.invalid(error) }
            let property = try requireProperty(name.value, expected)
            return Plan(action: .updateProperty) {
                let choices: [String]
                do throws(ValidationError) { choices = try PropertyValues.changedChoices(of: property, add: add, remove: remove) } catch {
                    throw TeamError.invalid(error)
                }
                try self.refuseHeldChoices(property, removing: property.choices.filter { !choices.contains($0) })
                try self.db.run("UPDATE contact_properties SET choices = ?, version = version + 1 WHERE id = ?",
                                [choices.joined(separator: "\n"), property.id])
                try self.appendAudit(op, action: "property.set-choices", target: property.name,
                                     before: [("choices", .array(property.choices.map { .string($0) }))],
                                     after: [("choices", .array(choices.map { .string($0) }))])
                return CommandOutcome(message: "contact property \(property.name) now has choices: \(choices.joined(separator: ", "))",
                                      changed: true)
            }
        case .removeProperty(let name, let expected):
            let property = try requireProperty(name.value, expected)
            return Plan(action: .updateProperty) {
                let values = try self.db.scalarInt("SELECT count(*) FROM contact_values WHERE property_id = ?", [property.id])
                // The contacts that had a value move on, so an edit based on the older view is refused.
                try self.db.run("""
                    UPDATE contacts SET version = version + 1 WHERE id IN (SELECT contact_id FROM contact_values WHERE property_id = ?)
                    """, [property.id])
                try self.db.run("DELETE FROM contact_properties WHERE id = ?", [property.id])
                try self.appendAudit(op, action: "property.remove", target: property.name,
                                     before: [("type", .string(property.type.rawValue)),
                                              ("choices", .array(property.choices.map { .string($0) })),
                                              ("values", .int(values))])
                return CommandOutcome(message: "removed contact property \(property.name) (\(counted(Int(values), "value")) went with it)",
                                      changed: true)
            }
        default:
            throw TeamError.conflict("not a property command: \(command)")
        }
    }

    /// A choice that contacts still hold is not removed: their values would
    /// stop being one of the choices. The count says how much is in the way.
    func refuseHeldChoices(_ property: ContactProperty, removing: [String]) throws {
        var held: [String] = []
        for choice in removing {
            let count = Int(try db.scalarInt("SELECT count(*) FROM contact_values WHERE property_id = ? AND value = ? COLLATE NOCASE",
                                             [property.id, choice]))
            if count > 0 { held.append("\(counted(count, "contact")) \(count == 1 ? "holds" : "hold") '\(choice)'") }
        }
        guard held.isEmpty else {
            throw TeamError.conflict("\(held.joined(separator: " and ")); change their values first")
        }
    }
}
