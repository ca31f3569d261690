import Testing
@testable import TeamCore

/// Changing a choice property's choices, checked at the edge: the same limits
/// as when the property is added, and the property as it is.
@Suite struct ChoiceChangeTests {
    static let tier = ContactProperty(id: 1, name: "Tier", type: .choice, choices: ["gold", "silver"], version: 1)

    /// The refusal's text, or nil when the change is accepted.
    func message(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return (error as? ValidationError)?.description ?? "not a ValidationError: \(error)" }
    }

    @Test func editsAreTrimmedAndCheckedLikeTheChoicesOfANewProperty() throws {
        let edits = try PropertyValues.choiceEdits(add: [" bronze ", "Cafe\u{301}"], remove: ["silver "])
        #expect(edits.add == ["bronze", "Café"] && edits.remove == ["silver"])
        #expect(message { try PropertyValues.choiceEdits(add: ["  "], remove: []) } == "invalid choice: choice is empty: it has no visible character")
        #expect(message { try PropertyValues.choiceEdits(add: ["a\u{1B}[2J"], remove: []) }?
            .contains("control character U+001B") == true)
        #expect(message { try PropertyValues.choiceEdits(add: [String(repeating: "x", count: 101)], remove: []) }
                == "invalid choice: choice is longer than 100 characters")
    }

    @Test func noChoiceIsGivenTwiceIgnoringCaseNorBothAddedAndRemoved() {
        #expect(message { try PropertyValues.choiceEdits(add: ["bronze", "BRONZE"], remove: []) }
                == "invalid choices: 'BRONZE' is given twice")
        #expect(message { try PropertyValues.choiceEdits(add: [], remove: ["gold", "Gold"]) }
                == "invalid choices: 'Gold' is given twice")
        #expect(message { try PropertyValues.choiceEdits(add: ["gold"], remove: ["GOLD"]) }
                == "invalid choices: 'GOLD' is both added and removed; give it once")
        #expect(message { try PropertyValues.choiceEdits(add: [], remove: []) }?.contains("name a choice to add or to remove") == true)
    }

    @Test func theNewChoicesKeepTheOrderAndAddAtTheEnd() throws {
        #expect(try PropertyValues.changedChoices(of: Self.tier, add: ["bronze"], remove: ["GOLD"]) == ["silver", "bronze"])
        #expect(try PropertyValues.changedChoices(of: Self.tier, add: ["platinum", "bronze"], remove: []) == ["gold", "silver", "platinum", "bronze"])
    }

    @Test func aPropertyThatIsNotAChoiceIsRefusedWithItsType() {
        let renewal = ContactProperty(id: 2, name: "Renewal", type: .date, choices: [], version: 1)
        #expect(message { try PropertyValues.changedChoices(of: renewal, add: ["x"], remove: []) }
                == "invalid property: Renewal is a date property; only a choice property has choices")
    }

    @Test func addingAChoiceThereIsOrRemovingOneThereIsNotIsRefused() {
        #expect(message { try PropertyValues.changedChoices(of: Self.tier, add: ["Gold"], remove: []) }
                == "invalid choices: 'Gold' is already a choice of Tier")
        #expect(message { try PropertyValues.changedChoices(of: Self.tier, add: [], remove: ["bronze"]) }
                == "invalid choices: 'bronze' is not a choice of Tier: gold, silver")
    }

    @Test func aPropertyKeepsAtLeastOneChoiceAndAtMostFifty() {
        #expect(message { try PropertyValues.changedChoices(of: Self.tier, add: [], remove: ["gold", "silver"]) }
                == "invalid choices: Tier must keep at least one choice")
        let many = (1...49).map { "c\($0)" }
        #expect(message { try PropertyValues.changedChoices(of: Self.tier, add: many, remove: []) }
                == "invalid choices: Tier would have 51 choices; a choice property has at most 50")
        #expect(message { try PropertyValues.changedChoices(of: Self.tier, add: many, remove: ["gold"]) } == nil)
    }
}
