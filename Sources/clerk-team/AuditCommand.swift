import ArgumentParser
import Foundation
import JSONText
import TeamCore
import TeamStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log, oldest first; check that it was not edited.",
        subcommands: [Show.self, Verify.self, Revert.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the changes made (or, with --refused, the ones the guard refused).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: AuditFilters
        @Option(parsing: .unconditional, help: ArgumentHelp("Only the most recent N events.", valueName: "limit"),
                transform: { try Whole.atLeastOne($0) }) var limit: Int?
        @Flag(help: "Changes the guard refused, with the rule that refused each (nothing else was written).")
        var refused = false
        @Flag(help: "Print JSON lines: one {id, at, actor, login, via_as, interface, action, target, before, after} per line.")
        var json = false

        func run() throws {
            let workspace = try global.openWorkspaceForReading()
            if !refused && json { return try filters.streamJSON(workspace, limit: limit) }
            let events = refused ? try workspace.auditEvents(limit: limit, refused: true)
                : try workspace.auditEvents(try filters.query(limit: limit))
            if json {
                var out = ""
                for event in events { JSONViews.audit(event).render(into: &out); out += "\n" }
                return Console.raw(out)
            }
            if refused {
                return Console.table(["WHEN", "ACTOR", "LOGIN", "VIA", "ACTION", "TARGET", "RULE"], events.map { event in
                    [event.at.iso8601, event.actor ?? "-", event.osLogin + (event.viaAs ? " (--as)" : ""),
                     event.interface.rawValue, event.action, event.target, event.rule ?? "-"]
                })
            }
            Console.table(["ID", "WHEN", "ACTOR", "LOGIN", "VIA", "ACTION", "TARGET", "CHANGE"], events.map { event in
                [String(event.id), event.at.iso8601, event.actor ?? "-", event.osLogin + (event.viaAs ? " (--as)" : ""),
                 event.interface.rawValue, event.action, event.target,
                 [event.before.map { "before \($0)" }, event.after.map { "after \($0)" }].compactMap { $0 }.joined(separator: " ")]
            })
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit log's hash chain; exit 1 naming the first row that was edited, inserted or removed.",
            discussion: """
                Every row's hash covers the row before it. Someone who can write the file can still
                recompute the whole chain: keep the head hash printed here somewhere else and compare.
                """)
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let result = try global.openWorkspaceForReading().verifyAudit()
            if let broken = result.firstBrokenRow {
                Console.error("audit log broken at row \(broken): its hash does not follow from the rows before it (edited, inserted, or a row before it removed); \(result.rows - 1) rows before it are intact")
                throw Refused()
            }
            Console.line("audit log intact: \(result.rows) rows, head \(result.head)")
        }
    }

    struct Revert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo one change (its ID from 'audit show') as a new change made by you, checked by the guard.",
            discussion: """
                Undoes a role change, an assignment, an override, a group membership or grant, a group put on or
                taken off an inbox, an inbox rename or visibility change, a deactivation or reactivation.
                Refused, changing nothing, when what the change set has changed since, or when it cannot be
                undone (a removal, whose data is gone; an invitation). The new change names the one it undoes.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The change's ID, as 'audit show' lists it.") var id: Int64
        @Flag(help: "Print the inverse change and whether the guard allows it; change nothing.") var dryRun = false

        func run() throws {
            guard dryRun else { return try perform(global, output, .revert(auditID: id)) }
            let preview = try global.openWorkspaceForReading().revertPreview(id)
            let verdict = switch preview.decision {
            case .allowed: "allowed"
            case .refused(let refusal): "refused (\(refusal.rule.rawValue)): \(refusal.message)"
            }
            if output.json {
                let value = JSONText.Value.object([
                    ("id", .int(preview.event.id)), ("action", .string(preview.event.action)),
                    ("target", .string(preview.event.target)), ("inverse", .string(preview.sentence)),
                    ("allowed", .bool(preview.decision.isAllowed)), ("refusal", JSONText.Value(preview.decision.refusal?.message)),
                ])
                Console.raw(value.rendered() + "\n")
            } else {
                Console.line("#\(preview.event.id) \(preview.event.action) \(preview.event.target)")
                Console.line("undo: \(preview.sentence)")
                Console.line("guard: \(verdict)")
            }
            if !preview.decision.isAllowed { throw Refused() }
        }
    }
}
