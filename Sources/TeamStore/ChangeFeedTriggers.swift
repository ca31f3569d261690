/// The triggers that write the change feed (schema 4). Generated from one
/// list so that every table is covered alike; like any shipped migration the
/// list never changes: a later table adds its triggers in its own migration
/// with ``sql(for:)``.
enum ChangeFeedTriggers {
    /// A table and the feed records a change of one of its rows leaves:
    /// (kind, the column naming the row; NULL is recorded as 0).
    struct Source {
        let table: String
        let records: [(kind: String, column: String)]
    }

    static let schema4: [Source] = [
        Source(table: "workspace", records: [("workspace", "id")]),
        Source(table: "members", records: [("member", "id")]),
        Source(table: "inboxes", records: [("inbox", "id")]),
        Source(table: "assignments", records: [("member", "member_id"), ("inbox", "inbox_id")]),
        Source(table: "groups", records: [("group", "id")]),
        Source(table: "group_grants", records: [("group", "group_id")]),
        Source(table: "group_members", records: [("group", "group_id"), ("member", "member_id")]),
        Source(table: "overrides", records: [("override", "member_id")]),
        Source(table: "role_permissions", records: [("roles", "0")]),
        Source(table: "role_matrix_customised", records: [("roles", "0")]),
        Source(table: "invitations", records: [("invitation", "id")]),
        Source(table: "invitation_inboxes", records: [("invitation", "invitation_id")]),
        Source(table: "outbox", records: [("invitation", "invitation_id")]),
    ]

    /// Contacts and their properties (schema 5).
    static let schema5: [Source] = [
        Source(table: "contacts", records: [("contact", "id")]),
        Source(table: "contact_properties", records: [("contact", "0")]),
        Source(table: "contact_values", records: [("contact", "contact_id")]),
    ]

    static var sql: String { sql(for: schema4) }

    /// Groups on inboxes (schema 7): every member of the group gains or loses
    /// the inbox, so each is recorded (a large group makes the reader reload).
    static let groupInboxes = ["INSERT", "DELETE"].map { event in
        let row = event == "INSERT" ? "NEW" : "OLD"
        return """
            CREATE TRIGGER group_inboxes_fed_\(event.lowercased()) AFTER \(event) ON group_inboxes BEGIN
                INSERT INTO changes (kind, row_id) VALUES ('inbox', \(row).inbox_id);
                INSERT INTO changes (kind, row_id) VALUES ('group', \(row).group_id);
                INSERT INTO changes (kind, row_id) SELECT 'member', member_id FROM group_members WHERE group_id = \(row).group_id;
            END;
            """
    }.joined(separator: "\n")

    /// Messages (schema 6): one record per inbox for a run of its messages,
    /// not one per message: an import of 100,000 would otherwise write as
    /// many records (the reader reloads past 512 anyway).
    static let messages = ["INSERT", "DELETE"].map { event in
        let row = event == "INSERT" ? "NEW" : "OLD"
        return """
            CREATE TRIGGER messages_fed_\(event.lowercased()) AFTER \(event) ON messages
                WHEN (SELECT kind || ':' || row_id FROM changes ORDER BY seq DESC LIMIT 1) IS NOT 'message:' || \(row).inbox_id
                BEGIN INSERT INTO changes (kind, row_id) VALUES ('message', \(row).inbox_id); END;
            """
    }.joined(separator: "\n")

    /// An AFTER INSERT, UPDATE and DELETE trigger per table.
    static func sql(for sources: [Source]) -> String {
        var lines: [String] = []
        for source in sources {
            for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                let inserts = source.records.map { record in
                    let value = record.column == "0" ? "0" : "coalesce(\(row).\(record.column), 0)"
                    return "INSERT INTO changes (kind, row_id) VALUES ('\(record.kind)', \(value));"
                }.joined(separator: " ")
                lines.append("CREATE TRIGGER \(source.table)_fed_\(event.lowercased()) AFTER \(event) ON \(source.table) BEGIN \(inserts) END;")
            }
        }
        return lines.joined(separator: "\n")
    }
}
