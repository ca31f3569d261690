/// The whole key table as a reference, for `clerk-team keys`, the README
/// and the manual: every entry, whatever the operator's role (the help
/// window is the per-operator view of the same table).
public enum KeyReference {
    /// Sections in the order a reader meets them.
    static let order: [Scope] = [.memberList, .inboxPane, .inboxList, .threadList, .threadView, .invitationList, .groupList, .roleMatrix, .auditList,
                                 .billingView, .contactList, .reviewList, .filter, .anywhere, .always,
                                 .memberWindow, .roleWindow, .confirmWindow, .typedConfirmWindow,
                                 .inviteWindow, .inviteEmail, .inviteRole, .inviteInboxes, .promptWindow, .grantsWindow, .paletteWindow, .helpWindow, .messageWindow, .whoWindow, .noAccess]

    /// (section title, [(keys, what they do)]), movement first.
    public static func sections() -> [(title: String, entries: [(keys: [KeyPattern], help: String)])] {
        let moving = Keymap.all.filter { $0.scopes == ListKeys.lists }
        var result = [(title: "Moving in lists", entries: moving.map { (keys: $0.keys, help: $0.help) })]
        for scope in order {
            let specs = Keymap.all.filter { $0.scopes.contains(scope) && $0.scopes != ListKeys.lists }
            guard !specs.isEmpty else { continue }
            result.append((title: scope.title, entries: specs.map { (keys: $0.keys, help: $0.help) }))
        }
        return result
    }

    /// Plain text: a heading per section, then keys and what they do.
    public static func text() -> String {
        var out = ""
        for (index, section) in sections().enumerated() {
            if index > 0 { out += "\n" }
            out += section.title + "\n"
            for entry in section.entries {
                let keys = entry.keys.map(\.label).joined(separator: " ")
                out += "  " + keys.padding(toLength: max(18, keys.count + 2), withPad: " ", startingAt: 0) + entry.help + "\n"
            }
        }
        return out
    }

    /// One Markdown table; the section is named on its first row.
    public static func markdown() -> String {
        var out = "| where | keys | action |\n|---|---|---|\n"
        for section in sections() {
            for (index, entry) in section.entries.enumerated() {
                let keys = entry.keys.map { pattern in
                    pattern == .text ? "(typing)" : "`" + pattern.label.replacingOccurrences(of: "|", with: "\\|") + "`"
                }.joined(separator: " ")
                out += "| \(index == 0 ? section.title : "") | \(keys) | \(entry.help.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        return out
    }

    /// A roff fragment for the manual page: `.SS` per section, `.TP` per entry.
    public static func roff() -> String {
        func escaped(_ text: String) -> String {
            // A leading dot or quote would start a request; backslashes are escapes.
            let body = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
        }
        var out = ""
        for section in sections() {
            out += ".SS \(escaped(section.title))\n"
            for entry in section.entries {
                let keys = entry.keys.map { $0 == .text ? "(typing)" : $0.label }.joined(separator: " ")
                out += ".TP\n.B \(escaped(keys))\n\(escaped(entry.help))\n"
            }
        }
        return out
    }
}
