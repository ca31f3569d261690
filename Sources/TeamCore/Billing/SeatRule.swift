/// How many seats are taken, and the limit (nil: no limit).
///
/// A seat is held by an active member, and reserved by a live pending
/// invitation (so that everyone invited can join).
public struct SeatUsage: Sendable, Equatable {
    public var active: Int
    public var pending: Int
    public var limit: Int?

    public init(active: Int, pending: Int, limit: Int?) {
        self.active = active; self.pending = pending; self.limit = limit
    }

    /// Seats held or reserved.
    public var taken: Int { active + pending }

    /// For a header: "seats 44/50", the seats taken (held or reserved, as
    /// ``SeatRule`` counts them when it refuses an invitation) of the limit;
    /// nil without a limit, where the member count says it all. The billing
    /// view splits it into active members and pending invitations.
    public var label: String? {
        limit.map { "seats \(taken)/\($0)" }
    }
}

/// A change that needs seats, or changes how many there are.
public enum SeatChange: Sendable, Equatable {
    /// `count` new invitations, `replacing` pending ones (re-inviting an email frees its old reservation).
    case invite(count: Int, replacing: Int)
    /// One more active member: an invitation accepted, a member reactivated.
    case join
    /// A new limit (nil: none).
    case setLimit(Int?)
}

/// The seat limit: ONE rule for invite, import, accept, reactivate and
/// changing the limit. Invitations must fit with every seat held or
/// reserved; a member joining must fit among the active members (an
/// invitation made before the limit was lowered may find no seat); the
/// limit may not go below the active members, who cannot be made to leave.
public enum SeatRule {
    public static let smallest = 1
    public static let largest = 1_000_000

    /// nil when `change` fits; otherwise the refusal, with the numbers.
    public static func refusal(_ change: SeatChange, _ usage: SeatUsage) -> Refusal? {
        switch change {
        case .setLimit(let limit):
            guard let limit, limit < usage.active else { return nil }
            return Refusal(rule: .seatLimit,
                message: "cannot lower the seat limit to \(limit): \(counted(usage.active, "member is", "members are")) active; deactivate \(usage.active - limit) first")
        case .invite(let count, let replacing):
            guard let limit = usage.limit else { return nil }
            let free = max(0, limit - usage.taken + replacing)
            guard count > free else { return nil }
            let what = count == 1 ? "" : "inviting \(count) people needs \(count) seats, but "
            return Refusal(rule: .seatLimit,
                message: "\(what)\(free == 0 ? "all" : "only \(free) of") \(limit) seats are \(free == 0 ? "taken" : "free") (\(counted(usage.active, "active member")), \(counted(usage.pending, "pending invitation"))); raise the seat limit or revoke an invitation first")
        case .join:
            guard let limit = usage.limit, usage.active + 1 > limit else { return nil }
            return Refusal(rule: .seatLimit,
                message: "all \(limit) seats are taken by active members (\(usage.active)); raise the seat limit or deactivate someone first")
        }
    }

    /// Throws the refusal, if any.
    public static func check(_ change: SeatChange, _ usage: SeatUsage) throws(Refusal) {
        if let refusal = refusal(change, usage) { throw refusal }
    }

    /// A limit as typed: a whole number in range, or `none`.
    public static func parseLimit(_ text: String) throws(ValidationError) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if ["none", "unlimited"].contains(trimmed) { return nil }
        guard let value = Int(trimmed), (smallest...largest).contains(value) else {
            throw ValidationError(field: "seats",
                message: "'\(text)' is not a seat limit; give a whole number from \(smallest) to \(largest), or none")
        }
        return value
    }
}
