import TeamCore

/// What one flush did.
public struct FlushReport: Sendable, Equatable {
    public struct Delivery: Sendable, Equatable {
        public var id: MailID
        public var recipient: String
        /// Where it went, or why it failed.
        public var detail: String
    }

    public var delivered: [Delivery] = []
    public var failed: [Delivery] = []
    public var lost: [MailID] = []
    /// Mails the spool would not give up now (counted as failed attempts).
    public var unreadable: [MailID] = []
    /// Mails refused because their spooled message is not what was queued.
    public var tampered: [MailID] = []
    /// Due mails this login cannot read, by the login that queued them.
    public var heldByOtherLogins: [String: Int] = [:]

    public init() {}
}

/// The delivery loop: claims due mails a batch at a time, hands each to the
/// transport outside any transaction (a slow relay never holds the
/// workspace's write lock), then records the outcome.
public struct MailDeliverer {
    let outbox: any MailOutbox
    let transport: any MailTransport

    public init(outbox: any MailOutbox, transport: any MailTransport) {
        self.outbox = outbox; self.transport = transport
    }

    /// The deliverer for the operator's config; `searchPath` finds a bare sendmail command name.
    public init(outbox: any MailOutbox, config: ClerkConfig, searchPath: String?) {
        self.init(outbox: outbox, transport: config.makeTransport(searchPath: searchPath))
    }

    /// Delivers what is due (or, with `ignoreBackoff`, everything queued),
    /// optionally only the given mails. Each mail is tried once per flush.
    public func flush(ids: Set<MailID>? = nil, ignoreBackoff: Bool = false, batch: Int = 200) throws -> FlushReport {
        var report = FlushReport()
        var cursor: MailID = 0
        while true {
            let claim = try outbox.claimMail(MailSelection(ids: ids, ignoreBackoff: ignoreBackoff, limit: batch, afterID: cursor))
            if cursor == 0 { report.heldByOtherLogins = claim.heldByOtherLogins }
            report.lost += claim.lost
            report.unreadable += claim.skipped
            report.tampered += claim.tampered
            for mail in claim.mails {
                let outcome: DeliveryOutcome
                do {
                    outcome = .delivered(try transport.deliver(mail))
                } catch {
                    // What the transport said may repeat the message, token included.
                    outcome = .failed(MailRedaction.redact(error.message, message: mail.message))
                }
                try outbox.recordDelivery(mail.id, outcome)
                switch outcome {
                case .delivered(let detail):
                    report.delivered.append(.init(id: mail.id, recipient: mail.recipient, detail: detail))
                case .failed(let reason):
                    report.failed.append(.init(id: mail.id, recipient: mail.recipient, detail: reason))
                }
            }
            guard claim.lastID > cursor else { return report }
            cursor = claim.lastID
        }
    }
}
