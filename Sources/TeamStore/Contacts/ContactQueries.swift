import TeamCore
import TeamPhone

/// Reading contacts: every active member may (`Guard` `.viewContacts`).
extension SQLiteWorkspace {
    public func contactListing() throws -> ContactListing {
        try reading {
            try check(.viewContacts, try resolveOperator())
            var values: [Int64: [ContactValue]] = [:]
            // One pass over the values, in property order, instead of a query per contact.
            try db.query("""
                SELECT v.contact_id, p.name, v.value FROM contact_values v JOIN contact_properties p ON p.id = v.property_id
                ORDER BY p.name_key
                """) { row in values[row.int(0), default: []].append(ContactValue(property: row.text(1), value: row.text(2))) }
            let contacts = try db.all("SELECT \(Self.contactColumns) FROM contacts ORDER BY sort_name, id") { row in
                let phone = PhoneNumber(stored: row.text(2))
                return Contact(id: row.int(0), name: row.text(1), phone: phone, values: values[row.int(0)] ?? [],
                               version: row.int(3), formatted: PhoneNumbers.display(phone))
            }
            return ContactListing(contacts: contacts, properties: try properties())
        }
    }

    public func contact(_ phone: PhoneNumber) throws -> Contact {
        try reading {
            try check(.viewContacts, try resolveOperator())
            return try requireContact(phone)
        }
    }
}
