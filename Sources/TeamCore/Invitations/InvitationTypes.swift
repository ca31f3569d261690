import Foundation

/// How a command names an invitation: by its number (`12` or `#12`) or by
/// the invitee's email (then the most recent invitation for that email).
public enum InvitationRef: Sendable, Equatable, CustomStringConvertible {
    case id(Int64)
    case email(EmailAddress)

    public static func parse(_ text: String) throws(ValidationError) -> InvitationRef {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(digits) {
            return .id(id)
        }
        do {
            return .email(try EmailAddress(trimmed))
        } catch {
            throw ValidationError(field: "invitation",
                message: "'\(text)' is neither an invitation number nor an email address")
        }
    }

    public var description: String {
        switch self {
        case .id(let id): "invitation #\(id)"
        case .email(let email): "the invitation for \(email)"
        }
    }
}

/// An invitation as listed: who sent it and how its mail is doing.
public struct InvitationSummary: Sendable, Equatable {
    /// `status` is the effective one: a pending invitation past its expiry reads `expired`.
    public var invitation: Invitation
    public var invitedByEmail: EmailAddress?
    /// Delivery state of the invitation's latest mail (nil if none was queued).
    public var mail: MailState?
    public var mailError: String?

    public init(invitation: Invitation, invitedByEmail: EmailAddress?, mail: MailState?, mailError: String?) {
        self.invitation = invitation; self.invitedByEmail = invitedByEmail
        self.mail = mail; self.mailError = mailError
    }
}

/// The invitations as listed, and the rows that could not be read: one bad
/// row (a file edited by hand) is named here instead of hiding the others.
public struct InvitationListing: Sendable, Equatable {
    public var invitations: [InvitationSummary]
    /// One sentence per unreadable row, naming it ("invitation #12 holds …").
    public var problems: [String]

    public init(invitations: [InvitationSummary], problems: [String]) {
        self.invitations = invitations; self.problems = problems
    }
}

/// `accept TOKEN`: the token as typed, the member's display name, and the
/// OS login to bind (the caller's own, or another one when the superuser
/// provisions on someone's behalf).
public struct AcceptRequest: Sendable, Equatable {
    public var token: String
    public var name: DisplayName?
    public var login: String

    public init(token: String, name: DisplayName?, login: String) {
        self.token = token; self.name = name; self.login = login
    }
}

/// What accepting did: the new member and where they were put.
public struct AcceptOutcome: Sendable, Equatable {
    public var member: Member
    public var workspaceName: String
    public var inboxes: [PhoneNumber]
    /// Inboxes named in the invitation that were removed before it was accepted.
    public var skippedInboxes: [PhoneNumber]

    public init(member: Member, workspaceName: String, inboxes: [PhoneNumber], skippedInboxes: [PhoneNumber]) {
        self.member = member; self.workspaceName = workspaceName
        self.inboxes = inboxes; self.skippedInboxes = skippedInboxes
    }
}

/// One row of a bulk invitation (CSV), with the line it starts on.
public struct InvitationRow: Sendable, Equatable {
    public var line: Int
    public var email: EmailAddress
    public var role: Role
    public var inboxes: [PhoneNumber]

    public init(line: Int, email: EmailAddress, role: Role, inboxes: [PhoneNumber]) {
        self.line = line; self.email = email; self.role = role; self.inboxes = inboxes
    }
}

/// A problem with one line of an input file.
public struct LineError: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) { self.line = line; self.message = message }

    /// `line 0` stands for the file as a whole.
    public var description: String { line > 0 ? "line \(line): \(message)" : message }

    public static func < (lhs: LineError, rhs: LineError) -> Bool {
        (lhs.line, lhs.message) < (rhs.line, rhs.message)
    }
}

/// The result of a bulk invitation: either every row was (or, in a dry run,
/// would be) invited, or `errors` lists every problem and nothing changed.
public struct ImportReport: Sendable, Equatable {
    public var rows: [InvitationRow]
    public var errors: [LineError]
    /// True when the invitations were stored (not a dry run, no errors).
    public var applied: Bool
    /// Mails queued by the import, which the front end may deliver at once.
    public var queuedMail: [MailID]

    public init(rows: [InvitationRow], errors: [LineError], applied: Bool, queuedMail: [MailID]) {
        self.rows = rows; self.errors = errors; self.applied = applied; self.queuedMail = queuedMail
    }
}

/// Rules of the invitation lifecycle that do not depend on the actor (those
/// live in ``Guard``): expiry, the one answer for unusable tokens, and who
/// may bind a login other than their own.
public enum InvitationRules {
    public static let defaultExpiryDays = 7
    public static let expiryDaysRange = 1...365

    /// A token is valid while `now < expiresAt`; at the boundary it is expired.
    public static func isExpired(expiresAt: Timestamp, now: Timestamp) -> Bool {
        now >= expiresAt
    }

    /// The status a person should see: pending past its expiry reads `expired`.
    public static func effectiveStatus(_ stored: InvitationStatus, expiresAt: Timestamp,
                                       now: Timestamp) -> InvitationStatus {
        stored == .pending && isExpired(expiresAt: expiresAt, now: now) ? .expired : stored
    }

    public static func expiry(from now: Timestamp, days: Int) -> Timestamp {
        Timestamp(seconds: now.seconds + Int64(days) * 86_400)
    }

    public static func validateExpiryDays(_ days: Int) throws(ValidationError) -> Int {
        guard expiryDaysRange.contains(days) else {
            throw ValidationError(field: "expiry",
                message: "invitations must expire after \(expiryDaysRange.lowerBound) to \(expiryDaysRange.upperBound) days, not \(days)")
        }
        return days
    }

    /// Unknown, mistyped, used, revoked and expired tokens all get these
    /// words, so that trying tokens tells an attacker nothing.
    public static let unusableToken =
        "this invitation token cannot be used: it is mistyped, already used, revoked or expired; ask for a new invitation"

    /// `accept --login` binds someone else's login: only the superuser may,
    /// as the one who provisions accounts on the machine anyway.
    public static func mayBindOtherLogin(effectiveUID: UInt32) -> Bool { effectiveUID == 0 }
}
