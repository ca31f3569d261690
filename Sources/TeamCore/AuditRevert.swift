import Foundation

/// Undoing one audited change (`audit revert ID`): the inverse command, and
/// what must still be true now for the inverse to be the undo of that change
/// (the change's `after`). Pure: the store checks the expectation against the
/// rows inside the write transaction and asks the guard about the inverse.
public enum AuditRevert {
    /// What the change left, which must still hold for it to be undone.
    public enum Expectation: Sendable, Equatable {
        case role(EmailAddress, Role)
        case memberName(EmailAddress, String)
        case status(EmailAddress, MemberStatus)
        /// Directly assigned (true) or not.
        case assigned(EmailAddress, PhoneNumber, Bool)
        case override(EmailAddress, Permission, Override.Effect?)
        case inGroup(EmailAddress, group: String, Bool)
        case inboxName(PhoneNumber, String)
        case inboxVisibility(PhoneNumber, InboxVisibility)
        case groupOnInbox(group: String, PhoneNumber, Bool)
        case groupGrants(group: String, Permission, Bool)
    }

    public struct Inverse: Sendable, Equatable {
        public var command: TeamCommand
        public var expectation: Expectation
        /// The inverse in words: "set ann@example.com's role back to agent (now manager)".
        public var sentence: String
    }

    /// The inverse of `event`, or why it has none.
    public static func inverse(of event: AuditEvent) -> Result<Inverse, NotInvertible> {
        do { return .success(try make(event)) } catch { return .failure(error) }
    }

    /// Why a change cannot be undone from the log.
    public struct NotInvertible: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    private static func make(_ event: AuditEvent) throws(NotInvertible) -> Inverse {
        guard event.outcome == .done else {
            throw NotInvertible(reason: "it is a refused change, which changed nothing")
        }
        let before = fields(event.before), after = fields(event.after)
        let target = event.target
        switch event.action {
        case "member.set-role":
            let email = try email(target)
            let old = try role(before["role"]), new = try role(after["role"])
            return Inverse(command: .setRole(member: email, role: old), expectation: .role(email, new),
                           sentence: "set \(email)'s role back to \(old.rawValue) (now \(new.rawValue))")
        case "member.rename":
            let email = try email(target)
            let old = try text(before["name"], "name"), new = try text(after["name"], "name")
            return Inverse(command: .renameMember(member: email, name: try displayName(old)), expectation: .memberName(email, new),
                           sentence: "rename \(email) back to '\(old)' (now '\(new)')")
        case "member.deactivate":
            let email = try email(target)
            return Inverse(command: .reactivate(member: email), expectation: .status(email, .deactivated),
                           sentence: "reactivate \(email)")
        case "member.reactivate":
            let email = try email(target)
            return Inverse(command: .deactivate(member: email), expectation: .status(email, .active),
                           sentence: "deactivate \(email) again")
        case "inbox.assign", "inbox.unassign":
            let email = try email(target)
            let phone = try phone(after["inbox"])
            let assigned = event.action == "inbox.assign"
            return Inverse(command: assigned ? .unassign(member: email, inbox: phone) : .assign(member: email, inbox: phone),
                           expectation: .assigned(email, phone, assigned),
                           sentence: assigned ? "unassign \(email) from \(phone)" : "assign \(email) to \(phone) again")
        case "permission.grant", "permission.revoke", "permission.reset":
            let email = try email(target)
            let permission = try permission(after["permission"])
            let old = try effect(before["override"]), new = try effect(after["override"])
            let command: TeamCommand = switch old {
            case .grant: .grantPermission(member: email, permission: permission)
            case .revoke: .revokePermission(member: email, permission: permission)
            case nil: .resetPermission(member: email, permission: permission)
            }
            let what = old.map { "put back \(email)'s \($0.rawValue) override of \(permission.rawValue)" }
                ?? "drop \(email)'s \(new?.rawValue ?? "") override of \(permission.rawValue)"
            return Inverse(command: command, expectation: .override(email, permission, new), sentence: what)
        case "group.add-member", "group.remove-member":
            let email = try email(target)
            let adding = event.action == "group.add-member"
            let group = try groupOfMembership(before, after, adding: adding)
            let name = try displayName(group)
            return Inverse(command: adding ? .removeFromGroup(group: name, member: email) : .addToGroup(group: name, member: email),
                           expectation: .inGroup(email, group: group, adding),
                           sentence: adding ? "take \(email) out of group '\(group)'" : "put \(email) back into group '\(group)'")
        case "group.grant", "group.revoke":
            let granting = event.action == "group.grant"
            let old = try permissions(before["grants"]), new = try permissions(after["grants"])
            guard let permission = new.symmetricDifference(old).first else {
                throw NotInvertible(reason: "its record does not say which permission changed")
            }
            let name = try displayName(target)
            return Inverse(command: granting ? .revokeFromGroup(group: name, permission: permission)
                                             : .grantToGroup(group: name, permission: permission),
                           expectation: .groupGrants(group: target, permission, granting),
                           sentence: granting ? "group '\(target)' stops granting \(permission.rawValue)"
                                              : "group '\(target)' grants \(permission.rawValue) again")
        case "inbox.rename":
            let phone = try phone(target)
            let old = try text(before["name"], "name"), new = try text(after["name"], "name")
            return Inverse(command: .renameInbox(phone: phone, name: try displayName(old)), expectation: .inboxName(phone, new),
                           sentence: "rename inbox \(phone) back to '\(old)' (now '\(new)')")
        case "inbox.set-visibility":
            let phone = try phone(target)
            let old = try visibility(before["visibility"]), new = try visibility(after["visibility"])
            return Inverse(command: .setInboxVisibility(phone: phone, visibility: old), expectation: .inboxVisibility(phone, new),
                           sentence: "make inbox \(phone) \(old.rawValue) again (now \(new.rawValue))")
        case "inbox.assign-group", "inbox.unassign-group":
            let phone = try phone(target)
            let group = try text(after["group"], "group")
            let on = event.action == "inbox.assign-group"
            let name = try displayName(group)
            return Inverse(command: on ? .unassignGroup(group: name, inbox: phone) : .assignGroup(group: name, inbox: phone),
                           expectation: .groupOnInbox(group: group, phone, on),
                           sentence: on ? "take group '\(group)' off inbox \(phone)" : "put group '\(group)' back on inbox \(phone)")
        case "member.remove", "inbox.remove", "group.delete":
            throw NotInvertible(reason: "it removed something whose data is gone (its id, history and links); add it again by hand")
        case "invitation.accept":
            throw NotInvertible(reason: "an accepted invitation cannot be taken back; deactivate or remove the member instead")
        case let action where action.hasPrefix("invitation."):
            throw NotInvertible(reason: "invitations are not undone from the log; revoke or resend the invitation instead")
        default:
            throw NotInvertible(reason: "'\(event.action)' changes are not undone from the log")
        }
    }

    // MARK: - Reading the recorded values

    private static func fields(_ json: String?) -> [String: Any] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        return object
    }

    private static func unreadable(_ what: String) -> NotInvertible {
        NotInvertible(reason: "its record has no readable \(what)")
    }

    private static func text(_ value: Any?, _ what: String) throws(NotInvertible) -> String {
        guard let text = value as? String else { throw unreadable(what) }
        return text
    }

    private static func email(_ text: String) throws(NotInvertible) -> EmailAddress {
        guard let email = try? EmailAddress(text) else { throw unreadable("member email") }
        return email
    }

    private static func phone(_ value: Any?) throws(NotInvertible) -> PhoneNumber {
        guard let text = value as? String, let phone = try? PhoneNumber(text) else { throw unreadable("inbox number") }
        return phone
    }

    private static func role(_ value: Any?) throws(NotInvertible) -> Role {
        guard let text = value as? String, let role = Role(rawValue: text) else { throw unreadable("role") }
        return role
    }

    private static func permission(_ value: Any?) throws(NotInvertible) -> Permission {
        guard let text = value as? String, let permission = Permission(rawValue: text) else { throw unreadable("permission") }
        return permission
    }

    private static func permissions(_ value: Any?) throws(NotInvertible) -> Set<Permission> {
        guard let list = value as? [String] else { throw unreadable("grants") }
        return Set(list.compactMap(Permission.init(rawValue:)))
    }

    private static func effect(_ value: Any?) throws(NotInvertible) -> Override.Effect? {
        if value == nil || value is NSNull { return nil }
        guard let text = value as? String, let effect = Override.Effect(rawValue: text) else { throw unreadable("override") }
        return effect
    }

    private static func visibility(_ value: Any?) throws(NotInvertible) -> InboxVisibility {
        guard let text = value as? String, let visibility = InboxVisibility(rawValue: text) else { throw unreadable("visibility") }
        return visibility
    }

    private static func displayName(_ text: String) throws(NotInvertible) -> DisplayName {
        guard let name = try? DisplayName(text) else { throw unreadable("name") }
        return name
    }

    /// The group a membership change was about: recorded since groups on
    /// inboxes came; before that, the one name in which the two lists differ.
    private static func groupOfMembership(_ before: [String: Any], _ after: [String: Any],
                                          adding: Bool) throws(NotInvertible) -> String {
        if let group = after["group"] as? String { return group }
        let old = Set(before["groups"] as? [String] ?? []), new = Set(after["groups"] as? [String] ?? [])
        guard let group = (adding ? new.subtracting(old) : old.subtracting(new)).first else { throw unreadable("group") }
        return group
    }
}

/// What `audit revert ID --dry-run` (and the interface's confirmation)
/// shows: the change, its inverse and the guard's answer about it now.
public struct RevertPreview: Sendable, Equatable {
    public var event: AuditEvent
    public var inverse: TeamCommand
    public var sentence: String
    public var decision: GuardDecision

    public init(event: AuditEvent, inverse: TeamCommand, sentence: String, decision: GuardDecision) {
        self.event = event; self.inverse = inverse; self.sentence = sentence; self.decision = decision
    }
}
