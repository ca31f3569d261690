import TeamCore
import TermText
import TermUI

/// The contacts and their property definitions, as read, and the filter.
public struct ContactsState: Equatable {
    /// nil until read.
    public var listing: ContactListing?
    /// The filter as typed (`/`): words found in the name, number or values.
    public var filter = ""
    /// The filter when `/` was pressed: Esc puts it back (typing narrows as it goes).
    public var filterBeforeEdit = ""
    /// Indices into `listing.contacts` that the filter keeps, in list order.
    public var shown: [Int] = []
    public var list = ListState()

    public init() {}

    public var selected: Contact? {
        guard let listing, shown.indices.contains(list.selection),
              listing.contacts.indices.contains(shown[list.selection]) else { return nil }
        return listing.contacts[shown[list.selection]]
    }

    /// A new listing read: the filter applies again and the selected contact stays selected if it still shows.
    mutating func load(_ new: ContactListing) {
        let keep = selected?.id
        listing = new
        applyFilter(keep: keep)
    }

    /// Recomputes which contacts the filter keeps, keeping `keep` (else the selected one) if it still shows.
    mutating func applyFilter(keep wanted: Int64? = nil) {
        let keep = wanted ?? selected?.id
        let contacts = listing?.contacts ?? []
        shown = contacts.indices.filter { ContactSearch.matches(contacts[$0], filter) }
        list.selection = shown.firstIndex { contacts[$0].id == keep } ?? 0
    }
}

/// The contacts view: every contact with name, number and property values;
/// `/` filters. Any active member sees it; adding and removing contacts
/// needs `update-contact`, adding a property or changing its choices
/// `update-property`, as the guard says.
enum ContactsScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.contactFilter, keys: [k("/")], scopes: [.contactList], label: "filter",
                   help: "Filter contacts: words found in the name, number or property values", priority: 1) { state, _ in
            state.modal = .prompt(Prompt(purpose: .contactFilter, text: state.contacts.filter))
            state.contacts.filterBeforeEdit = state.contacts.filter
            return []
        },
        ActionSpec(.contactAdd, keys: [k("n")], scopes: [.contactList], label: "new contact",
                   help: "Add a contact: its number (E.164) and name", priority: 2,
                   availability: { Ask.availability(.updateContact, $0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .addContact))
            return []
        },
        ActionSpec(.contactRemove, keys: [k("x")], scopes: [.contactList], label: "remove",
                   help: "Remove the selected contact with its values (asks y/N)", priority: 4,
                   availability: { removeAvailability($0) }) { state, _ in
            guard let contact = state.contacts.selected else { return [] }
            state.modal = .confirm(Confirmation(
                title: "Remove contact \(TerminalText.sanitize(contact.name))?",
                lines: ["\(contact.displayPhone) and its \(counted(contact.values.count, "property value")) are removed."],
                answer: .yesNo, command: .removeContact(phone: contact.phone, expectedVersion: contact.version),
                cancelled: "remove cancelled; nothing changed"))
            return []
        },
        ActionSpec(.propertyAdd, keys: [k("P")], scopes: [.contactList], label: "new property",
                   help: "Add a contact property: NAME TYPE [CHOICES], e.g. Tier choice gold,silver", priority: 3,
                   availability: { Ask.availability(.updateProperty, $0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .addProperty))
            return []
        },
        ActionSpec(.propertyChoices, keys: [k("C")], scopes: [.contactList], label: "choices",
                   help: "Add and remove a choice property's choices: NAME +NEW -OLD, e.g. Tier +bronze -silver", priority: 4,
                   availability: { Ask.availability(.updateProperty, $0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .propertyChoices))
            return []
        },
    ]

    /// Removing needs `update-contact` and a selected contact.
    static func removeAvailability(_ state: AppState) -> Availability {
        let permitted = Ask.availability(.updateContact, state)
        guard permitted.isEnabled else { return permitted }
        return state.contacts.selected == nil ? .disabled(reason: "no contact selected") : .enabled
    }

    /// The values of a contact in one cell: "Tier: gold · Renewal: 2027-01-31".
    static func values(_ contact: Contact, _ glyphs: Glyphs) -> String {
        contact.values.map { "\($0.property): \($0.value)" }.joined(separator: glyphs.isUnicode ? " \(glyphs.dot) " : "; ")
    }

    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let contacts = state.contacts
        let total = contacts.listing?.contacts.count ?? 0
        let title = contacts.filter.isEmpty ? "Contacts (\(total))"
            : "Contacts matching '\(TerminalText.sanitize(contacts.filter))' (\(contacts.shown.count) of \(total))"
        let inner = Panel(title: title, focused: true).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1, let listing = contacts.listing else { return }
        let numberWidth = 17
        let flexible = max(0, inner.width - numberWidth - 2)
        let nameWidth = flexible * 4 / 10
        let table = Table(columns: [Column("NAME", nameWidth), Column("NUMBER", numberWidth),
                                    Column("VALUES", flexible - nameWidth)])
        table.draw(&grid, inner, glyphs: state.glyphs, count: contacts.shown.count, list: contacts.list) { index in
            let contact = listing.contacts[contacts.shown[index]]
            // Names and values come from imports: sanitised before they reach the grid.
            return TableRow([TerminalText.sanitize(contact.name), contact.displayPhone,
                             TerminalText.sanitize(values(contact, state.glyphs))],
                            style: Style(index == contacts.list.selection ? .selection : .normal))
        }
        if contacts.shown.isEmpty {
            let note = total == 0 ? "no contacts yet" : "no contact matches; / changes the filter"
            grid.put(note, x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
        }
    }

    static func drawDetail(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let contact = state.contacts.selected
        let inner = Panel(title: contact.map { "Contact \($0.displayPhone)" } ?? "Contact", focused: false)
            .draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        var lines: [(String, Style)] = []
        if let contact {
            lines.append((TerminalText.sanitize(contact.name), Style(.accent, bold: true)))
            for property in state.contacts.listing?.properties ?? [] {
                let value = contact.value(of: property.name).map(TerminalText.sanitize) ?? "-"
                lines.append(("  \(TerminalText.sanitize(property.name)): \(value)", .normal))
            }
        }
        lines.append(("Properties", Style(.accent, bold: true)))
        let properties = state.contacts.listing?.properties ?? []
        lines += properties.isEmpty ? [("  (none)", Style(.muted))]
            : properties.map { ("  \(TerminalText.sanitize($0.name)): \(TerminalText.sanitize($0.typeLabel))", Style.normal) }
        for (row, line) in lines.prefix(inner.height).enumerated() {
            grid.putCell(line.0, x: inner.x, y: inner.y + row, width: inner.width, style: line.1, glyphs: state.glyphs)
        }
    }
}
