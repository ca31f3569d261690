import JSONText
import TeamCore

/// `billing show` and `billing set`: the plan, the seat limit and the
/// billing contact, kept on the workspace row.
extension SQLiteWorkspace {
    public func billing() throws -> BillingSummary {
        try reading {
            let op = try resolveOperator()
            try check(.viewBilling, op)
            return try billingSummary()
        }
    }

    /// Read inside a transaction, after the guard allowed it.
    func billingSummary() throws -> BillingSummary {
        let row = try db.first("SELECT billing_plan, billing_contact, version FROM workspace WHERE id = 1") {
            ($0.optionalText(0), $0.optionalText(1), $0.int(2))
        }
        guard let row else { throw TeamError.storage("\(path) has no workspace record; was it edited by hand?") }
        return BillingSummary(plan: row.0, contact: row.1.map(EmailAddress.init(stored:)),
                              seats: try seatUsage(now: now(), counting: true), version: row.2)
    }

    /// The seats for the header, only for those who may see billing.
    func sessionSeats(_ op: OperatorContext) throws -> SeatUsage? {
        guard Guard.check(.viewBilling, by: op.facts, in: try workspaceFacts()).isAllowed else { return nil }
        return try seatUsage(now: now(), counting: true)
    }

    func setBilling(_ update: BillingUpdate, _ op: OperatorContext) throws -> CommandOutcome {
        guard !update.isEmpty else {
            throw TeamError.invalid(ValidationError(field: "billing", message: "nothing to change; give --plan, --seats or --contact"))
        }
        let current = try billingSummary()
        var before: AuditValues = [], after: AuditValues = [], said: [String] = []
        var sets: [String] = [], values: [any SQLBindable] = []
        if let plan = update.plan, plan.value != current.plan {
            before.append(("plan", JSONText.Value(current.plan))); after.append(("plan", .string(plan.value)))
            sets.append("billing_plan = ?"); values.append(plan.value)
            said.append("plan \(plan.value)")
        }
        if let limit = update.seatLimit, limit != current.seats.limit {
            try requireSeats(.setLimit(limit), now: now())
            before.append(("seat_limit", current.seats.limit.map { .int(Int64($0)) } ?? .null))
            after.append(("seat_limit", limit.map { .int(Int64($0)) } ?? .null))
            sets.append("seat_limit = ?"); values.append(limit.map(Int64.init))
            said.append(limit.map { "seat limit \($0) (\(current.seats.active) active)" } ?? "no seat limit")
        }
        if let contact = update.contact, contact != current.contact {
            before.append(("contact", JSONText.Value(current.contact?.value))); after.append(("contact", .string(contact.value)))
            sets.append("billing_contact = ?"); values.append(contact.value)
            said.append("billing contact \(contact)")
        }
        guard !sets.isEmpty else { return CommandOutcome(message: "billing is already so", changed: false) }
        try db.run("UPDATE workspace SET \(sets.joined(separator: ", ")), version = version + 1 WHERE id = 1", values)
        try appendAudit(op, action: "billing.set", target: try workspaceName(), before: before, after: after)
        return CommandOutcome(message: "billing: " + said.joined(separator: ", "), changed: true)
    }
}
