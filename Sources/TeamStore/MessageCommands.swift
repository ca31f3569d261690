import JSONText
import TeamCore

/// Deleting messages: `delete-messages` and the inbox visible. The audit
/// event says where and how many, never what the text was; the file
/// overwrites the deleted rows (`secure_delete`) and the WAL is checkpointed after.
extension SQLiteWorkspace {
    func planMessages(_ command: TeamCommand, _ op: OperatorContext) throws -> Plan {
        switch command {
        case .deleteMessage(let id):
            try check(.readWorkspace, op)
            // A message in a hidden inbox is "no such message", like one that never was: its inbox is not named.
            let found = try db.first("""
                SELECT m.contact, m.direction, m.at, \(RowMapping.inboxColumns.split(separator: ",").map { "i." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                FROM messages m JOIN inboxes i ON i.id = m.inbox_id WHERE m.id = ?
                """, [id]) { row in (row.text(0), row.text(1), row.int(2), try RowMapping.inbox(row, offset: 3)) }
            guard let found, Guard.canSee(Self.facts(found.3), actor: op.facts) else {
                throw TeamError.notFound("no message #\(id) in this workspace")
            }
            let inbox = found.3
            return Plan(action: .deleteMessages(Self.facts(inbox))) {
                try self.db.run("DELETE FROM messages WHERE id = ?", [id])
                try self.appendAudit(op, action: "message.delete", target: inbox.phone.value,
                                     before: [("id", .int(id)), ("inbox", .string(inbox.phone.value)),
                                              ("contact", .string(found.0)), ("direction", .string(found.1)),
                                              ("at", .string(Timestamp(seconds: found.2).iso8601)), ("count", .int(1))])
                return CommandOutcome(message: "deleted message #\(id) of the thread with \(found.0) in inbox \(inbox.phone)",
                                      changed: true)
            }
        case .deleteThread(let phone, let contact):
            let inbox = try requireVisibleInbox(phone, for: op)
            return Plan(action: .deleteMessages(Self.facts(inbox))) {
                let count = try self.db.scalarInt("SELECT count(*) FROM messages WHERE inbox_id = ? AND contact = ?",
                                                  [inbox.id, contact.value])
                guard count > 0 else {
                    throw TeamError.notFound("no thread with \(contact) in inbox \(phone)")
                }
                try self.db.run("DELETE FROM messages WHERE inbox_id = ? AND contact = ?", [inbox.id, contact.value])
                try self.appendAudit(op, action: "thread.delete", target: inbox.phone.value,
                                     before: [("inbox", .string(inbox.phone.value)), ("contact", .string(contact.value)),
                                              ("count", .int(count))])
                return CommandOutcome(message: "deleted the thread with \(contact) in inbox \(phone) (\(counted(Int(count), "message")))",
                                      changed: true)
            }
        default:
            throw TeamError.storage("not a message command")
        }
    }

    /// After a delete: the WAL still holds the pages as they were before it,
    /// text included, until a checkpoint copies the new ones into the file and
    /// the log is cut. Best effort: another operator's open read keeps the log
    /// (SQLite then checkpoints what it can; the rest goes at a later checkpoint).
    func checkpointAfterDelete() {
        _ = try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
