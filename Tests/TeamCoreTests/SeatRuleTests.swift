import Testing
@testable import TeamCore

/// ``SeatRule`` and the contact property values, as pure functions.
@Suite(.timeLimit(.minutes(10))) struct SeatRuleTests {
    let usage = SeatUsage(active: 8, pending: 1, limit: 10)

    @Test func invitationsNeedAFreeSeatCountingPendingOnes() {
        #expect(SeatRule.refusal(.invite(count: 1, replacing: 0), usage) == nil)
        #expect(SeatRule.refusal(.invite(count: 2, replacing: 0), usage)?.rule == .seatLimit)
        #expect(SeatRule.refusal(.invite(count: 2, replacing: 1), usage) == nil, "a replaced invitation frees its seat")
        #expect(SeatRule.refusal(.invite(count: 1_000, replacing: 0), SeatUsage(active: 8, pending: 1, limit: nil)) == nil)
    }

    @Test func joiningNeedsAnActiveSeatWhateverIsPending() {
        #expect(SeatRule.refusal(.join, SeatUsage(active: 9, pending: 5, limit: 10)) == nil)
        #expect(SeatRule.refusal(.join, SeatUsage(active: 10, pending: 0, limit: 10))?.rule == .seatLimit)
    }

    @Test func theLimitCannotGoBelowTheActiveMembers() {
        #expect(SeatRule.refusal(.setLimit(8), usage) == nil)
        #expect(SeatRule.refusal(.setLimit(nil), usage) == nil)
        #expect(SeatRule.refusal(.setLimit(7), usage)?.message
                == "cannot lower the seat limit to 7: 8 members are active; deactivate 1 first")
    }

    @Test func theHeaderLabel() {
        #expect(SeatUsage(active: 41, pending: 0, limit: 50).label == "seats 41/50")
        #expect(SeatUsage(active: 41, pending: 0, limit: nil).label == nil)
    }

    /// The header counts pending invitations as the rule does: "seats 62/58"
    /// when 56 members and 6 invitations hold 62 of 58, and invites are refused.
    @Test func theHeaderLabelCountsTheSeatsTheRuleCounts() {
        let over = SeatUsage(active: 56, pending: 6, limit: 58)
        #expect(over.label == "seats 62/58")
        #expect(SeatRule.refusal(.invite(count: 1, replacing: 0), over) != nil)
        let full = SeatUsage(active: 41, pending: 9, limit: 50)
        #expect(full.label == "seats 50/50")
        #expect(SeatRule.refusal(.invite(count: 1, replacing: 0), full) != nil)
        #expect(SeatRule.refusal(.invite(count: 1, replacing: 0), SeatUsage(active: 41, pending: 8, limit: 50)) == nil)
    }

    @Test func limitsAreParsed() throws {
        #expect(try SeatRule.parseLimit("50") == 50)
        #expect(try SeatRule.parseLimit("none") == nil)
        #expect(throws: ValidationError.self) { try SeatRule.parseLimit("0") }
        #expect(throws: ValidationError.self) { try SeatRule.parseLimit("ten") }
    }

    @Test func propertyValuesFollowTheirType() throws {
        #expect(try PropertyValues.validate(" -3.50 ", type: .number, choices: [], property: "n") == "-3.50")
        #expect(throws: ValidationError.self) { try PropertyValues.validate("1e3", type: .number, choices: [], property: "n") }
        #expect(try PropertyValues.validate("2024-02-29", type: .date, choices: [], property: "d") == "2024-02-29")
        #expect(throws: ValidationError.self) { try PropertyValues.validate("2023-02-29", type: .date, choices: [], property: "d") }
        #expect(throws: ValidationError.self) { try PropertyValues.validate("2023-2-1", type: .date, choices: [], property: "d") }
        #expect(try PropertyValues.validate("SILVER", type: .choice, choices: ["gold", "silver"], property: "c") == "silver")
        #expect(throws: ValidationError.self) { try PropertyValues.validate("bronze", type: .choice, choices: ["gold"], property: "c") }
        #expect(throws: ValidationError.self) { try PropertyValues.validate("a\u{1B}[2Jb", type: .text, choices: [], property: "t") }
        #expect(throws: ValidationError.self) { try PropertyValues.name("phone") }
        #expect(throws: ValidationError.self) { try PropertyValues.choices(["a", "A"]) }
    }

    @Test func theContactFilterIgnoresCaseAccentsAndNumberPunctuation() throws {
        let contact = Contact(id: 1, name: "Siobhán Ní Bhriain", phone: try PhoneNumber("+442079460123"),
                              values: [ContactValue(property: "Tier", value: "gold")], version: 1)
        #expect(ContactSearch.matches(contact, "sio bhri"))
        #expect(ContactSearch.matches(contact, "GOLD"))
        #expect(ContactSearch.matches(contact, "7946-0123"))
        #expect(!ContactSearch.matches(contact, "silver"))
    }
}
