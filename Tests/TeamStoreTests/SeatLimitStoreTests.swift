import Testing
@testable import TeamCore
@testable import TeamStore

/// The seat limit is one rule (``SeatRule``), held at every way in: invite,
/// import, accept, reactivate, and changing the limit itself.
@Suite(.timeLimit(.minutes(10))) struct SeatLimitStoreTests {
    typealias F = StoreFixture

    /// Sets the limit through `billing set`, as a workspace-admin.
    func setLimit(_ fixture: StoreFixture, _ limit: Int?) throws {
        _ = try fixture.open(as: .workspaceAdmin).perform(.setBilling(BillingUpdate(seatLimit: .some(limit))))
    }

    func activeCount(_ fixture: StoreFixture) throws -> Int {
        Int(try fixture.open(as: .workspaceAdmin).db.scalarInt("SELECT count(*) FROM members WHERE status = 'active'"))
    }

    @Test func inviteNeedsAFreeSeatCountingPendingInvitations() throws {
        let fixture = try StoreFixture()
        try setLimit(fixture, try activeCount(fixture) + 1)
        try fixture.invite("gina@example.com")
        #expect { try fixture.invite("hank@example.com") } throws: { refusedRule($0) == .seatLimit }
        // Re-inviting the same email frees its old reservation: it fits.
        try fixture.invite("gina@example.com")
        #expect(try fixture.open(as: .workspaceAdmin).invitations(status: .pending).count == 1)
    }

    @Test func importNeedsASeatForEveryRowAndAddsNobodyOtherwise() throws {
        let fixture = try StoreFixture()
        try setLimit(fixture, try activeCount(fixture) + 2)
        let rows = try (0..<3).map { InvitationRow(line: $0 + 2, email: try EmailAddress("p\($0)@example.com"), role: .member, inboxes: []) }
        let report = try fixture.open(as: .workspaceAdmin).importInvitations(rows, dryRun: false)
        #expect(!report.applied)
        #expect(report.errors.map(\.message) == ["refused (seat-limit): inviting 3 people needs 3 seats, but only 2 of \(try activeCount(fixture) + 2) seats are free (\(try activeCount(fixture)) active members, 0 pending invitations); raise the seat limit or revoke an invitation first"])
        #expect(try fixture.open(as: .workspaceAdmin).invitations(status: nil).isEmpty)
        #expect(try fixture.open(as: .workspaceAdmin).importInvitations(Array(rows.prefix(2)), dryRun: false).applied)
    }

    @Test func acceptNeedsAnActiveMembersSeatAndKeepsTheTokenUsable() throws {
        let fixture = try StoreFixture()
        let sent = try fixture.invite("gina@example.com")
        // Lowered after inviting, to exactly the active members: allowed (pending invitations do not hold a seat yet).
        try setLimit(fixture, try activeCount(fixture))
        #expect { try fixture.accept(sent.token, login: "gina") } throws: { error in
            refusedRule(error) == .seatLimit && "\(error)".contains("your token still works")
        }
        try setLimit(fixture, try activeCount(fixture) + 1)
        #expect(try fixture.accept(sent.token, login: "gina").member.isActive)
    }

    @Test func reactivatingNeedsASeatButDeactivatingNever() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        _ = try admin.perform(.deactivate(member: F.email(.member)))
        try setLimit(fixture, try activeCount(fixture))
        #expect { try admin.perform(.reactivate(member: F.email(.member))) } throws: { refusedRule($0) == .seatLimit }
        #expect(try admin.member(F.email(.member)).member.status == .deactivated)
        // The refusal is in the audit log with its rule.
        #expect(try admin.auditEvents(limit: 1, refused: true).first?.rule == "seat-limit")
        try setLimit(fixture, try activeCount(fixture) + 1)
        #expect(try admin.perform(.reactivate(member: F.email(.member))).changed)
    }

    @Test func theLimitCannotGoBelowTheActiveMembersAndSaysTheNumbers() throws {
        let fixture = try StoreFixture()
        let active = try activeCount(fixture)
        #expect { try setLimit(fixture, active - 1) } throws: { error in
            guard case .refused(let refusal) = error as? TeamError else { return false }
            return refusal.rule == .seatLimit
                && refusal.message == "cannot lower the seat limit to \(active - 1): \(active) members are active; deactivate 1 first"
        }
        #expect(try fixture.open(as: .workspaceAdmin).billing().seats.limit == nil)
        try setLimit(fixture, active)
        #expect(try fixture.open(as: .workspaceAdmin).billing().seats.limit == active)
    }

    @Test func billingIsSeenAndChangedOnlyWithModifyBilling() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.open(as: .admin).billing().seats.limit == nil)
        #expect(try fixture.open(as: .admin).session().seats != nil, "the header shows seats to those who may see billing")
        #expect { try fixture.open(as: .manager).billing() } throws: { refusedRule($0) == .permissionMissing }
        #expect(try fixture.open(as: .manager).session().seats == nil)
        #expect { try fixture.open(as: .manager).perform(.setBilling(BillingUpdate(seatLimit: .some(50)))) } throws: {
            refusedRule($0) == .permissionMissing
        }
        let outcome = try fixture.open(as: .admin).perform(.setBilling(BillingUpdate(
            plan: try DisplayName("Pro"), seatLimit: .some(50), contact: try EmailAddress("bills@acme.test"))))
        #expect(outcome.changed)
        let billing = try fixture.open(as: .admin).billing()
        #expect(billing.plan == "Pro" && billing.seats.limit == 50 && billing.contact?.value == "bills@acme.test")
        let event = try #require(try fixture.open(as: .workspaceAdmin).auditEvents(limit: 1).first)
        #expect(event.action == "billing.set")
        #expect(event.after == #"{"plan":"Pro","seat_limit":50,"contact":"bills@acme.test"}"#)
    }
}
