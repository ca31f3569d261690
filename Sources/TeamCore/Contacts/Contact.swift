/// A person the workspace texts: a name, one number (E.164, one contact per
/// number) and values of the workspace's custom properties.
public struct Contact: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var phone: PhoneNumber
    /// Values by property name, in property-name order; properties without a value are absent.
    public var values: [ContactValue]
    public var version: Int64
    /// The number as people write it (`+1 415-555-0123`), when the store could work it out.
    public var formatted: String?

    public init(id: Int64, name: String, phone: PhoneNumber, values: [ContactValue], version: Int64, formatted: String? = nil) {
        self.id = id; self.name = name; self.phone = phone; self.values = values; self.version = version
        self.formatted = formatted
    }

    /// The number for people: formatted if known.
    public var displayPhone: String { formatted ?? phone.value }

    public func value(of property: String) -> String? {
        values.first { $0.property.lowercased() == property.lowercased() }?.value
    }
}

public struct ContactValue: Sendable, Equatable {
    public var property: String
    public var value: String

    public init(property: String, value: String) { self.property = property; self.value = value }
}

/// One `--set PROPERTY=VALUE` (or `--unset PROPERTY`, with no value): the
/// property is named as typed and matched ignoring case; the value is checked
/// against the property's type by the store.
public struct PropertyAssignment: Sendable, Equatable {
    public var property: String
    /// nil removes the contact's value of the property.
    public var value: String?

    public init(property: String, value: String?) { self.property = property; self.value = value }

    /// `Tier=gold`: the first `=` separates the name from the value.
    public static func parse(_ text: String) throws(ValidationError) -> PropertyAssignment {
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError(field: "set", message: "'\(text)' is not PROPERTY=VALUE")
        }
        let name = try PropertyValues.name(String(text[..<equals]))
        return PropertyAssignment(property: name.value, value: String(text[text.index(after: equals)...]))
    }
}

/// The contacts with the property definitions, read in one snapshot.
public struct ContactListing: Sendable, Equatable {
    public var contacts: [Contact]
    public var properties: [ContactProperty]

    public init(contacts: [Contact], properties: [ContactProperty]) {
        self.contacts = contacts; self.properties = properties
    }
}

/// One row of a contacts CSV: its line, and its cells by column.
public struct ContactRow: Sendable, Equatable {
    public var line: Int
    public var phone: PhoneNumber
    public var name: DisplayName
    public var values: [PropertyAssignment]

    public init(line: Int, phone: PhoneNumber, name: DisplayName, values: [PropertyAssignment]) {
        self.line = line; self.phone = phone; self.name = name; self.values = values
    }
}

/// A contacts import: every row added, or `errors` lists every problem and nothing changed.
public struct ContactImportReport: Sendable, Equatable {
    public var rows: Int
    public var errors: [LineError]
    public var applied: Bool

    public init(rows: Int, errors: [LineError], applied: Bool) {
        self.rows = rows; self.errors = errors; self.applied = applied
    }
}
