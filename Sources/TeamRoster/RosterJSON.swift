import JSONText
import TeamCore

/// Writes a roster as JSON with the keys of the YAML form: one entry per
/// line (a diff names the member that changed), every key always present,
/// `name` null for an invitation. `roster apply` reads it like YAML.
public enum RosterJSON {
    public static func render(_ roster: Roster) -> String {
        let roster = roster.sorted()
        var out = "{\n  \"roster\": \(RosterReader.formatVersion),\n"
        section("roles", roster.roles.map { change in
            .object([("role", .string(change.role.rawValue)), ("added", permissions(change.added)),
                     ("removed", permissions(change.removed))])
        }, into: &out)
        section("inboxes", roster.inboxes.map { inbox in
            .object([("phone", .string(inbox.phone.value)), ("name", .string(inbox.name)),
                     ("visibility", .string(inbox.visibility.rawValue))])
        }, into: &out)
        section("groups", roster.groups.map { group in
            // `inboxes` only when the group is on some, so files without them read as before.
            .object([("name", .string(group.name)), ("grants", permissions(group.grants))]
                    + (group.inboxes.isEmpty ? [] : [("inboxes", .array(group.inboxes.map { .string($0.value) }))]))
        }, into: &out)
        section("members", roster.members.map { member in
            .object([("email", .string(member.email.value)), ("name", JSONText.Value(member.name)),
                     ("role", .string(member.role.rawValue)), ("status", .string(member.status.rawValue)),
                     ("inboxes", .array(member.inboxes.map { .string($0.value) })),
                     ("groups", .array(member.groups.map { .string($0) })),
                     ("grant", permissions(member.grants)), ("revoke", permissions(member.revokes))])
        }, last: true, into: &out)
        return out + "}\n"
    }

    private static func permissions(_ set: Set<Permission>) -> JSONText.Value {
        .array(set.sorted().map { .string($0.rawValue) })
    }

    private static func section(_ key: String, _ items: [JSONText.Value], last: Bool = false, into out: inout String) {
        out += "  \(JSONText.quote(key)): ["
        for (index, item) in items.enumerated() {
            out += index == 0 ? "\n    " : ",\n    "
            item.render(into: &out)
        }
        out += items.isEmpty ? "]" : "\n  ]"
        out += last ? "\n" : ",\n"
    }
}
