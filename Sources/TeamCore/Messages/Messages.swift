/// Message threads per inbox (SPEC §4.11): a thread is an inbox and the
/// number of the other party (the contact), with its messages. The text of
/// a message is untrusted: stored exactly as it came, sanitised by every
/// front end before it is drawn or printed.
public typealias MessageID = Int64

public enum MessageDirection: String, Sendable, Equatable, CaseIterable {
    /// From the contact to the inbox.
    case incoming = "in"
    /// From the inbox to the contact, sent by a member.
    case outgoing = "out"
}

public struct Message: Sendable, Equatable, Identifiable {
    public var id: MessageID
    public var direction: MessageDirection
    public var at: Timestamp
    public var text: String
    /// The member who sent an outgoing message (their email as it was then).
    public var sentBy: String?

    public init(id: MessageID, direction: MessageDirection, at: Timestamp, text: String, sentBy: String? = nil) {
        self.id = id; self.direction = direction; self.at = at; self.text = text; self.sentBy = sentBy
    }

    /// Where the message sits in its thread's order (time, then id).
    public var cursor: MessageCursor { MessageCursor(at: at, id: id) }
}

/// A position in a thread: messages are ordered by time, then by id (the
/// order they arrived in when two share a second).
public struct MessageCursor: Sendable, Hashable {
    public var at: Timestamp
    public var id: MessageID

    public init(at: Timestamp, id: MessageID) { self.at = at; self.id = id }
}

/// Which messages of a thread to read: a page at either end, or next to one
/// already shown. A thread of 10,000 messages is never read whole.
public enum MessagePage: Sendable, Equatable {
    case newest(limit: Int)
    case oldest(limit: Int)
    case before(MessageCursor, limit: Int)
    case after(MessageCursor, limit: Int)

    public var limit: Int {
        switch self {
        case .newest(let limit), .oldest(let limit), .before(_, let limit), .after(_, let limit): limit
        }
    }
}

/// A thread as the list of an inbox's threads shows it.
public struct ThreadSummary: Sendable, Equatable {
    public var contact: PhoneNumber
    public var count: Int
    public var last: Message
    /// The contact's number as people write it, when the store could work it out.
    public var contactFormatted: String?

    public init(contact: PhoneNumber, count: Int, last: Message, contactFormatted: String? = nil) {
        self.contact = contact; self.count = count; self.last = last; self.contactFormatted = contactFormatted
    }

    public var contactDisplay: String { contactFormatted ?? contact.value }
}

/// Some consecutive messages of one thread, oldest first.
public struct ThreadPage: Sendable, Equatable {
    public var inbox: Inbox
    public var contact: PhoneNumber
    public var messages: [Message]
    /// Every message of the thread, not only those read.
    public var total: Int
    public var hasOlder: Bool
    public var hasNewer: Bool
    /// The contact's number as people write it, when the store could work it out.
    public var contactFormatted: String?

    public init(inbox: Inbox, contact: PhoneNumber, messages: [Message], total: Int, hasOlder: Bool, hasNewer: Bool,
                contactFormatted: String? = nil) {
        self.inbox = inbox; self.contact = contact; self.messages = messages; self.total = total
        self.hasOlder = hasOlder; self.hasNewer = hasNewer; self.contactFormatted = contactFormatted
    }

    public var contactDisplay: String { contactFormatted ?? contact.value }
}

/// One line of a messages file, its shape already checked (numbers in
/// E.164, a time, text within the limit); the store checks the rest
/// (the inbox exists and may be written by the operator, `by` is a member).
public struct MessageRow: Sendable, Equatable {
    public var line: Int
    public var inbox: PhoneNumber
    public var contact: PhoneNumber
    public var direction: MessageDirection
    public var at: Timestamp
    public var text: String
    public var by: EmailAddress?

    public init(line: Int, inbox: PhoneNumber, contact: PhoneNumber, direction: MessageDirection, at: Timestamp,
                text: String, by: EmailAddress? = nil) {
        self.line = line; self.inbox = inbox; self.contact = contact; self.direction = direction
        self.at = at; self.text = text; self.by = by
    }
}

/// What an import did, or every problem that stopped it (all or nothing).
public struct MessageImportReport: Sendable, Equatable {
    public var imported: Int
    /// Threads the imported messages went to (new or not).
    public var threads: Int
    public var inboxes: [PhoneNumber]
    public var errors: [LineError]
    public var applied: Bool
    /// Lines whose message is stored already (the same export imported again), left out.
    public var alreadyStored: Int

    public init(imported: Int, threads: Int, inboxes: [PhoneNumber], errors: [LineError], applied: Bool, alreadyStored: Int = 0) {
        self.imported = imported; self.threads = threads; self.inboxes = inboxes; self.errors = errors
        self.applied = applied; self.alreadyStored = alreadyStored
    }
}

/// Rules of message text that do not depend on who acts (those are the guard's).
public enum MessageRules {
    /// Ten SMS segments of 160 characters: what carriers concatenate at most.
    public static let maxTextLength = 1_600

    /// Text may hold any character (newlines, tabs, escapes: kept exactly,
    /// sanitised on display) except NUL, which the file cannot keep inside text.
    public static func checkText(_ text: String) throws(ValidationError) {
        if text.isEmpty { throw ValidationError(field: "text", message: "the text is empty") }
        let length = text.count
        if length > maxTextLength {
            throw ValidationError(field: "text",
                message: "the text has \(length) characters; at most \(maxTextLength) are allowed")
        }
        if text.utf8.contains(0) {
            throw ValidationError(field: "text", message: "the text contains U+0000 (NUL), which cannot be stored")
        }
    }

    /// Parses `2026-11-30T10:00:00Z` or with an offset (`+01:00`); whole
    /// seconds only. Fixed format, parsed by hand: 100k lines must be fast
    /// and no locale may change the reading.
    public static func parseTime(_ text: String) throws(ValidationError) -> Timestamp {
        let bytes = Array(text.utf8)
        func fail() -> ValidationError {
            ValidationError(field: "at", message: "'\(text)' is not a time like 2026-11-30T10:00:00Z (UTC, or with an offset like +01:00)")
        }
        guard bytes.count == 20 || bytes.count == 25 else { throw fail() }
        func number(_ range: Range<Int>) throws(ValidationError) -> Int64 {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { throw fail() }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        func expect(_ index: Int, _ character: Character) throws(ValidationError) {
            guard bytes[index] == character.asciiValue else { throw fail() }
        }
        try expect(4, "-"); try expect(7, "-"); try expect(13, ":"); try expect(16, ":")
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { throw fail() }
        let year = try number(0..<4), month = try number(5..<7), day = try number(8..<10)
        let hour = try number(11..<13), minute = try number(14..<16), second = try number(17..<19)
        guard (1...12).contains(month), day >= 1, day <= daysIn(month, year), hour < 24, minute < 60, second < 60 else {
            throw fail()
        }
        var offset: Int64 = 0
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") || bytes[19] == UInt8(ascii: "z") else { throw fail() }
        } else {
            let sign = bytes[19]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { throw fail() }
            try expect(22, ":")
            let hours = try number(20..<22), minutes = try number(23..<25)
            guard hours < 24, minutes < 60 else { throw fail() }
            offset = (hours * 3_600 + minutes * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
        }
        return Timestamp(seconds: daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second - offset)
    }

    private static func daysIn(_ month: Int64, _ year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil, the inverse of ``Timestamp/iso8601``).
    private static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
