/// The workspace's billing settings and seats, as `billing show` prints them.
public struct BillingSummary: Sendable, Equatable {
    /// The plan's name; nil when none was set.
    public var plan: String?
    /// Who receives invoices; nil when none was set.
    public var contact: EmailAddress?
    public var seats: SeatUsage
    /// The workspace row's version (moves with every billing or settings change).
    public var version: Int64

    public init(plan: String?, contact: EmailAddress?, seats: SeatUsage, version: Int64) {
        self.plan = plan; self.contact = contact; self.seats = seats; self.version = version
    }
}

/// What `billing set` changes; nil fields stay as they are.
public struct BillingUpdate: Sendable, Equatable {
    public var plan: DisplayName?
    /// `.some(nil)` removes the limit.
    public var seatLimit: Int??
    public var contact: EmailAddress?

    public init(plan: DisplayName? = nil, seatLimit: Int?? = nil, contact: EmailAddress? = nil) {
        self.plan = plan; self.seatLimit = seatLimit; self.contact = contact
    }

    public var isEmpty: Bool { plan == nil && seatLimit == nil && contact == nil }
}
