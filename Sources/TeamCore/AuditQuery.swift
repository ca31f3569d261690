/// Which audit events to read: every filter is optional; matching is by
/// case-insensitive substring for the texts, inclusive for the dates.
public struct AuditQuery: Sendable, Equatable {
    public var actor: String?
    public var target: String?
    public var action: String?
    public var since: Timestamp?
    public var until: Timestamp?
    /// Words that may be in the actor, the target or the action.
    public var text: String?
    /// The most recent this many (nil: all).
    public var limit: Int?
    /// Newest first (the TUI) or oldest first (the CLI's log order).
    public var newestFirst: Bool
    /// Only events with a larger id: with it, `limit` counts from the
    /// oldest, so a long log is read in pages (`audit --json` streams so).
    public var afterID: Int64?

    public init(actor: String? = nil, target: String? = nil, action: String? = nil, since: Timestamp? = nil,
                until: Timestamp? = nil, text: String? = nil, limit: Int? = nil, newestFirst: Bool = false,
                afterID: Int64? = nil) {
        self.actor = actor; self.target = target; self.action = action; self.since = since; self.until = until
        self.text = text; self.limit = limit; self.newestFirst = newestFirst; self.afterID = afterID
    }

    /// Reads "actor:ann action:role since:2026-11-01 bob" as typed in the
    /// audit view's filter: named fields, and free words for the rest.
    public static func parse(_ typed: String, limit: Int? = nil) throws(ValidationError) -> AuditQuery {
        var query = AuditQuery(limit: limit, newestFirst: true)
        var free: [String] = []
        for word in typed.split(separator: " ").map(String.init) {
            let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { free.append(word); continue }
            switch parts[0].lowercased() {
            case "actor", "by": query.actor = parts[1]
            case "target", "to", "on": query.target = parts[1]
            case "action", "did": query.action = parts[1]
            case "since", "from": query.since = try day(parts[1], field: "since")
            case "until": query.until = try day(parts[1], field: "until").map { Timestamp(seconds: $0.seconds + 86_399) }
            default: free.append(word)
            }
        }
        query.text = free.isEmpty ? nil : free.joined(separator: " ")
        return query
    }

    /// `YYYY-MM-DD` as the start of that day, UTC.
    public static func day(_ text: String, field: String) throws(ValidationError) -> Timestamp? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            throw ValidationError(field: field, message: "'\(text)' is not a date like 2026-11-30")
        }
        // Days from civil (Howard Hinnant), as Timestamp.iso8601 does the other way.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Timestamp(seconds: Int64(era * 146_097 + doe - 719_468) * 86_400)
    }

    /// Whether `event` is one this query asks for (the store filters in SQL; this says the same for tests).
    public func matches(_ event: AuditEvent) -> Bool {
        func has(_ value: String?, _ needle: String?) -> Bool {
            guard let needle else { return true }
            return value?.lowercased().contains(needle.lowercased()) ?? false
        }
        if let afterID, event.id <= afterID { return false }
        if let since, event.at < since { return false }
        if let until, event.at > until { return false }
        guard has(event.actor, actor), has(event.target, target), has(event.action, action) else { return false }
        guard let text else { return true }
        return text.split(separator: " ").allSatisfy { word in
            [event.actor, event.target, event.action].contains { has($0, String(word)) }
        }
    }
}
