import JSONText
import TeamCore

/// Writes a roster as YAML, by hand rather than through an emitter, so the
/// file is the same bytes for the same team: keys in one order, one member
/// per block, short lists on one line (a change is a one-line diff), and
/// empty per-member lists left out.
public enum RosterYAML {
    public static let header = """
        # clerk-team roster: the team as a file. Check what applying it would change first:
        #   clerk-team roster apply FILE --dry-run
        # A list left out is empty; members and invitations not listed are removed only with --prune.

        """

    public static func render(_ roster: Roster) -> String {
        let roster = roster.sorted()
        var out = header + "roster: \(RosterReader.formatVersion)\n"
        out += roster.roles.isEmpty ? "roles: []\n" : "roles:\n"
        for change in roster.roles {
            out += "  - role: \(change.role.rawValue)\n"
            out += "    added: \(list(change.added.sorted().map(\.rawValue)))\n"
            out += "    removed: \(list(change.removed.sorted().map(\.rawValue)))\n"
        }
        out += roster.inboxes.isEmpty ? "inboxes: []\n" : "inboxes:\n"
        for inbox in roster.inboxes {
            out += "  - phone: \(scalar(inbox.phone.value))\n"
            out += "    name: \(scalar(inbox.name))\n"
            out += "    visibility: \(inbox.visibility.rawValue)\n"
        }
        out += roster.groups.isEmpty ? "groups: []\n" : "groups:\n"
        for group in roster.groups {
            out += "  - name: \(scalar(group.name))\n"
            out += "    grants: \(list(group.grants.sorted().map(\.rawValue)))\n"
            if !group.inboxes.isEmpty { out += "    inboxes: \(list(group.inboxes.map(\.value)))\n" }
        }
        out += roster.members.isEmpty ? "members: []\n" : "members:\n"
        for member in roster.members { render(member, into: &out) }
        return out
    }

    private static func render(_ member: Roster.MemberEntry, into out: inout String) {
        out += "  - email: \(scalar(member.email.value))\n"
        if let name = member.name { out += "    name: \(scalar(name))\n" }
        out += "    role: \(member.role.rawValue)\n"
        out += "    status: \(member.status.rawValue)\n"
        let lists: [(String, [String])] = [
            ("inboxes", member.inboxes.map(\.value)), ("groups", member.groups),
            ("grant", member.grants.sorted().map(\.rawValue)), ("revoke", member.revokes.sorted().map(\.rawValue)),
        ]
        for (key, items) in lists where !items.isEmpty { out += "    \(key): \(list(items))\n" }
    }

    /// `[a, b]` with each item written as `scalar` does.
    static func list(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    /// A plain scalar when it can only be read back as the same string (by
    /// any YAML reader, in a block or inside `[…]`); else double-quoted with
    /// JSON's escapes, which YAML's double-quoted style shares. Numbers
    /// (`+1415…`), words YAML 1.1 reads as booleans or null, and anything
    /// with punctuation are quoted.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : JSONText.quote(text)
    }

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, text.last.map({ $0 != " " }) == true,
              !reservedWords.contains(text.lowercased()) else { return false }
        return text.allSatisfy { character in
            character.isLetter || character.isNumber && character.isASCII || extraPlain.contains(character)
        }
    }

    /// Inside a plain scalar these never start a YAML construct (`:` and
    /// `#` do only beside a space, but they are left out all the same).
    private static let extraPlain: Set<Character> = [" ", ".", "-", "_", "@", "'"]

    /// Read as booleans or null by YAML 1.1 readers (PyYAML, libyaml's users).
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]
}
