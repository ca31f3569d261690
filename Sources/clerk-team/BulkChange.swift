import TeamCore
import TeamStore

/// Runs one change per member of a `--from-file` list as one batch: one
/// transaction, each change checked by the guard in turn, one audit event
/// each under one batch id (``TeamWorkspace/performBatch(_:partial:)``).
enum BulkChange {
    /// `confirming` names a destructive change ("remove"): off a terminal it
    /// needs --yes, on one the operator types how many will change.
    static func run(_ global: GlobalOptions, _ bulk: BulkOptions, confirming verb: String? = nil,
                    _ change: (EmailAddress) -> TeamCommand) throws {
        if let verb, !Console.stdinIsTerminal || bulk.fromFile == "-" {
            Console.error("not on a terminal (or the list comes from standard input), so nobody can confirm: add --yes to \(verb) the members listed; nothing changed")
            throw Refused()
        }
        let commands = try bulk.emails().map(change)
        let workspace = try global.openWorkspace()
        if let verb { try confirm(verb, commands, workspace, partial: bulk.partial) }
        let outcome: BatchOutcome
        do {
            outcome = try workspace.performBatch(commands, partial: bulk.partial)
        } catch TeamError.conflict(let message) where !bulk.partial {
            // The store says how many and the first; asked again one by one, each refusal is named.
            report(refusals(commands, try workspace.decideAll(commands)))
            throw TeamError.conflict(message)
        }
        report(outcome.refused.map { ($0.command.memberEmail, $0.rule, $0.message) })
        Console.line(outcome.summary)
        if !outcome.refused.isEmpty { throw Refused() }
    }

    /// Asks the guard about each first, so nobody types a count that the batch would not reach.
    private static func confirm(_ verb: String, _ commands: [TeamCommand], _ workspace: SQLiteWorkspace,
                                partial: Bool) throws {
        // Refusals that stop the change here are recorded by the store, as the batch would record them.
        let refused = refusals(commands, try workspace.decideBeforeConfirming(commands, partial: partial))
        report(refused)
        if !refused.isEmpty && !partial {
            Console.error("nothing changed: \(refused.count) of \(commands.count) would be refused ("
                          + BatchOutcome.byRule(refused.map(\.rule)) + ")")
            throw Refused()
        }
        let count = commands.count - refused.count
        guard count > 0 else {
            Console.error("nothing changed: the guard refuses every one")
            throw Refused()
        }
        try Confirm.typed(String(count), what: "\(verb) \(count) member(s)", skip: false)
    }

    typealias Refusal = (email: EmailAddress?, rule: String, message: String)

    /// What the guard says about each now, in one snapshot.
    private static func refusals(_ commands: [TeamCommand], _ answers: [Result<GuardDecision, TeamError>]) -> [Refusal] {
        zip(commands, answers).compactMap { command, answer in
            switch answer {
            case .success(.allowed): nil
            case .success(.refused(let refusal)): (command.memberEmail, refusal.rule.rawValue, refusal.message)
            case .failure(let error): (command.memberEmail, error.ruleName, error.description)
            }
        }
    }

    /// One line each on stderr: "ann@example.com: rank: you are admin and cannot …".
    private static func report(_ refusals: [Refusal]) {
        for refusal in refusals {
            let prefix = "refused (\(refusal.rule)): "
            let text = refusal.message.hasPrefix(prefix) ? String(refusal.message.dropFirst(prefix.count)) : refusal.message
            Console.error("\(refusal.email?.value ?? "?"): \(refusal.rule): \(text)")
        }
    }
}
