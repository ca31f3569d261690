/// Who is running a command, as established by the front end (SPEC §4.8).
public struct OperatorIdentity: Sendable, Equatable {
    /// The OS login of the effective user.
    public var osLogin: String
    /// The member chosen with `--as`, only after `mayActAs` allowed it.
    public var asEmail: EmailAddress?
    public var interface: Interface

    public init(osLogin: String, asEmail: EmailAddress? = nil, interface: Interface) {
        self.osLogin = osLogin; self.asEmail = asEmail; self.interface = interface
    }

    /// `--as` is honoured only for the superuser or the owner of the workspace
    /// file: both could edit the file directly anyway, so it grants nothing new.
    public static func mayActAs(effectiveUID: UInt32, fileOwnerUID: UInt32?) -> Bool {
        effectiveUID == 0 || fileOwnerUID == effectiveUID
    }
}

/// The acting member, resolved inside a transaction.
public struct OperatorContext: Sendable, Equatable {
    public var member: Member
    public var permissions: Set<Permission>
    public var assignedInboxes: Set<InboxID>
    public var identity: OperatorIdentity

    public init(member: Member, permissions: Set<Permission>, assignedInboxes: Set<InboxID>,
                identity: OperatorIdentity) {
        self.member = member; self.permissions = permissions
        self.assignedInboxes = assignedInboxes; self.identity = identity
    }

    public var facts: ActorFacts {
        ActorFacts(id: member.id, role: member.role, status: member.status,
                   permissions: permissions, assignedInboxes: assignedInboxes)
    }
}
