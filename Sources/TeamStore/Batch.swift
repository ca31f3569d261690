import JSONText
import TeamCore
import TeamMail

/// Many commands as one change: one transaction, one batch id in every
/// audit event, each command planned and checked by the guard in turn.
extension SQLiteWorkspace {
    public func decideAll(_ commands: [TeamCommand]) throws -> [Result<GuardDecision, TeamError>] {
        try reading {
            let op = try resolveOperator()
            let facts = try workspaceFacts()
            return commands.map { command in
                do {
                    let plan = try self.plan(command, op, SpoolBatch())
                    return .success(Guard.check(plan.action, by: op.facts, in: facts))
                } catch let error as TeamError {
                    return .failure(error)
                } catch {
                    return .failure(.storage("\(error)"))
                }
            }
        }
    }

    public func performBatch(_ commands: [TeamCommand], partial: Bool) throws -> BatchOutcome {
        let batch = Self.newBatchID()
        var actor: OperatorContext?
        var guardRefusals: [(command: TeamCommand, refusal: Refusal)] = []
        // After the transaction, committed (partial) or rolled back (not): each refusal is kept once either way.
        defer { recordRefusals(guardRefusals, by: actor, batch: batch) }
        return try writingWithSpool { spool in
            let op = try resolveOperator()
            actor = op
            auditBatch = batch
            defer { auditBatch = nil }
            var done: [BatchOutcome.Done] = []
            var refused: [BatchOutcome.Refused] = []
            for command in commands {
                do {
                    // Planned and checked when its turn comes: the changes before it count.
                    let plan = try self.plan(command, op, spool)
                    try check(plan.action, op)
                    done.append(BatchOutcome.Done(command: command, outcome: try plan.apply()))
                } catch let error as TeamError {
                    if case .refused(let refusal) = error { guardRefusals.append((command, refusal)) }
                    refused.append(BatchOutcome.Refused(command: command, rule: error.ruleName, message: error.description))
                }
            }
            if !partial && !refused.isEmpty {
                // Thrown inside the transaction: everything rolls back.
                throw TeamError.conflict("nothing changed: \(refused.count) of \(commands.count) would be refused ("
                                         + BatchOutcome.byRule(refused.map(\.rule)) + "); first: \(refused[0].message)")
            }
            return BatchOutcome(batch: batch, done: done, refused: refused)
        }
    }

    /// Random enough to tell batches apart, short enough to read in the audit log.
    static func newBatchID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "b-" + String(UInt32.random(in: 0...UInt32.max, using: &generator), radix: 16)
    }
}
