import JSONText
import TeamCore

/// The documented `--json` shapes. Keys appear in this order, always.
enum JSONViews {
    /// The keys every member object starts with, in order.
    static func memberHead(_ member: Member, inboxes: [PhoneNumber]) -> [(String, JSONText.Value)] {
        [("email", .string(member.email.value)),
         ("name", .string(member.name)),
         ("role", .string(member.role.rawValue)),
         ("status", .string(member.status.rawValue)),
         ("login", JSONText.Value(member.login)),
         ("inboxes", .array(inboxes.map { .string($0.value) }))]
    }

    static func member(_ summary: MemberSummary) -> JSONText.Value {
        .object(memberHead(summary.member, inboxes: summary.inboxes) + [("version", .int(summary.member.version))])
    }

    static func memberDetail(_ detail: MemberDetail) -> JSONText.Value {
        let member = detail.member
        return .object(memberHead(member, inboxes: detail.inboxes.map(\.phone)) + [
            // How they work in each inbox: directly, through which groups, or both.
            ("inbox_access", .array(detail.inboxes.map { inbox in
                let access = detail.access[inbox.phone] ?? InboxAccess(direct: true, groups: [])
                return .object([("phone", .string(inbox.phone.value)), ("direct", .bool(access.direct)),
                                ("groups", .array(access.groups.map { .string($0) }))])
            })),
            ("permissions", .array(detail.permissions.sorted().map { .string($0.rawValue) })),
            ("groups", .array(detail.groups.map { .string($0) })),
            ("overrides", .array(detail.overrides.map {
                .object([("permission", .string($0.permission.rawValue)), ("effect", .string($0.effect.rawValue))])
            })),
            ("version", .int(member.version)),
        ])
    }

    static func inbox(_ summary: InboxSummary) -> JSONText.Value {
        .object([
            ("phone", .string(summary.inbox.phone.value)),
            ("name", .string(summary.inbox.name)),
            ("visibility", .string(summary.inbox.visibility.rawValue)),
            ("members", .array(summary.members.map { .string($0.value) })),
            ("direct", .array(summary.direct.map { .string($0.value) })),
            ("groups", .array(summary.groups.map { .string($0) })),
            ("version", .int(summary.inbox.version)),
        ] + (summary.threads.map { [("threads", JSONText.Value.int(Int64($0)))] } ?? []))
    }

    static func audit(_ event: AuditEvent) -> JSONText.Value {
        .object([
            ("id", .int(event.id)),
            ("at", .string(event.at.iso8601)),
            ("actor", JSONText.Value(event.actor)),
            ("login", .string(event.osLogin)),
            ("via_as", .bool(event.viaAs)),
            ("interface", .string(event.interface.rawValue)),
            ("action", .string(event.action)),
            ("target", .string(event.target)),
            ("before", JSONText.Value(event.before)),
            ("after", JSONText.Value(event.after)),
        ])
    }

    /// Writes a large array one element at a time, so 100k members do not
    /// build one giant string.
    static func printArray<T>(_ items: [T], _ render: (T) -> JSONText.Value) {
        var chunk = "["
        for (index, item) in items.enumerated() {
            if index > 0 { chunk += "," }
            chunk += "\n"
            render(item).render(into: &chunk)
            if chunk.utf8.count > 64 * 1024 {
                Console.raw(chunk)
                chunk = ""
            }
        }
        chunk += items.isEmpty ? "]\n" : "\n]\n"
        Console.raw(chunk)
    }
}
