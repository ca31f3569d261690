import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `can`, `explain` and `who-holds` come from one function: on the demo
/// workspace (groups, overrides, every role, deactivated members) they
/// agree for every member and permission.
@Suite(.timeLimit(.minutes(10))) struct ExplainAgreementTests {
    @Test func explainWhoHoldsAndCanAgreeOnTheDemo() throws {
        let dir = TempDirectory()
        let identity = OperatorIdentity(osLogin: "demo-owner", interface: .cli)
        let demo = try SQLiteWorkspace.createDemo(path: dir.file("demo.db"), members: 60, identity: identity,
                                                  options: StoreOptions())
        let members = try demo.members().map(\.member)
        #expect(members.count == 60)
        var holders: [Permission: Set<EmailAddress>] = [:]
        for permission in Permission.allCases {
            holders[permission] = Set(try demo.whoHolds(permission).map(\.member.email))
        }
        var held = 0
        for member in members {
            // What the guard would use if this member acted (the operator context), and the detail view's set.
            let asMember = try SQLiteWorkspace.open(path: dir.file("demo.db"),
                                                    identity: OperatorIdentity(osLogin: "demo-owner", asEmail: member.email, interface: .cli),
                                                    options: StoreOptions(readOnly: true))
            let operatorSet = member.isActive ? try asMember.operatorContext().permissions : []
            let detailSet = try demo.member(member.email).permissions
            for permission in Permission.allCases {
                let explanation = try demo.explain(member.email, permission)
                let context = "\(member.email) \(permission.rawValue) \(explanation.sources)"
                #expect(explanation.held == detailSet.contains(permission), "\(context)")
                #expect(explanation.held == operatorSet.contains(permission), "\(context)")
                #expect(explanation.held == holders[permission]?.contains(member.email), "\(context)")
                #expect(!explanation.held || explanation.sources.contains(where: \.gives), "\(context)")
                if explanation.held { held += 1 }
            }
        }
        #expect(held > 0 && held < members.count * Permission.allCases.count)
    }
}
