import ArgumentParser
import TeamCore

/// `properties …`: the custom properties contacts have values of.
struct PropertiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "properties",
        abstract: "List and change contact properties: name, type (text, number, date, choice) and choices.",
        discussion: "Every active member may list them; adding, renaming, changing choices and removing them needs update-property.",
        subcommands: [List.self, Add.self, Rename.self, Choices.self, Remove.self],
        defaultSubcommand: List.self)

    static func name(_ text: String) throws -> DisplayName {
        do { return try PropertyValues.name(text) } catch { throw TeamError.invalid(error) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contact properties by name.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON: [{\"name\", \"type\", \"choices\", \"version\"}].") var json = false

        func run() throws {
            let properties = try global.openWorkspaceForReading().contactListing().properties
            if json { return JSONViews.printArray(properties, ContactJSON.property) }
            Console.table(["PROPERTY", "TYPE"], properties.map { [$0.name, $0.typeLabel] })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a property: properties add Tier --type choice --choices gold,silver,bronze")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The property's name.") var name: String
        @Option(help: ArgumentHelp("text, number, date (YYYY-MM-DD) or choice.", valueName: "type"),
                completion: Complete.propertyTypes)
        var type: String
        @Option(help: ArgumentHelp("The choices of a choice property, separated by commas.", valueName: "a,b"))
        var choices: String?

        func run() throws {
            let kind: PropertyType
            do { kind = try PropertyType.parse(type) } catch { throw TeamError.invalid(error) }
            let list = choices.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
            try perform(global, output, .addProperty(name: try PropertiesCommand.name(name), type: kind, choices: list))
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a property (its values stay).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The property's name (case does not matter).", completion: Complete.properties) var name: String
        @Argument(help: "The new name.") var newName: String

        func run() throws {
            try perform(global, output, .renameProperty(name: try PropertiesCommand.name(name), to: try PropertiesCommand.name(newName),
                                                        expectedVersion: expect.expectVersion))
        }
    }

    struct Choices: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add and remove choices of a choice property: properties choices Tier --add bronze --remove silver",
            discussion: "A choice that contacts still hold is not removed (change their values first); one choice at least stays.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The property's name.", completion: Complete.properties) var name: String
        @Option(help: ArgumentHelp("Choices to add, separated by commas.", valueName: "a,b")) var add: String?
        @Option(help: ArgumentHelp("Choices to remove, separated by commas.", valueName: "a,b"), completion: Complete.choices)
        var remove: String?

        func validate() throws {
            if add == nil, remove == nil { throw ArgumentParser.ValidationError("give at least one of --add, --remove") }
        }

        func run() throws {
            let split = { (text: String?) in text.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? [] }
            let edits: (add: [String], remove: [String])
            do { edits = try PropertyValues.choiceEdits(add: split(add), remove: split(remove)) } catch { throw TeamError.invalid(error) }
            try perform(global, output, .setPropertyChoices(name: try PropertiesCommand.name(name), add: edits.add, remove: edits.remove,
                                                            expectedVersion: expect.expectVersion))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a property and every contact's value of it.",
            discussion: "On a terminal you are asked to type the name to confirm; elsewhere --yes is needed.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The property's name.", completion: Complete.properties) var name: String
        @Flag(help: "Do not ask for confirmation (needed when not on a terminal).") var yes = false

        func run() throws {
            let property = try PropertiesCommand.name(name)
            try confirmThenPerform(global, output, .removeProperty(name: property, expectedVersion: expect.expectVersion),
                                   typing: property.value, what: "remove property \(property) and its values", skip: yes)
        }
    }
}
