import Foundation
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// A workspace on a real file in a temp folder, with one member per role
/// (emails `<role>@acme.test`, logins `<role>-login`), two public and one
/// private inbox.
struct StoreFixture {
    let dir = TempDirectory()
    var path: String { dir.file("workspace.db") }

    static let publicPhone = try! PhoneNumber("+14155550100")
    static let otherPublicPhone = try! PhoneNumber("+14155550101")
    static let privatePhone = try! PhoneNumber("+14155550190")

    static func email(_ role: Role) -> EmailAddress { try! EmailAddress("\(role.rawValue)@acme.test") }
    static func login(_ role: Role) -> String { "\(role.rawValue)-login" }

    init() throws {
        let owner = OperatorIdentity(osLogin: Self.login(.workspaceAdmin), interface: .cli)
        let workspace = try SQLiteWorkspace.create(
            path: dir.file("workspace.db"), name: DisplayName("Acme"), adminEmail: Self.email(.workspaceAdmin),
            adminName: DisplayName("Wanda Admin"), identity: owner, options: StoreOptions())
        try workspace.writing {
            for role in Role.allCases where role != .workspaceAdmin {
                try workspace.insertMember(email: Self.email(role), name: DisplayName("\(role.rawValue) person"),
                                           role: role, login: Self.login(role), status: .active)
            }
        }
        _ = try workspace.perform(.addInbox(phone: Self.publicPhone, name: DisplayName("Support"), visibility: .public))
        _ = try workspace.perform(.addInbox(phone: Self.otherPublicPhone, name: DisplayName("Sales"), visibility: .public))
        _ = try workspace.perform(.addInbox(phone: Self.privatePhone, name: DisplayName("VIP"), visibility: .private))
    }

    /// The workspace as seen by the member of `role`.
    func open(as role: Role, interface: Interface = .cli) throws -> SQLiteWorkspace {
        try SQLiteWorkspace.open(path: path, identity: OperatorIdentity(osLogin: Self.login(role), interface: interface),
                                 options: StoreOptions())
    }

    func fileBytes() -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    func auditCount() throws -> Int { try open(as: .workspaceAdmin).auditEvents(limit: nil).count }
}
