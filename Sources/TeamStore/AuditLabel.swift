import TeamCore

/// The audit action and target a command is recorded under: the same names
/// its audit event has when it is carried out, so a refusal reads beside them.
enum AuditLabel {
    static func of(_ command: TeamCommand) -> (action: String, target: String) {
        switch command {
        case .setRole(let email, _, _): ("member.set-role", email.value)
        case .renameMember(let email, _, _): ("member.rename", email.value)
        case .deactivate(let email, _): ("member.deactivate", email.value)
        case .reactivate(let email, _): ("member.reactivate", email.value)
        case .removeMember(let email, _): ("member.remove", email.value)
        case .assign(let email, _): ("inbox.assign", email.value)
        case .unassign(let email, _): ("inbox.unassign", email.value)
        case .addInbox(let phone, _, _): ("inbox.add", phone.value)
        case .renameInbox(let phone, _, _): ("inbox.rename", phone.value)
        case .setInboxVisibility(let phone, _, _): ("inbox.set-visibility", phone.value)
        case .removeInbox(let phone, _): ("inbox.remove", phone.value)
        case .invite(let email, _, _): ("invitation.create", email.value)
        case .resendInvitation(let ref): ("invitation.resend", ref.description)
        case .revokeInvitation(let ref): ("invitation.revoke", ref.description)
        case .setInviteExpiry: ("workspace.set-invite-expiry", "")
        case .grantPermission(let email, let permission, _): ("permission.grant", "\(email.value) \(permission.rawValue)")
        case .revokePermission(let email, let permission, _): ("permission.revoke", "\(email.value) \(permission.rawValue)")
        case .resetPermission(let email, let permission, _): ("permission.reset", "\(email.value) \(permission.rawValue)")
        case .createGroup(let name): ("group.create", name.value)
        case .renameGroup(let group, _, _): ("group.rename", group.value)
        case .deleteGroup(let group, _): ("group.delete", group.value)
        case .addToGroup(let group, let email, _): ("group.add-member", "\(group.value) \(email.value)")
        case .removeFromGroup(let group, let email, _): ("group.remove-member", "\(group.value) \(email.value)")
        case .grantToGroup(let group, _, _): ("group.grant", group.value)
        case .revokeFromGroup(let group, _, _): ("group.revoke", group.value)
        case .assignGroup(let group, let phone): ("inbox.assign-group", "\(phone.value) \(group.value)")
        case .unassignGroup(let group, let phone): ("inbox.unassign-group", "\(phone.value) \(group.value)")
        case .signReview(let by, _): ("review.sign", by.value)
        case .revert(let id): ("audit.revert", "#\(id)")
        case .setRoleDefaults(let role, _, _): ("role.set-defaults", role.rawValue)
        case .resetRoleDefaults(let role): ("role.reset-defaults", role?.rawValue ?? "all")
        case .setBilling: ("billing.set", "")
        case .addProperty(let name, _, _): ("property.add", name.value)
        case .renameProperty(let name, _, _): ("property.rename", name.value)
        case .setPropertyChoices(let name, _, _, _): ("property.set-choices", name.value)
        case .removeProperty(let name, _): ("property.remove", name.value)
        case .addContact(let phone, _, _): ("contact.add", phone.value)
        case .editContact(let phone, _, _, _, _): ("contact.edit", phone.value)
        case .removeContact(let phone, _): ("contact.remove", phone.value)
        case .deleteMessage(let id): ("message.delete", "#\(id)")
        case .deleteThread(let inbox, _): ("thread.delete", inbox.value)
        }
    }
}
