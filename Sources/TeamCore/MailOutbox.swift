/// Row id of a queued mail.
public typealias MailID = Int64

/// Where a queued mail stands. A failed attempt leaves it `queued` with an
/// error and a later `nextAttemptAt`: nothing is dropped.
public enum MailState: String, Sendable, Codable, CaseIterable {
    case queued
    case sent
    /// Its invitation was resent, revoked, accepted or expired first: its token is dead.
    case cancelled
    /// The spooled message vanished (deleted by hand, disk lost); resend the invitation.
    case lost
}

/// One mail as `mail status` shows it. Never holds the message or its token.
public struct MailStatusEntry: Sendable, Equatable {
    public var id: MailID
    public var invitationID: Int64?
    public var recipient: String
    public var subject: String
    public var state: MailState
    public var attempts: Int
    public var createdAt: Timestamp
    public var nextAttemptAt: Timestamp
    public var sentAt: Timestamp?
    public var lastError: String?
    /// The OS login whose process queued it: only it (or the superuser) can read the spooled message.
    public var queuedBy: String
    /// Its spooled message was changed since it was queued: kept queued, never sent.
    public var tampered: Bool

    public init(id: MailID, invitationID: Int64?, recipient: String, subject: String, state: MailState,
                attempts: Int, createdAt: Timestamp, nextAttemptAt: Timestamp, sentAt: Timestamp?,
                lastError: String?, queuedBy: String, tampered: Bool = false) {
        self.id = id; self.invitationID = invitationID; self.recipient = recipient; self.subject = subject
        self.state = state; self.attempts = attempts; self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt; self.sentAt = sentAt; self.lastError = lastError
        self.queuedBy = queuedBy; self.tampered = tampered
    }
}

/// A mail claimed for one delivery attempt: the full message (with its
/// token) exists only in memory and in the spool, never in the database.
public struct QueuedMail: Sendable, Equatable {
    public var id: MailID
    public var recipient: String
    /// RFC 5322 text with LF line ends (local submission convention).
    public var message: String
    /// 1 for the first attempt.
    public var attempt: Int

    public init(id: MailID, recipient: String, message: String, attempt: Int) {
        self.id = id; self.recipient = recipient; self.message = message; self.attempt = attempt
    }
}

/// What a claim found: mails to deliver now, and why others were left.
public struct MailClaim: Sendable, Equatable {
    public var mails: [QueuedMail]
    /// Due mails queued by another login, whose spooled message this one cannot read.
    public var heldByOtherLogins: [String: Int]
    /// Mails found lost (message missing from the spool) during this claim.
    public var lost: [MailID]
    /// Mails whose spooled message could not be read now (counted as a failed attempt).
    public var skipped: [MailID]
    /// Mails whose spooled message is not what was queued (changed, swapped,
    /// not a regular file, someone else's): refused, kept queued, flagged.
    public var tampered: [MailID]

    public init(mails: [QueuedMail], heldByOtherLogins: [String: Int], lost: [MailID], skipped: [MailID] = [],
                tampered: [MailID] = []) {
        self.mails = mails; self.heldByOtherLogins = heldByOtherLogins; self.lost = lost; self.skipped = skipped
        self.tampered = tampered
    }

    /// The highest id this claim looked at (0 if none): where the next claim starts.
    public var lastID: MailID { (mails.map(\.id) + lost + skipped + tampered).max() ?? 0 }
}

public enum DeliveryOutcome: Sendable, Equatable {
    /// Handed to the transport; the text says where (file, command).
    case delivered(String)
    case failed(String)
}

/// Which mails a claim takes.
public struct MailSelection: Sendable, Equatable {
    /// Only these ids (e.g. the mail a command just queued), or all.
    public var ids: Set<MailID>?
    /// Also mails whose retry backoff has not passed yet.
    public var ignoreBackoff: Bool
    public var limit: Int
    /// Only ids above this: a delivery loop walks the queue once, so a mail
    /// that failed in this pass is not tried again in the same pass.
    public var afterID: MailID

    public init(ids: Set<MailID>? = nil, ignoreBackoff: Bool = false, limit: Int = 100, afterID: MailID = 0) {
        self.ids = ids; self.ignoreBackoff = ignoreBackoff; self.limit = limit; self.afterID = afterID
    }
}

/// The queue of outgoing mail, as the delivery loop and `mail status` see it.
/// Claiming leases a mail for a while, so two processes flushing at once
/// do not both send it; a crashed attempt is retried when the lease ends.
public protocol MailOutbox: AnyObject {
    func mailQueue() throws -> [MailStatusEntry]
    func claimMail(_ selection: MailSelection) throws -> MailClaim
    func recordDelivery(_ id: MailID, _ outcome: DeliveryOutcome) throws
}
