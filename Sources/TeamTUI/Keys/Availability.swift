import TeamCore

/// Whether an action can be taken now, as the guard says.
public enum Availability: Equatable, Sendable {
    case enabled
    /// Allowed in general, not here and now (rank, last admin, nothing selected…).
    case disabled(reason: String)
    /// The operator's permissions can never allow it: not shown at all.
    case hidden

    /// The guard's decision in UI terms: a missing permission hides the
    /// action; any other refusal disables it with the guard's own sentence.
    public init(_ decision: GuardDecision) {
        switch decision {
        case .allowed: self = .enabled
        case .refused(let refusal) where refusal.rule == .permissionMissing: self = .hidden
        case .refused(let refusal): self = .disabled(reason: refusal.message)
        }
    }

    public var isEnabled: Bool { self == .enabled }
    public var isHidden: Bool { self == .hidden }

    /// The sentence to show when the key is pressed anyway.
    public var reason: String? {
        if case .disabled(let reason) = self { return reason }
        return nil
    }
}

/// Asks the one guard about the current state. No rule is decided here.
enum Ask {
    /// An actor with no permissions, for asking before the session is loaded.
    static let probeActor = ActorFacts(id: -1, role: .member, status: .active, permissions: [])

    static func guardDecision(_ action: GuardAction, _ state: AppState) -> GuardDecision? {
        guard let session = state.session else { return nil }
        return Guard.check(action, by: session.operatorContext.facts, in: session.facts)
    }

    static func availability(_ action: GuardAction, _ state: AppState) -> Availability {
        guard let decision = guardDecision(action, state) else { return .disabled(reason: "still loading") }
        if let why = state.readOnly, decision.isAllowed, action != .readWorkspace {
            return .disabled(reason: why.sentence)
        }
        return Availability(decision)
    }

    static func facts(_ member: Member) -> TargetFacts {
        TargetFacts(id: member.id, role: member.role, status: member.status)
    }

    static func facts(_ inbox: Inbox) -> InboxFacts {
        InboxFacts(id: inbox.id, phone: inbox.phone.value, visibility: inbox.visibility)
    }

    /// An action on the selected member: hidden if the operator could never
    /// do it to anyone, disabled with a reason if not to this one.
    static func onSelected(_ state: AppState, _ make: (TargetFacts) -> GuardAction) -> Availability {
        // Probe against a member of the lowest rank to tell "never" from "not this one".
        guard state.session != nil else { return .disabled(reason: "still loading") }
        let probe = TargetFacts(id: -1, role: .member, status: .active)
        if case .hidden = availability(make(probe), state) { return .hidden }
        guard let member = state.selectedMember?.member else {
            return .disabled(reason: state.members.count == 0 ? "no member selected" : "loading\(state.glyphs.ellipsis)")
        }
        return availability(make(facts(member)), state)
    }
}
