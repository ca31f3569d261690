import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// The access review: built on the one explain function, with the changes
/// since the last sign-off marked new.
@Suite(.timeLimit(.minutes(10))) struct ReviewStoreTests {
    typealias F = StoreFixture

    @Test func theReviewAgreesWithExplainAndWhoHoldsForEveryPermission() throws {
        let dir = TempDirectory()
        let owner = OperatorIdentity(osLogin: "demo-owner", interface: .cli)
        let demo = try SQLiteWorkspace.createDemo(path: dir.file("demo.db"), members: 60, identity: owner, options: StoreOptions())
        let review = try demo.accessReview(since: nil)
        #expect(review.members.count == (try demo.members().filter { $0.member.isActive }.count))
        for permission in Permission.allCases {
            let holders = review.members.filter { $0.permissions.contains { $0.permission == permission } }
            let whoHolds = try demo.whoHolds(permission)
            #expect(holders.map(\.member.email) == whoHolds.map(\.member.email), "\(permission)")
            for entry in review.members {
                let listed = entry.permissions.first { $0.permission == permission }
                let explained = try demo.explain(entry.member.email, permission)
                #expect(listed == (explained.held ? explained : nil), "\(entry.member.email) \(permission)")
            }
        }
        // Who works in an inbox: the inbox listing's people, by the same two routes.
        let listing = try demo.inboxes()
        for entry in review.inboxes {
            let inbox = try #require(listing.first { $0.inbox.phone == entry.inbox.phone })
            let active = Set(review.members.map(\.member.email))
            let works = Set(entry.direct + entry.groups.flatMap(\.members))
            #expect(works == Set(inbox.members).intersection(active), "\(entry.inbox.phone)")
        }
        let escalations = try #require(review.inboxes.first { $0.inbox.name == "Escalations" })
        #expect(escalations.groups.map(\.name) == ["Night shift"], "the demo's group works the escalations line")
    }

    @Test func aSignOffThenARoleChangeShowsExactlyThatChangeAsNew() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.setRole(member: F.email(.member), role: .agent))
        let first = try owner.accessReview(since: nil)
        #expect(first.lastSignOff == nil)
        #expect(first.changes.contains { $0.event.action == "member.set-role" && $0.new })

        let signed = try owner.perform(.signReview(by: F.email(.workspaceAdmin), note: "Q4 review, no exceptions"))
        let expectedHash = InvitationToken.sha256(Array(AccessReviewJSON.render(first).utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(signed.message.hasSuffix("(sha256 \(expectedHash))"), "the hash is of the report as it was")
        #expect(try owner.accessReview(since: nil).changes.isEmpty, "nothing changed since the sign-off")

        _ = try owner.perform(.setRole(member: F.email(.agent), role: .manager))
        let next = try owner.accessReview(since: nil)
        #expect(next.lastSignOff?.note == "Q4 review, no exceptions")
        #expect(next.lastSignOff?.sha256 == expectedHash)
        #expect(next.changes.map(\.event.action) == ["member.set-role"])
        #expect(next.changes.map(\.event.target) == ["agent@acme.test"])
        #expect(next.changes.map(\.new) == [true])
        // With a date before both, the earlier changes are listed but not new.
        let all = try owner.accessReview(since: Timestamp(seconds: 0))
        #expect(all.changes.filter(\.new).map(\.event.id) == next.changes.map(\.event.id))
        #expect(all.changes.count > next.changes.count)
    }

    @Test func onlyAWorkspaceAdminSignsAndOnlyInTheirOwnName() throws {
        let fixture = try StoreFixture()
        OverrideStoreTests.expectRefused(.signReview(by: F.email(.admin), note: "ok"), by: try fixture.open(as: .admin), fixture, .rank)
        let owner = try fixture.open(as: .workspaceAdmin)
        #expect { try owner.perform(.signReview(by: F.email(.admin), note: "ok")) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.hasPrefix("--by admin@acme.test is not you")
        }
        #expect { try owner.perform(.signReview(by: F.email(.workspaceAdmin), note: "two\nlines")) } throws: { error in
            guard case .invalid(let problem) = error as? TeamError else { return false }
            return problem.field == "note"
        }
        #expect(try owner.accessReview(since: nil).lastSignOff == nil)
    }
}

