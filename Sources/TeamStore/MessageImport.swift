import JSONText
import TeamCore

/// `messages import`: every row checked against the workspace (inbox exists
/// and may be written by the operator, `by` is a member), then all stored in
/// one transaction with one audit event, or nothing at all. A message stored
/// already is left out, so importing the same export twice adds nothing.
extension SQLiteWorkspace {
    public func importMessages(_ rows: [MessageRow], dryRun: Bool) throws -> MessageImportReport {
        var actor: OperatorContext?
        var refusal: Refusal?
        let report = try dryRun
            ? reading { try importingMessages(rows, dryRun: true, &actor, &refusal) }
            : writing { try importingMessages(rows, dryRun: false, &actor, &refusal) }
        // A refusal is recorded like any refused write (after the rollback); visibility reads as "no such inbox".
        if let refusal, !dryRun {
            recordRefusal(refusal, by: actor, action: "messages.import", target: "\(rows.count) messages")
        }
        return report
    }

    private func importingMessages(_ rows: [MessageRow], dryRun: Bool, _ actor: inout OperatorContext?,
                                   _ refusal: inout Refusal?) throws -> MessageImportReport {
        let op = try resolveOperator()
        actor = op
        try check(.readWorkspace, op)
        let facts = try workspaceFacts()
        var inboxes: [PhoneNumber: ImportTarget] = [:]
        var members: [EmailAddress: Bool] = [:]
        var errors: [LineError] = []
        var planned: [(row: MessageRow, inbox: Inbox)] = []
        planned.reserveCapacity(rows.count)
        for row in rows {
            let resolved = try inboxes[row.inbox] ?? {
                let result = try writableInbox(row.inbox, op, facts, &refusal)
                inboxes[row.inbox] = result
                return result
            }()
            var fine = true
            switch resolved {
            case .problem(let message):
                errors.append(LineError(line: row.line, message: message))
                fine = false
            case .inbox: break
            }
            if let by = row.by {
                let known = try members[by] ?? {
                    let exists = try memberRow(email: by) != nil
                    members[by] = exists
                    return exists
                }()
                if !known {
                    errors.append(LineError(line: row.line, message: "by: no member \(by) in this workspace"))
                    fine = false
                }
            }
            if fine, case .inbox(let inbox) = resolved { planned.append((row, inbox)) }
        }
        let fresh = errors.isEmpty ? try notYetStored(planned) : planned
        let alreadyStored = planned.count - fresh.count
        let inboxNumbers = Set(fresh.map(\.inbox.phone)).sorted()
        let threads = Set(fresh.map { "\($0.inbox.id) \($0.row.contact.value)" }).count
        guard errors.isEmpty, !dryRun, !fresh.isEmpty else {
            return MessageImportReport(imported: errors.isEmpty ? fresh.count : 0, threads: threads, inboxes: inboxNumbers,
                                       errors: errors.sorted(), applied: false, alreadyStored: errors.isEmpty ? alreadyStored : 0)
        }
        for entry in fresh {
            try db.run("INSERT INTO messages (inbox_id, contact, direction, at, body, sent_by) VALUES (?, ?, ?, ?, ?, ?)",
                       [entry.inbox.id, entry.row.contact.value, entry.row.direction.rawValue, entry.row.at.seconds,
                        entry.row.text, entry.row.by?.value])
        }
        // One event for the whole file: the count and where they went, not each message.
        try appendAudit(op, action: "messages.import", target: "\(fresh.count) messages",
                        after: [("messages", .int(Int64(fresh.count))), ("threads", .int(Int64(threads))),
                                ("inboxes", .array(inboxNumbers.map { .string($0.value) })),
                                ("already_stored", .int(Int64(alreadyStored)))])
        return MessageImportReport(imported: fresh.count, threads: threads, inboxes: inboxNumbers, errors: [], applied: true,
                                   alreadyStored: alreadyStored)
    }

    /// The planned messages minus those stored already: same inbox, contact,
    /// direction, second, text and sender. Counted per identical message, so a
    /// file that repeats one ("ok" twice in a second) keeps its repeats beyond
    /// the copies already stored.
    private func notYetStored(_ planned: [(row: MessageRow, inbox: Inbox)]) throws -> [(row: MessageRow, inbox: Inbox)] {
        var stored: [StoredMessageKey: Int64] = [:]
        var seen: [StoredMessageKey: Int64] = [:]
        return try planned.filter { entry in
            let key = StoredMessageKey(inbox: entry.inbox.id, contact: entry.row.contact.value, direction: entry.row.direction.rawValue,
                                       at: entry.row.at.seconds, text: entry.row.text, by: entry.row.by?.value)
            let copies = try stored[key] ?? {
                // The thread index narrows this to one second of one thread.
                let count = try db.scalarInt(MessageSQL.copies, [key.inbox, key.contact, key.at, key.direction, key.text, key.by])
                stored[key] = count
                return count
            }()
            let nth = seen[key, default: 0]
            seen[key] = nth + 1
            return nth >= copies
        }
    }

    /// The inbox if the operator may import into it, else the line's message
    /// (a hidden inbox in the words of a missing one). The first guard refusal is kept for the audit log.
    private func writableInbox(_ phone: PhoneNumber, _ op: OperatorContext, _ facts: WorkspaceFacts,
                               _ refusal: inout Refusal?) throws -> ImportTarget {
        guard let inbox = try inboxRow(phone: phone) else { return .problem(Guard.noSuchInbox(phone.value)) }
        switch Guard.check(.importMessages(Self.facts(inbox)), by: op.facts, in: facts) {
        case .allowed:
            return .inbox(inbox)
        case .refused(let refused) where refused.rule == .visibility:
            return .problem(refused.message)
        case .refused(let refused):
            if refusal == nil { refusal = refused }
            return .problem(refused.description)
        }
    }
}

/// What makes two messages the same one, for a second import of one export.
struct StoredMessageKey: Hashable {
    let inbox: Int64
    let contact: String
    let direction: String
    let at: Int64
    let text: String
    let by: String?
}

/// Where a line's messages go, or why they cannot.
enum ImportTarget {
    case inbox(Inbox)
    case problem(String)
}
