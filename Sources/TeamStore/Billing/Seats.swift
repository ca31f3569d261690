import TeamCore

/// Reads what ``SeatRule`` needs and asks it: the one way invite, import,
/// accept, reactivate and `billing set` check the seat limit.
extension SQLiteWorkspace {
    /// Seats held and reserved, and the limit. Counting walks every active
    /// member and pending invitation, so without a limit nothing is counted
    /// unless `counting` (for showing them).
    func seatUsage(now: Timestamp, counting: Bool = false) throws -> SeatUsage {
        let limit = try seatLimit()
        guard limit != nil || counting else { return SeatUsage(active: 0, pending: 0, limit: nil) }
        let active = Int(try db.scalarInt(HotQueries.activeMemberCount))
        let pending = Int(try db.scalarInt(HotQueries.livePendingInvitationCount, [now.seconds]))
        return SeatUsage(active: active, pending: pending, limit: limit)
    }

    /// Throws ``TeamError/refused(_:)`` (rule `seat-limit`) when `change` does not fit.
    func requireSeats(_ change: SeatChange, now: Timestamp) throws {
        if case .setLimit = change {} else if try seatLimit() == nil { return }
        if let refusal = SeatRule.refusal(change, try seatUsage(now: now, counting: true)) {
            throw TeamError.refused(refusal)
        }
    }

    /// The workspace's seat limit (nil: none). Cheap, unlike counting the seats taken.
    func seatLimit() throws -> Int? {
        let stored = try db.first("SELECT seat_limit FROM workspace WHERE id = 1") { $0.optionalInt(0) } ?? nil
        return stored.map { Int($0) }
    }
}
