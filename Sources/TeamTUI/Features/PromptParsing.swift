import TeamCore
import TeamPhone

/// One-line answers that carry more than one value: a new contact
/// (`+14155550123 Ann Lee`), a new inbox (`+14155550123 Support private`),
/// a new property (`Tier choice gold,silver`) and a change of a property's choices (`Tier +bronze -silver`).
enum PromptParsing {
    /// The number first, as people write it (`+1 (415) 555-0140`,
    /// `0044 20 7946 0150`: read by libphonenumber, as on the command line),
    /// then the name: the number is the longest run of leading words that
    /// reads as one, so a number with spaces keeps all its digits.
    static func contact(_ text: String) throws(ValidationError) -> TeamCommand {
        let usage = ValidationError(field: "contact", message: "type the number, a space, then the name: +1 415 555 0123 Ann Lee")
        let (phone, name) = try numberThenName(text.split(whereSeparator: \.isWhitespace).map(String.init), usage)
        return .addContact(phone: phone, name: try DisplayName(name), values: [])
    }

    /// A new inbox: the number as for a contact, the name, and `public`
    /// (the default, as on the command line) or `private` as the last word.
    static func inbox(_ text: String) throws(ValidationError) -> TeamCommand {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let usage = ValidationError(field: "inbox",
            message: "type the number, the name, then public or private: +1 415 555 0123 Support public")
        // Read as the command line reads it (shared and individual too).
        let named = words.last.flatMap { try? InboxVisibility.parse($0) }
        if named != nil { words.removeLast() }
        let (phone, name) = try numberThenName(words, usage)
        return .addInbox(phone: phone, name: try DisplayName(name), visibility: named ?? .public)
    }

    /// The longest run of leading words that reads as a number, and the rest
    /// joined as the name; `usage` when there is no name or nothing reads as one.
    private static func numberThenName(_ words: [String], _ usage: ValidationError) throws(ValidationError) -> (PhoneNumber, String) {
        guard words.count > 1 else { throw usage }
        for count in stride(from: words.count - 1, through: 1, by: -1) {
            guard let phone = try? PhoneNumbers.parse(words[..<count].joined(separator: " ")) else { continue }
            return (phone, words[count...].joined(separator: " "))
        }
        // No number: say why about what looks like one (the leading words of digits and punctuation).
        let numberish = words.prefix { word in word.allSatisfy { "+0123456789()-./".contains($0) } }
        _ = try PhoneNumbers.parse(numberish.isEmpty ? words[0] : numberish.joined(separator: " "))
        throw usage
    }

    /// The name (it may have spaces), a type, and for a choice its choices separated by commas.
    static func property(_ text: String) throws(ValidationError) -> TeamCommand {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        // The type is the last word, or `choice` followed by its choices (which may have spaces after commas).
        let typeAt = words.indices.first { index in
            guard index > 0, let type = PropertyType(rawValue: words[index].lowercased()) else { return false }
            return type == .choice || index == words.count - 1
        }
        guard let typeAt, let type = PropertyType(rawValue: words[typeAt].lowercased()) else {
            throw ValidationError(field: "property",
                message: "type the name, then text, number, date or choice (with its choices): Tier choice gold,silver")
        }
        let name = try PropertyValues.name(words[..<typeAt].joined(separator: " "))
        let rest = words[(typeAt + 1)...].joined()
        if type != .choice, !rest.isEmpty {
            throw ValidationError(field: "property", message: "only a choice property has choices")
        }
        let choices = type == .choice ? try PropertyValues.choices(rest.split(separator: ",").map(String.init)) : []
        return .addProperty(name: name, type: type, choices: choices)
    }

    /// The property's name (it may have spaces), then words starting with `+`
    /// (a choice to add) or `-` (one to remove); an unsigned word after one
    /// belongs to it, so a choice may have spaces too (`+Gold plus`).
    static func propertyChoices(_ text: String) throws(ValidationError) -> TeamCommand {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let signed = { (word: String) in word.first == "+" || word.first == "-" }
        guard let first = words.firstIndex(where: signed), first > 0 else {
            throw ValidationError(field: "choices", message: "type the property's name, then +NEW and -OLD choices: Tier +bronze -silver")
        }
        let name = try PropertyValues.name(words[..<first].joined(separator: " "))
        var items: [(sign: Character, words: [String])] = []
        for word in words[first...] {
            if let sign = word.first, signed(word) {
                items.append((sign, [String(word.dropFirst())]))
            } else {
                items[items.count - 1].words.append(word)
            }
        }
        let choices = { (sign: Character) in
            items.filter { $0.sign == sign }.map { $0.words.joined(separator: " ") }
        }
        let edits = try PropertyValues.choiceEdits(add: choices("+"), remove: choices("-"))
        return .setPropertyChoices(name: name, add: edits.add, remove: edits.remove)
    }
}
