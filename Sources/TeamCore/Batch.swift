/// Several changes made as one: each checked by the guard, all in one
/// transaction, one audit event per change, grouped under one batch id.
public struct BatchOutcome: Sendable, Equatable {
    /// A change that was made (or found already made).
    public struct Done: Sendable, Equatable {
        public var command: TeamCommand
        public var outcome: CommandOutcome
        public init(command: TeamCommand, outcome: CommandOutcome) { self.command = command; self.outcome = outcome }
    }

    /// A change the guard (or the workspace's state) refused.
    public struct Refused: Sendable, Equatable {
        public var command: TeamCommand
        /// The rule's name (`rank`, `escalation`…), or `not-found`, `stale`, `conflict`.
        public var rule: String
        public var message: String
        public init(command: TeamCommand, rule: String, message: String) {
            self.command = command; self.rule = rule; self.message = message
        }
    }

    /// Groups the audit events of this batch (`batch` in their `after`).
    public var batch: String
    public var done: [Done]
    public var refused: [Refused]

    public init(batch: String, done: [Done], refused: [Refused]) {
        self.batch = batch; self.done = done; self.refused = refused
    }

    /// How many actually changed something.
    public var changed: Int { done.filter(\.outcome.changed).count }

    /// "4 changed, 1 unchanged; 2 refused: rank (1), last-workspace-admin (1)".
    public var summary: String { Self.summary(changed: changed, unchanged: done.count - changed, refused: refused.map(\.rule)) }

    /// The refusals counted by rule, most frequent first: "rank (3), stale (1)".
    public static func summary(changed: Int, unchanged: Int, refused rules: [String]) -> String {
        var parts = ["\(changed) changed"]
        if unchanged > 0 { parts.append("\(unchanged) already so") }
        var text = parts.joined(separator: ", ")
        if !rules.isEmpty { text += "; \(rules.count) refused: " + byRule(rules) }
        return text
    }

    public static func byRule(_ rules: [String]) -> String {
        let counts = Dictionary(grouping: rules, by: { $0 }).mapValues(\.count)
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
    }
}

extension TeamError {
    /// The short name of why a change was refused, for batch summaries.
    public var ruleName: String {
        switch self {
        case .refused(let refusal): refusal.rule.rawValue
        case .notFound: "not-found"
        case .stale: "stale"
        case .conflict: "conflict"
        case .invalid: "invalid"
        case .identity: "identity"
        case .storage: "storage"
        case .gone: "gone"
        }
    }
}
