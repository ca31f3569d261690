import ArgumentParser
import JSONText
import TeamCore
import TeamImport
import TeamPhone
import TermText

/// `contacts …`: the people the workspace texts, with custom property values.
struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "List, show and change the workspace's contacts (named by their number).",
        discussion: """
            Every active member may list and show contacts; adding, editing, removing and importing \
            them needs update-contact. Values are checked against their property's type \
            (see clerk-team properties).
            """,
        subcommands: [List.self, Show.self, Add.self, Edit.self, Remove.self, Import.self],
        defaultSubcommand: List.self)

    static func assignments(_ sets: [String], unsets: [String] = []) throws -> [PropertyAssignment] {
        var assignments: [PropertyAssignment] = []
        do {
            for text in sets { assignments.append(try PropertyAssignment.parse(text)) }
            for name in unsets { assignments.append(PropertyAssignment(property: try PropertyValues.name(name).value, value: nil)) }
        } catch { throw TeamError.invalid(error) }
        return assignments
    }

    /// "Tier: gold, Renewal: 2027-01-31".
    static func values(_ contact: Contact) -> String {
        contact.values.isEmpty ? "" : contact.values.map { "\($0.property): \($0.value)" }.joined(separator: ", ")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contacts by name, with their property values.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only contacts whose name, number or a value contains this text (case does not matter).",
                                   valueName: "text"))
        var filter: String?
        @Flag(help: "Print JSON: [{\"phone\", \"name\", \"values\": {PROPERTY: VALUE}, \"version\"}].") var json = false

        func run() throws {
            var contacts = try global.openWorkspaceForReading().contactListing().contacts
            if let filter { contacts = contacts.filter { ContactSearch.matches($0, filter) } }
            if json { return JSONViews.printArray(contacts, ContactJSON.contact) }
            Console.table(["PHONE", "NAME", "VALUES"], contacts.map {
                [PhoneNumbers.display($0.phone), $0.name, ContactsCommand.values($0)]
            })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one contact with every property value.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contact's number.", completion: Complete.contacts) var phone: String
        @Flag(help: "Print JSON: {\"phone\", \"name\", \"values\": {PROPERTY: VALUE}, \"version\"}.") var json = false

        func run() throws {
            let contact = try global.openWorkspaceForReading().contact(try Parse.phone(phone))
            if json { return Console.raw(ContactJSON.contact(contact).rendered() + "\n") }
            Console.pairs([("name", contact.name), ("phone", PhoneNumbers.display(contact.phone))]
                          + contact.values.map { ($0.property, $0.value) })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a contact: contacts add \"+44 20 7946 0123\" --name \"Siobhán Ní Bhriain\" --set Tier=gold")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The number, as people write it or in E.164.") var phone: String
        @Option(help: "The contact's name.") var name: String
        @Option(name: .customLong("set"), help: ArgumentHelp("A property's value (repeatable).", valueName: "property=value"))
        var sets: [String] = []

        func run() throws {
            try perform(global, output, .addContact(phone: try Parse.phone(phone), name: try Parse.name(name),
                                                    values: try ContactsCommand.assignments(sets)))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a contact's name, number or property values.",
            usage: "clerk-team contacts edit <phone> [--name <name>] [--phone <new>] [--set <property=value>]… [--unset <property>]…")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The contact's number.", completion: Complete.contacts) var phone: String
        @Option(help: "A new name.") var name: String?
        @Option(name: .customLong("phone"), help: ArgumentHelp("A new number.", valueName: "new")) var newPhone: String?
        @Option(name: .customLong("set"), help: ArgumentHelp("A property's value (repeatable).", valueName: "property=value"))
        var sets: [String] = []
        @Option(name: .customLong("unset"), help: ArgumentHelp("Remove a property's value (repeatable).", valueName: "property"),
                completion: Complete.properties)
        var unsets: [String] = []

        func validate() throws {
            if name == nil, newPhone == nil, sets.isEmpty, unsets.isEmpty {
                throw ArgumentParser.ValidationError("nothing to change: give --name, --phone, --set or --unset")
            }
        }

        func run() throws {
            try perform(global, output, .editContact(
                phone: try Parse.phone(phone), name: try name.map { try Parse.name($0) },
                newPhone: try newPhone.map(Parse.phone), values: try ContactsCommand.assignments(sets, unsets: unsets),
                expectedVersion: expect.expectVersion))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a contact with its values.",
            discussion: "On a terminal you are asked to type the number to confirm; elsewhere --yes is needed.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The contact's number.", completion: Complete.contacts) var phone: String
        @Flag(help: "Do not ask for confirmation (needed when not on a terminal).") var yes = false

        func run() throws {
            let number = try Parse.phone(phone)
            try confirmThenPerform(global, output, .removeContact(phone: number, expectedVersion: expect.expectVersion),
                                   typing: PhoneNumbers.display(number), what: "remove contact \(PhoneNumbers.display(number))", skip: yes)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add every contact listed in a CSV file (columns phone, name, then properties), all or nothing.",
            discussion: """
                The first row names the columns: phone, name, and any contact properties (an empty cell \
                means no value). Every problem is reported with its line; if there is any, nothing is added. \
                Numbers already contacts, or listed twice, are problems too.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.", completion: .file(extensions: ["csv"])) var file: String
        @Flag(help: "Check everything and print what would be done; change nothing.") var dryRun = false
        @Flag(help: "Print JSON: {\"changed\", \"dry_run\", \"contacts\", \"problems\": [{line, message}]}.") var json = false

        func run() throws {
            let parsed = try ContactCSV.parse(contentsOf: file)
            let workspace = try global.openWorkspace()
            // With errors in the file, still check the good rows against the workspace so all problems show at once.
            let report = try workspace.importContacts(parsed.rows, dryRun: dryRun || !parsed.errors.isEmpty)
            let errors = (parsed.errors + report.errors).sorted()
            if json {
                Console.raw(JSONText.Value.object([
                    ("changed", .bool(report.applied)), ("dry_run", .bool(dryRun)),
                    ("contacts", .int(Int64(parsed.rows.count))),
                    ("problems", .array(errors.map { .object([("line", .int(Int64($0.line))), ("message", .string($0.message))]) })),
                ]).rendered() + "\n")
                if !errors.isEmpty { throw Refused() }
                return
            }
            guard errors.isEmpty else {
                Console.error("\(file): \(counted(errors.count, "problem")); no contact was added:\n"
                              + errors.map { "  " + TerminalText.sanitize($0.description) }.joined(separator: "\n"))
                throw Refused()
            }
            Console.line(report.applied ? "added \(counted(parsed.rows.count, "contact"))"
                                        : "dry run: would add \(counted(parsed.rows.count, "contact")); nothing changed")
        }
    }
}
