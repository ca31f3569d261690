/// Row identifiers are SQLite rowids; the core never interprets them.
public typealias MemberID = Int64
public typealias InboxID = Int64

public enum MemberStatus: String, Sendable, Codable, CaseIterable {
    case active
    case deactivated
}

/// Public = shared inbox (many members); private = individual inbox.
public enum InboxVisibility: String, Sendable, Codable, CaseIterable {
    case `public`
    case `private`

    public static func parse(_ text: String) throws(ValidationError) -> InboxVisibility {
        switch text.lowercased() {
        case "public", "shared": return .public
        case "private", "individual": return .private
        default: throw ValidationError(field: "visibility", message: "unknown visibility '\(text)'; expected public or private")
        }
    }
}

/// A person in the workspace.
public struct Member: Sendable, Equatable, Identifiable {
    public var id: MemberID
    public var email: EmailAddress
    public var name: String
    public var role: Role
    /// The OS login bound to this member, if any (SPEC §4.8).
    public var login: String?
    public var status: MemberStatus
    /// Bumped on every change, so an edit based on an older view is refused.
    public var version: Int64

    public init(id: MemberID, email: EmailAddress, name: String, role: Role, login: String?,
                status: MemberStatus, version: Int64) {
        self.id = id; self.email = email; self.name = name; self.role = role
        self.login = login; self.status = status; self.version = version
    }

    public var isActive: Bool { status == .active }
}

/// A phone-number inbox.
public struct Inbox: Sendable, Equatable, Identifiable {
    public var id: InboxID
    public var phone: PhoneNumber
    public var name: String
    public var visibility: InboxVisibility
    public var version: Int64
    /// The number as people write it (`+1 415-555-0102`) and its region (`US`),
    /// when the store could work them out; front ends fall back to the E.164 text.
    public var formatted: String?
    public var region: String?

    public init(id: InboxID, phone: PhoneNumber, name: String, visibility: InboxVisibility, version: Int64,
                formatted: String? = nil, region: String? = nil) {
        self.id = id; self.phone = phone; self.name = name; self.visibility = visibility; self.version = version
        self.formatted = formatted; self.region = region
    }

    /// The number for people: formatted if known.
    public var displayPhone: String { formatted ?? phone.value }
}

public enum InvitationStatus: String, Sendable, Codable, CaseIterable {
    case pending, accepted, revoked, expired
}

/// An invitation to join: the token itself is never stored, only its hash.
public struct Invitation: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var email: EmailAddress
    public var role: Role
    public var inboxes: [PhoneNumber]
    public var invitedBy: MemberID?
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    public var status: InvitationStatus

    public init(id: Int64, email: EmailAddress, role: Role, inboxes: [PhoneNumber], invitedBy: MemberID?,
                createdAt: Timestamp, expiresAt: Timestamp, status: InvitationStatus) {
        self.id = id; self.email = email; self.role = role; self.inboxes = inboxes
        self.invitedBy = invitedBy; self.createdAt = createdAt; self.expiresAt = expiresAt; self.status = status
    }
}

/// A per-member grant or revoke of one permission.
public struct Override: Sendable, Equatable, Hashable {
    public enum Effect: String, Sendable, Codable { case grant, revoke }
    public var permission: Permission
    public var effect: Effect

    public init(permission: Permission, effect: Effect) {
        self.permission = permission; self.effect = effect
    }
}

/// A named set of members holding extra permission grants.
public struct Group: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var grants: Set<Permission>

    public init(id: Int64, name: String, grants: Set<Permission>) {
        self.id = id; self.name = name; self.grants = grants
    }
}

/// Seconds since the Unix epoch, UTC. Printed as ISO 8601.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// `2026-11-29T02:46:16Z`
    public var description: String { iso8601 }

    public var iso8601: String {
        // Civil-from-days (Howard Hinnant), so no locale or calendar object is involved.
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secs = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))Z"
    }
}
