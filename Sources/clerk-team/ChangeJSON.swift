import ArgumentParser
import JSONText
import TeamCore
import TeamStore

/// `--json` for every command that changes something.
struct ChangeOutput: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Print JSON: {\"changed\": false} when nothing changed, else {\"changed\": true, \"message\", and the changed object with its new version}.",
        discussion: "The object is under \"member\", \"inbox\", \"group\", \"roles\", \"invitation\", \"invite_expiry_days\", \"billing\", \"contact\" or \"property\"; a removed one under \"removed\"."))
    var json = false
}

/// The changed object as the reading commands' `--json` shows it, read
/// again after the change, so its `version` is the new one to pass to
/// `--expect-version`. Keys always in this order.
enum ChangeJSON {
    static func render(_ workspace: SQLiteWorkspace, _ command: TeamCommand, _ outcome: CommandOutcome) throws -> JSONText.Value {
        guard outcome.changed else { return .object([("changed", .bool(false))]) }
        return .object([("changed", .bool(true)), ("message", .string(outcome.message)),
                        try changed(workspace, command, outcome)])
    }

    static func changed(_ workspace: SQLiteWorkspace, _ command: TeamCommand,
                        _ outcome: CommandOutcome) throws -> (String, JSONText.Value) {
        switch command {
        case .setRole(let email, _, _), .renameMember(let email, _, _), .deactivate(let email, _), .reactivate(let email, _),
             .assign(let email, _), .unassign(let email, _), .grantPermission(let email, _, _),
             .revokePermission(let email, _, _), .resetPermission(let email, _, _):
            return ("member", JSONViews.memberDetail(try workspace.member(email)))
        case .removeMember(let email, _):
            return ("removed", .object([("member", .string(email.value))]))
        case .addInbox(let phone, _, _), .renameInbox(let phone, _, _), .setInboxVisibility(let phone, _, _):
            let inbox = try workspace.inboxes().first { $0.inbox.phone == phone }
            return ("inbox", inbox.map(JSONViews.inbox) ?? .null)
        case .removeInbox(let phone, _):
            return ("removed", .object([("inbox", .string(phone.value))]))
        case .createGroup(let name), .renameGroup(_, let name, _), .addToGroup(let name, _, _),
             .removeFromGroup(let name, _, _), .grantToGroup(let name, _, _), .revokeFromGroup(let name, _, _):
            return ("group", PermissionJSON.groupDetail(try workspace.group(name)))
        case .deleteGroup(let name, _):
            return ("removed", .object([("group", .string(name.value))]))
        case .setRoleDefaults, .resetRoleDefaults:
            return ("roles", PermissionJSON.roles(try workspace.roleMatrix()))
        case .invite, .resendInvitation, .revokeInvitation:
            return ("invitation", outcome.invitation.map(JSONViews.invitation) ?? .null)
        case .assignGroup(_, let phone), .unassignGroup(_, let phone):
            let inbox = try workspace.inboxes().first { $0.inbox.phone == phone }
            return ("inbox", inbox.map(JSONViews.inbox) ?? .null)
        case .signReview:
            let signOff = try workspace.accessReview(since: nil).lastSignOff
            return ("sign_off", signOff.map(AccessReviewJSON.signOff) ?? .null)
        case .revert(let id):
            return ("reverted", .int(id))
        case .setInviteExpiry(let days):
            return ("invite_expiry_days", .int(Int64(days)))
        case .setBilling:
            return ("billing", ContactJSON.billing(try workspace.billing()))
        case .addProperty(let name, _, _), .renameProperty(_, let name, _), .setPropertyChoices(let name, _, _, _):
            let property = try workspace.contactListing().properties.first { DisplayName.key($0.name) == DisplayName.key(name.value) }
            return ("property", property.map(ContactJSON.property) ?? .null)
        case .removeProperty(let name, _):
            return ("removed", .object([("property", .string(name.value))]))
        case .addContact(let phone, _, _):
            return ("contact", ContactJSON.contact(try workspace.contact(phone)))
        case .editContact(let phone, _, let newPhone, _, _):
            return ("contact", ContactJSON.contact(try workspace.contact(newPhone ?? phone)))
        case .removeContact(let phone, _):
            return ("removed", .object([("contact", .string(phone.value))]))
        case .deleteMessage(let id):
            return ("removed", .object([("message", .int(id))]))
        case .deleteThread(let inbox, let contact):
            return ("removed", .object([("thread", .object([("inbox", .string(inbox.value)), ("contact", .string(contact.value))]))]))
        }
    }
}
