import TeamCore
import TeamRoster

/// Prints a roster plan: a header with the counts, one line per step (in a
/// dry run a refusal under its step, and "(checked when it runs)" after a
/// step that needs an inbox or group made above), then what waits or is left
/// out, and in a dry run the guard's verdict.
enum PlanReport {
    static func print(_ plan: RosterPlan, file: String, answers: [Result<GuardDecision, TeamError>]?) {
        if plan.steps.isEmpty {
            Console.line("\(file): nothing to change")
        } else {
            let changes = plan.steps.count == 1 ? "1 change" : "\(plan.steps.count) changes"
            Console.line("\(file): \(changes) (\(plan.counts))")
        }
        for (index, step) in plan.steps.enumerated() {
            guard let answers, index < answers.count else { Console.line("  " + step.text); continue }
            switch answers[index] {
            case .success(.allowed): Console.line("  " + step.text)
            case .failure where step.needsEarlierStep: Console.line("  \(step.text) (checked when it runs)")
            case .success(.refused(let refusal)):
                Console.line("  " + step.text)
                Console.line("    \(refusal)")
            case .failure(let error):
                Console.line("  " + step.text)
                Console.line("    refused (\(error.ruleName)): \(error)")
            }
        }
        if !plan.waiting.isEmpty {
            Console.line("waiting until they accept their invitation (then apply the file again):")
            for waiting in plan.waiting { Console.line("  \(waiting.email): " + waiting.then.joined(separator: ", ")) }
        }
        if !plan.notInvited.isEmpty {
            Console.line("not invited (deactivated in the file and not a member here):")
            for email in plan.notInvited { Console.line("  \(email)") }
        }
        if let me = plan.keptOperator {
            Console.line("not removed though not in the file: \(me) (you; a roster never removes whoever applies it)")
        }
        if let answers, !plan.steps.isEmpty { Console.line(verdict(plan, answers)) }
    }

    /// The rule of each step the guard refuses now; a step that needs an
    /// inbox or group made by an earlier one cannot be asked yet and is not counted.
    static func refusedRules(_ plan: RosterPlan, _ answers: [Result<GuardDecision, TeamError>]) -> [String] {
        zip(plan.steps, answers).compactMap { step, answer in
            switch answer {
            case .success(.allowed): nil
            case .success(.refused(let refusal)): refusal.rule.rawValue
            case .failure where step.needsEarlierStep: nil
            case .failure(let error): error.ruleName
            }
        }
    }

    private static func verdict(_ plan: RosterPlan, _ answers: [Result<GuardDecision, TeamError>]) -> String {
        let refused = refusedRules(plan, answers), total = plan.steps.count
        let later = zip(plan.steps, answers).filter { step, answer in step.needsEarlierStep && (try? answer.get()) == nil }.count
        if !refused.isEmpty {
            return "dry run: the guard would refuse \(refused.count) of \(total) (\(BatchOutcome.byRule(refused))); applying would change nothing"
        }
        if later > 0 {
            return "dry run: the guard allows \(total - later) of \(total) now; \(later) need an inbox or group made above and are checked when they run; nothing changed"
        }
        return "dry run: the guard allows all \(total) now; nothing changed"
    }
}
