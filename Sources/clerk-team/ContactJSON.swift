import JSONText
import TeamCore

/// The `--json` shapes of billing, contacts and contact properties. Keys in this order, always.
enum ContactJSON {
    static func billing(_ billing: BillingSummary) -> JSONText.Value {
        .object([
            ("plan", JSONText.Value(billing.plan)),
            ("seat_limit", billing.seats.limit.map { .int(Int64($0)) } ?? .null),
            ("active_members", .int(Int64(billing.seats.active))),
            ("pending_invitations", .int(Int64(billing.seats.pending))),
            ("contact", JSONText.Value(billing.contact?.value)),
            ("version", .int(billing.version)),
        ])
    }

    static func contact(_ contact: Contact) -> JSONText.Value {
        .object([
            ("phone", .string(contact.phone.value)),
            ("name", .string(contact.name)),
            ("values", .object(contact.values.map { ($0.property, .string($0.value)) })),
            ("version", .int(contact.version)),
        ])
    }

    static func property(_ property: ContactProperty) -> JSONText.Value {
        .object([
            ("name", .string(property.name)),
            ("type", .string(property.type.rawValue)),
            ("choices", .array(property.choices.map { .string($0) })),
            ("version", .int(property.version)),
        ])
    }
}
