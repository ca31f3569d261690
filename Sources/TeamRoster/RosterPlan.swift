import TeamCore

/// What `roster apply` does to make a workspace match a file: commands in
/// the order they run, each with a sentence, plus what has to wait.
public struct RosterPlan: Sendable, Equatable {
    /// What a step counts as in the summary ("2 invitations, 1 role change").
    public enum Kind: Int, Sendable, CaseIterable, Comparable {
        case roleDefaults, inboxAdded, inboxChanged, groupCreated, groupChanged, renamed, roleChanged,
             reactivated, assigned, groupOnInbox, addedToGroup, overrideSet, invited, deactivated, unassigned,
             groupOffInbox, removedFromGroup, overrideDropped, invitationRevoked, memberRemoved, groupDeleted

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// "1 invitation", "2 invitations".
        public func counted(_ count: Int) -> String {
            let (one, many): (String, String) = switch self {
            case .roleDefaults: ("role default change", "role default changes")
            case .inboxAdded: ("inbox added", "inboxes added")
            case .inboxChanged: ("inbox change", "inbox changes")
            case .groupCreated: ("group created", "groups created")
            case .groupChanged: ("group change", "group changes")
            case .renamed: ("rename", "renames")
            case .roleChanged: ("role change", "role changes")
            case .reactivated: ("reactivation", "reactivations")
            case .assigned: ("assignment", "assignments")
            case .groupOnInbox: ("group put on an inbox", "groups put on inboxes")
            case .groupOffInbox: ("group taken off an inbox", "groups taken off inboxes")
            case .addedToGroup: ("group membership added", "group memberships added")
            case .overrideSet: ("override set", "overrides set")
            case .invited: ("invitation", "invitations")
            case .deactivated: ("deactivation", "deactivations")
            case .unassigned: ("unassignment", "unassignments")
            case .removedFromGroup: ("group membership removed", "group memberships removed")
            case .overrideDropped: ("override dropped", "overrides dropped")
            case .invitationRevoked: ("invitation revoked", "invitations revoked")
            case .memberRemoved: ("member removed", "members removed")
            case .groupDeleted: ("group deleted", "groups deleted")
            }
            return "\(count) \(count == 1 ? one : many)"
        }
    }

    public struct Step: Sendable, Equatable {
        public var command: TeamCommand
        /// "invite ann@example.com as agent to +14155550100".
        public var text: String
        public var kind: Kind
        /// Names an inbox or group that an earlier step creates: the guard
        /// can be asked about it only when the plan runs.
        public var needsEarlierStep: Bool

        public init(_ command: TeamCommand, _ text: String, _ kind: Kind, needsEarlierStep: Bool = false) {
            self.command = command; self.text = text; self.kind = kind; self.needsEarlierStep = needsEarlierStep
        }
    }

    /// Someone invited (now or before) for whom the file asks more than an
    /// invitation can carry: it is done by applying the file again once they joined.
    public struct Waiting: Sendable, Equatable {
        public var email: EmailAddress
        /// "group 'Night shift'", "grant view-messages", "deactivate".
        public var then: [String]

        public init(email: EmailAddress, then: [String]) { self.email = email; self.then = then }
    }

    public var steps: [Step]
    public var waiting: [Waiting]
    /// Deactivated in the file and not in the workspace: inviting them would
    /// let in someone the file says must not be in, so they are left out.
    public var notInvited: [EmailAddress]
    /// The operator, when `--prune` would remove them: a roster never removes whoever applies it.
    public var keptOperator: EmailAddress?

    public init(steps: [Step] = [], waiting: [Waiting] = [], notInvited: [EmailAddress] = [], keptOperator: EmailAddress? = nil) {
        self.steps = steps; self.waiting = waiting; self.notInvited = notInvited; self.keptOperator = keptOperator
    }

    public var commands: [TeamCommand] { steps.map(\.command) }

    /// "1 inbox added, 2 invitations, 1 member removed", in plan order.
    public var counts: String {
        let byKind = Dictionary(grouping: steps, by: \.kind).mapValues(\.count)
        return byKind.keys.sorted().compactMap { kind in byKind[kind].map(kind.counted) }.joined(separator: ", ")
    }
}
