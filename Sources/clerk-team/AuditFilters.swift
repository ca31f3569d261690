import ArgumentParser
import TeamCore

/// `audit --actor --target --action --since --until`: which events to show,
/// as an ``AuditQuery`` (the audit view's filter uses the same query).
struct AuditFilters: ParsableArguments {
    @Option(help: "Only events by this actor (part of an email; case does not matter).") var actor: String?
    @Option(help: "Only events on this target (part of an email, a number or a group's name).") var target: String?
    @Option(help: "Only events whose action contains this, e.g. role, member.remove, inbox.") var action: String?
    @Option(help: ArgumentHelp("Only events on or after this day (UTC).", valueName: "yyyy-mm-dd")) var since: String?
    @Option(help: ArgumentHelp("Only events on or before this day (UTC).", valueName: "yyyy-mm-dd")) var until: String?

    /// Events per read when streaming: small enough that a log of millions
    /// never sits in memory, large enough that the reads cost little.
    static let pageSize = 2_000

    func query(limit: Int?) throws -> AuditQuery {
        do {
            let from = try since.flatMap { try AuditQuery.day($0, field: "since") }
            // Through the end of that day.
            let to = try until.flatMap { try AuditQuery.day($0, field: "until") }.map { Timestamp(seconds: $0.seconds + 86_399) }
            if let from, let to, from > to {
                throw TeamCore.ValidationError(field: "since", message: "--since \(since ?? "") is after --until \(until ?? "")")
            }
            return AuditQuery(actor: actor, target: target, action: action, since: from, until: to, limit: limit)
        } catch let error as TeamCore.ValidationError {
            throw TeamError.invalid(error)
        }
    }

    /// JSON lines, written as they are read: the whole log in pages by id
    /// (each page its own snapshot, so events added meanwhile follow at the
    /// end), or the most recent `limit` at once.
    func streamJSON(_ workspace: any TeamWorkspace, limit: Int?) throws {
        var query = try query(limit: limit ?? Self.pageSize)
        if limit == nil { query.afterID = 0 }
        while true {
            let events = try workspace.auditEvents(query)
            var out = ""
            for event in events { JSONViews.audit(event).render(into: &out); out += "\n" }
            Console.raw(out)
            guard limit == nil, events.count == Self.pageSize, let last = events.last else { return }
            query.afterID = last.id
        }
    }
}
