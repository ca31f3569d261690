/// Changing a choice property's choices after it was added (`+bronze -silver`).
/// Pure: the edge checks what was typed, the store checks it again against
/// the property as it is inside the write (and counts the contacts that hold
/// a choice to be removed, which only it can see).
extension PropertyValues {
    /// The choices to add and to remove, as typed: each checked as at `add`
    /// (a short name, trimmed, NFC), none given twice or both added and
    /// removed (ignoring case), and at least one of either.
    public static func choiceEdits(add: [String], remove: [String]) throws(ValidationError) -> (add: [String], remove: [String]) {
        var seen: [String: String] = [:]
        func checked(_ items: [String], _ sign: String) throws(ValidationError) -> [String] {
            var out: [String] = []
            for item in items {
                let choice = try DisplayName(item, field: "choice").value
                if let earlier = seen[choice.lowercased()] {
                    let message = earlier == sign ? "'\(choice)' is given twice"
                        : "'\(choice)' is both added and removed; give it once"
                    throw ValidationError(field: "choices", message: message)
                }
                seen[choice.lowercased()] = sign
                out.append(choice)
            }
            return out
        }
        let added = try checked(add, "+"), removed = try checked(remove, "-")
        guard !added.isEmpty || !removed.isEmpty else {
            throw ValidationError(field: "choices", message: "name a choice to add or to remove, e.g. --add bronze --remove silver")
        }
        return (added, removed)
    }

    /// The property's choices after the change: the kept ones in their order,
    /// then the added ones; or why it cannot be: the property is not a choice
    /// property (its type is said), a choice to add is already one, a choice
    /// to remove is not one, none would be left, or more than ``maxChoices``.
    /// Removing matches ignoring case and takes the stored spelling.
    public static func changedChoices(of property: ContactProperty, add: [String],
                                      remove: [String]) throws(ValidationError) -> [String] {
        guard property.type == .choice else {
            throw ValidationError(field: "property",
                message: "\(property.name) is a \(property.type.rawValue) property; only a choice property has choices")
        }
        let edits = try choiceEdits(add: add, remove: remove)
        let stored = Set(property.choices.map { $0.lowercased() })
        if let existing = edits.add.first(where: { stored.contains($0.lowercased()) }) {
            throw ValidationError(field: "choices", message: "'\(existing)' is already a choice of \(property.name)")
        }
        if let absent = edits.remove.first(where: { !stored.contains($0.lowercased()) }) {
            throw ValidationError(field: "choices",
                message: "'\(absent)' is not a choice of \(property.name): \(property.choices.joined(separator: ", "))")
        }
        let removing = Set(edits.remove.map { $0.lowercased() })
        let result = property.choices.filter { !removing.contains($0.lowercased()) } + edits.add
        if result.isEmpty {
            throw ValidationError(field: "choices", message: "\(property.name) must keep at least one choice")
        }
        if result.count > maxChoices {
            throw ValidationError(field: "choices",
                message: "\(property.name) would have \(result.count) choices; a choice property has at most \(maxChoices)")
        }
        return result
    }
}
