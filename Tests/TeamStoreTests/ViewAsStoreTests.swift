import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `--view-as` in the store: the operator context is the viewed one, the
/// handle is read-only, and only a workspace-admin may look.
@Suite(.timeLimit(.minutes(10))) struct ViewAsStoreTests {
    typealias F = StoreFixture

    static func open(_ fixture: StoreFixture, as role: Role, viewing view: ViewAs) throws -> SQLiteWorkspace {
        try SQLiteWorkspace.open(path: fixture.path, identity: OperatorIdentity(osLogin: F.login(role), interface: .tui),
                                 options: StoreOptions(viewAs: view))
    }

    @Test func aRoleIsViewedAsAHypotheticalMemberWithNothingExtra() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        // The real agent is in the private inbox and a group; the hypothetical one is not.
        _ = try owner.perform(.assign(member: F.email(.agent), inbox: F.privatePhone))
        _ = try owner.perform(.setRoleDefaults(role: .agent, adding: [], removing: [.viewMessages]))

        let view = try Self.open(fixture, as: .workspaceAdmin, viewing: .role(.agent))
        #expect(view.readOnly)
        let session = try view.session()
        #expect(session.viewingAs == "role agent")
        #expect(session.operatorContext.member.role == .agent)
        #expect(session.operatorContext.permissions == (try owner.roleMatrix()).permissions(of: .agent))
        #expect(!session.operatorContext.permissions.contains(.viewMessages), "the workspace's own role defaults apply")
        #expect(try view.inboxList().map(\.phone) == [F.publicPhone, F.otherPublicPhone])
        #expect(try view.decide(.setRole(member: F.email(.member), role: .agent)).refusal?.rule == .permissionMissing)
        #expect(try owner.session().viewingAs == nil)
    }

    @Test func aMemberIsViewedAsTheyAreAndNothingCanBeChanged() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.assign(member: F.email(.agent), inbox: F.privatePhone))
        let group = try Group.validName("Billing")
        _ = try owner.perform(.createGroup(name: group))
        _ = try owner.perform(.grantToGroup(group: group, permission: .modifyBilling))
        _ = try owner.perform(.addToGroup(group: group, member: F.email(.agent)))

        let view = try Self.open(fixture, as: .workspaceAdmin, viewing: .member(F.email(.agent)))
        let session = try view.session()
        #expect(session.viewingAs == "agent@acme.test (agent)")
        #expect(session.operatorContext.permissions.contains(.modifyBilling))
        #expect(try view.inboxList().map(\.phone).contains(F.privatePhone), "the agent sees the private inbox they are in")
        #expect(try view.operatorContext().member.email == F.email(.agent))

        let before = fixture.fileBytes()
        #expect { try view.perform(.assign(member: F.email(.agent), inbox: F.publicPhone)) } throws: {
            $0 as? TeamError == .storage("read-only while viewing as someone else (--view-as): nothing was changed")
        }
        #expect(fixture.fileBytes() == before)
    }

    @Test func onlyAWorkspaceAdminMayLookAndOnlyAtAnActiveMember() throws {
        let fixture = try StoreFixture()
        #expect { try Self.open(fixture, as: .admin, viewing: .role(.agent)).session() } throws: { refusedRule($0) == .rank }
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.deactivate(member: F.email(.member)))
        #expect { try Self.open(fixture, as: .workspaceAdmin, viewing: .member(F.email(.member))).session() } throws: {
            refusedRule($0) == .deactivated
        }
        #expect { try Self.open(fixture, as: .workspaceAdmin, viewing: .member(try EmailAddress("ghost@acme.test"))).session() } throws: {
            $0 as? TeamError == .notFound("no member ghost@acme.test in this workspace")
        }
        // A workspace-admin demoted while looking stops seeing at once.
        let view = try Self.open(fixture, as: .admin, viewing: .role(.member))
        _ = try owner.perform(.setRole(member: F.email(.admin), role: .workspaceAdmin))
        #expect(try view.session().viewingAs == "role member")
        _ = try owner.perform(.setRole(member: F.email(.admin), role: .admin))
        #expect { try view.members() } throws: { refusedRule($0) == .rank }
    }

    @Test func parsingTellsARoleFromAnEmail() throws {
        #expect(try ViewAs.parse("Agent") == .role(.agent))
        #expect(try ViewAs.parse("Ann@Example.com") == .member(try EmailAddress("ann@example.com")))
        #expect(throws: ValidationError.self) { try ViewAs.parse("boss") }
    }
}
