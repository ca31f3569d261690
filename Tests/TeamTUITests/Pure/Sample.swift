@testable import TeamCore
@testable import TeamTUI
import TermUI

/// A small team as values: no database, no files. States are built by
/// sending the results the runtime would deliver to the pure `update`.
enum Sample {
    static func email(_ text: String) -> EmailAddress {
        do { return try EmailAddress(text) } catch { fatalError("sample email \(text): \(error)") }
    }

    static func phone(_ text: String) -> PhoneNumber {
        do { return try PhoneNumber(text) } catch { fatalError("sample phone \(text): \(error)") }
    }

    static let people: [(String, String, Role, MemberStatus)] = [
        ("adam@acme.test", "Adam Admin", .admin, .active),
        ("aga@acme.test", "Aga Agent", .agent, .active),
        ("mia@acme.test", "Mia Manager", .manager, .active),
        ("mo@acme.test", "Mo Member", .member, .active),
        ("olive@acme.test", "Olive Owner", .workspaceAdmin, .active),
        ("sam@acme.test", "Sam Sleeper", .member, .deactivated),
    ]

    static let members: [Member] = people.enumerated().map { index, person in
        Member(id: Int64(index + 1), email: email(person.0), name: person.1, role: person.2,
               login: person.0.split(separator: "@").first.map(String.init), status: person.3, version: 1)
    }

    static let inboxes: [Inbox] = [
        Inbox(id: 1, phone: phone("+14155550100"), name: "Support", visibility: .public, version: 1),
        Inbox(id: 2, phone: phone("+14155550101"), name: "Sales", visibility: .public, version: 1),
        Inbox(id: 3, phone: phone("+14155550190"), name: "VIP", visibility: .private, version: 1),
    ]

    static func member(_ address: String) -> Member {
        guard let member = members.first(where: { $0.email.value == address }) else { fatalError("no sample \(address)") }
        return member
    }

    static func summary(_ member: Member) -> MemberSummary {
        MemberSummary(member: member, inboxes: member.email.value == "aga@acme.test" ? [inboxes[0].phone] : [])
    }

    static func session(as address: String) -> SessionSnapshot {
        let op = member(address)
        let context = OperatorContext(member: op, permissions: RoleMatrix.shipped.permissions(of: op.role),
                                      assignedInboxes: [], identity: OperatorIdentity(osLogin: op.login ?? "x", interface: .tui))
        return SessionSnapshot(workspaceName: "Acme", operatorContext: context,
                               facts: WorkspaceFacts(activeWorkspaceAdmins: 1), memberCount: members.count)
    }

    static let contactListing = ContactListing(
        contacts: [
            Contact(id: 1, name: "Ana Lima", phone: phone("+5511955550101"),
                    values: [ContactValue(property: "Tier", value: "gold")], version: 1),
            Contact(id: 2, name: "Siobhán Ní Bhriain", phone: phone("+442079460123"), values: [], version: 1),
            Contact(id: 3, name: "Evil\u{1B}[2J Corp", phone: phone("+14155550177"),
                    values: [ContactValue(property: "Tier", value: "silver\u{1B}[31m")], version: 1),
        ],
        properties: [ContactProperty(id: 1, name: "Tier", type: .choice, choices: ["gold", "silver"], version: 1)])

    static var index: MemberIndex {
        var index = MemberIndex()
        for member in members { index.append(id: member.id, name: member.name, email: member.email.value) }
        return index
    }

    /// The state after start-up, as `address` sees it: session, inboxes, index and every row loaded.
    static func started(as address: String = "olive@acme.test", size: Size = Size(cols: 100, rows: 30),
                        readOnly: ReadOnlyReason? = nil) -> AppState {
        var state = AppState(size: size, glyphs: .unicode, readOnly: readOnly)
        for action: AppAction in [.dataVersionRead(1), .sessionLoaded(session(as: address)),
                                  .inboxesLoaded(inboxes.map { InboxSummary(inbox: $0, members: []) }, withMembers: false),
                                  .indexLoaded(index, .name), .rowsLoaded(members.map(summary))] {
            _ = App.update(&state, action)
        }
        return state
    }
}
