import TeamCore
import TeamPhone

/// Every query on messages, named, so a test can check that each one goes
/// through the thread index (no scan, no sort): a page of a long thread
/// costs the page, not the thread.
enum MessageSQL {
    static let columns = "id, direction, at, body, sent_by"
    static let inThread = "SELECT \(columns) FROM messages WHERE inbox_id = ? AND contact = ?"
    static let newest = "\(inThread) ORDER BY at DESC, id DESC LIMIT ?"
    static let oldest = "\(inThread) ORDER BY at, id LIMIT ?"
    static let before = "\(inThread) AND (at, id) < (?, ?) ORDER BY at DESC, id DESC LIMIT ?"
    static let after = "\(inThread) AND (at, id) > (?, ?) ORDER BY at, id LIMIT ?"
    static let count = "SELECT count(*) FROM messages WHERE inbox_id = ? AND contact = ?"
    static func exists(_ comparison: String) -> String {
        "SELECT EXISTS (SELECT 1 FROM messages WHERE inbox_id = ? AND contact = ? AND (at, id) \(comparison) (?, ?))"
    }
    static let threadCounts = "SELECT contact, count(*) FROM messages WHERE inbox_id = ? GROUP BY contact"
    static let lastOfThread = "\(inThread) ORDER BY at DESC, id DESC LIMIT 1"
    /// Copies of one message already stored (import leaves them out).
    static let copies = """
        SELECT count(*) FROM messages WHERE inbox_id = ? AND contact = ? AND at = ?
        AND direction = ? AND body = ? AND sent_by IS ?
        """
    static let threadsOfInbox = "SELECT count(*) FROM (SELECT DISTINCT contact FROM messages WHERE inbox_id = ?)"

    static let all: [(String, String)] = [
        ("newest", newest), ("oldest", oldest), ("before", before), ("after", after), ("count", count),
        ("exists<", exists("<")), ("exists>", exists(">")), ("threadCounts", threadCounts),
        ("lastOfThread", lastOfThread), ("threadsOfInbox", threadsOfInbox), ("copies", copies),
    ]
}

/// Reading message threads. Every read asks the guard for `view-messages`
/// on the inbox; a hidden inbox reads exactly like a missing one.
extension SQLiteWorkspace {
    static func message(_ row: Row) -> Message {
        Message(id: row.int(0), direction: MessageDirection(rawValue: row.text(1)) ?? .incoming,
                at: Timestamp(seconds: row.int(2)), text: row.text(3), sentBy: row.optionalText(4))
    }

    public func threads(inbox phone: PhoneNumber) throws -> [ThreadSummary] {
        try reading {
            let op = try resolveOperator()
            let inbox = try requireVisibleInbox(phone, for: op)
            try check(.viewMessages(Self.facts(inbox)), op)
            // Counts from the thread index alone; then the last message of each thread, one seek each.
            let counts = try db.all(MessageSQL.threadCounts, [inbox.id]) { ($0.text(0), Int($0.int(1))) }
            let threads = try counts.compactMap { contact, count -> ThreadSummary? in
                let last = try db.first(MessageSQL.lastOfThread, [inbox.id, contact], Self.message)
                let number = PhoneNumber(stored: contact)
                return last.map { ThreadSummary(contact: number, count: count, last: $0, contactFormatted: PhoneNumbers.display(number)) }
            }
            return threads.sorted { ($0.last.at, $0.last.id) > ($1.last.at, $1.last.id) }
        }
    }

    public func thread(inbox phone: PhoneNumber, contact: PhoneNumber, page: MessagePage) throws -> ThreadPage {
        try reading {
            let op = try resolveOperator()
            let inbox = try requireVisibleInbox(phone, for: op)
            try check(.viewMessages(Self.facts(inbox)), op)
            let total = Int(try db.scalarInt(MessageSQL.count, [inbox.id, contact.value]))
            let limit = max(1, min(page.limit, 2_000))
            var messages: [Message]
            switch page {
            case .newest:
                messages = try db.all(MessageSQL.newest, [inbox.id, contact.value, limit],
                                      Self.message).reversed()
            case .oldest:
                messages = try db.all(MessageSQL.oldest, [inbox.id, contact.value, limit], Self.message)
            case .before(let cursor, _):
                messages = try db.all(MessageSQL.before,
                                      [inbox.id, contact.value, cursor.at.seconds, cursor.id, limit], Self.message).reversed()
            case .after(let cursor, _):
                messages = try db.all(MessageSQL.after,
                                      [inbox.id, contact.value, cursor.at.seconds, cursor.id, limit], Self.message)
            }
            func exists(_ comparison: String, _ cursor: MessageCursor) throws -> Bool {
                try db.scalarInt(MessageSQL.exists(comparison),
                                 [inbox.id, contact.value, cursor.at.seconds, cursor.id]) != 0
            }
            let hasOlder: Bool, hasNewer: Bool
            if let first = messages.first, let last = messages.last {
                hasOlder = try exists("<", first.cursor)
                hasNewer = try exists(">", last.cursor)
            } else {
                switch page {
                case .before(let cursor, _): (hasOlder, hasNewer) = (false, try exists(">=", cursor))
                case .after(let cursor, _): (hasOlder, hasNewer) = (try exists("<=", cursor), false)
                case .newest, .oldest: (hasOlder, hasNewer) = (false, false)
                }
            }
            return ThreadPage(inbox: inbox, contact: contact, messages: messages, total: total,
                              hasOlder: hasOlder, hasNewer: hasNewer, contactFormatted: PhoneNumbers.display(contact))
        }
    }

    /// Threads per inbox among `inboxes`, counted only where the operator may read messages.
    func threadCounts(_ inboxes: [Inbox], _ op: OperatorContext) throws -> [InboxID: Int] {
        let facts = try workspaceFacts()
        let readable = inboxes.filter { Guard.check(.viewMessages(Self.facts($0)), by: op.facts, in: facts).isAllowed }
        var counts: [InboxID: Int] = [:]
        for inbox in readable {
            counts[inbox.id] = Int(try db.scalarInt(MessageSQL.threadsOfInbox, [inbox.id]))
        }
        return counts
    }
}
