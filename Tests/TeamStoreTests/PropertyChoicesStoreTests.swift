import Testing
@testable import TeamCore
@testable import TeamStore

/// Changing a choice property's choices: one audited write through
/// `update-property`, seen by the change feed; every refusal changes nothing.
@Suite(.timeLimit(.minutes(10))) struct PropertyChoicesStoreTests {
    typealias F = StoreFixture

    static let ann = try! PhoneNumber("+14155550111")
    static let bob = try! PhoneNumber("+442079460123")
    static let tier = try! DisplayName("Tier")

    /// Tier (gold, silver) held as silver by Ann and Bob, and a date property.
    func workspace(_ fixture: StoreFixture) throws -> SQLiteWorkspace {
        let admin = try fixture.open(as: .workspaceAdmin)
        _ = try admin.perform(.addProperty(name: Self.tier, type: .choice, choices: ["gold", "silver"]))
        _ = try admin.perform(.addProperty(name: try DisplayName("Renewal"), type: .date, choices: []))
        for (phone, name) in [(Self.ann, "Ann"), (Self.bob, "Bob")] {
            _ = try admin.perform(.addContact(phone: phone, name: try DisplayName(name),
                                              values: [PropertyAssignment(property: "Tier", value: "silver")]))
        }
        return admin
    }

    /// What a refusal must leave as it was: the contacts and properties, the
    /// audit log and the change feed (any write to a fed table moves it).
    struct Snapshot: Equatable {
        var listing: ContactListing
        var audit: Int
        var feed: Int64
    }

    func snapshot(_ fixture: StoreFixture) throws -> Snapshot {
        let admin = try fixture.open(as: .workspaceAdmin)
        return Snapshot(listing: try admin.contactListing(), audit: try fixture.auditCount(), feed: try admin.changeMark().seq)
    }

    func tierChoices(_ workspace: SQLiteWorkspace) throws -> [String]? {
        try workspace.contactListing().properties.first { $0.name == "Tier" }?.choices
    }

    @Test func addingAndRemovingChoicesIsOneAuditedChangeTheFeedSees() throws {
        let fixture = try StoreFixture()
        let admin = try workspace(fixture)
        let version = try #require(try admin.contactListing().properties.first { $0.name == "Tier" }?.version)
        let mark = try admin.changeMark()
        let outcome = try admin.perform(.setPropertyChoices(name: try DisplayName("tier"), add: ["bronze"], remove: ["GOLD"],
                                                            expectedVersion: version))
        #expect(outcome == CommandOutcome(message: "contact property Tier now has choices: silver, bronze", changed: true))
        let property = try #require(try admin.contactListing().properties.first { $0.name == "Tier" })
        #expect(property.choices == ["silver", "bronze"] && property.version == version + 1)
        #expect(try admin.contact(Self.ann).values == [ContactValue(property: "Tier", value: "silver")], "held values stay")

        let event = try #require(try admin.auditEvents(limit: 1).first)
        #expect(event.action == "property.set-choices" && event.target == "Tier" && event.outcome == .done)
        #expect(event.before == #"{"choices":["gold","silver"]}"#)
        #expect(event.after == #"{"choices":["silver","bronze"]}"#)

        guard case .changes(let set, _) = try admin.changes(after: mark) else {
            Issue.record("the feed asked for a reload instead of naming the change")
            return
        }
        #expect(set.contacts, "an open interface reads the contacts view again")
        // A new value may now be the added choice; the removed one is no longer a choice.
        _ = try admin.perform(.editContact(phone: Self.bob, name: nil, newPhone: nil,
                                           values: [PropertyAssignment(property: "Tier", value: "Bronze")]))
        #expect(try admin.contact(Self.bob).values == [ContactValue(property: "Tier", value: "bronze")])
        #expect(throws: TeamError.self) {
            try admin.perform(.editContact(phone: Self.bob, name: nil, newPhone: nil,
                                           values: [PropertyAssignment(property: "Tier", value: "gold")]))
        }
    }

    @Test func aChoiceContactsHoldIsNotRemovedAndTheRefusalCountsThem() throws {
        let fixture = try StoreFixture()
        let admin = try workspace(fixture)
        let before = try snapshot(fixture)
        #expect { try admin.perform(.setPropertyChoices(name: Self.tier, add: ["bronze"], remove: ["Silver"])) } throws: { error in
            error as? TeamError == .conflict("2 contacts hold 'silver'; change their values first")
        }
        #expect(try snapshot(fixture) == before)
        // One holder left: the count says so in the singular; none left: it goes.
        _ = try admin.perform(.editContact(phone: Self.ann, name: nil, newPhone: nil,
                                           values: [PropertyAssignment(property: "Tier", value: "gold")]))
        #expect { try admin.perform(.setPropertyChoices(name: Self.tier, add: [], remove: ["silver"])) } throws: { error in
            error as? TeamError == .conflict("1 contact holds 'silver'; change their values first")
        }
        _ = try admin.perform(.removeContact(phone: Self.bob))
        _ = try admin.perform(.setPropertyChoices(name: Self.tier, add: [], remove: ["silver"]))
        #expect(try tierChoices(admin) == ["gold"])
    }

    @Test func aPropertyOfAnotherTypeIsRefusedWithItsTypeAndChangesNothing() throws {
        let fixture = try StoreFixture()
        let admin = try workspace(fixture)
        let before = try snapshot(fixture)
        #expect { try admin.perform(.setPropertyChoices(name: try DisplayName("renewal"), add: ["soon"], remove: [])) } throws: { error in
            guard case .invalid(let invalid) = error as? TeamError else { return false }
            return invalid.message == "Renewal is a date property; only a choice property has choices"
        }
        #expect(try snapshot(fixture) == before)
    }

    @Test func theOtherRefusalsChangeNothing() throws {
        let fixture = try StoreFixture()
        let admin = try workspace(fixture)
        _ = try admin.perform(.editContact(phone: Self.ann, name: nil, newPhone: nil, values: [PropertyAssignment(property: "Tier", value: nil)]))
        _ = try admin.perform(.editContact(phone: Self.bob, name: nil, newPhone: nil, values: [PropertyAssignment(property: "Tier", value: nil)]))
        let version = try #require(try admin.contactListing().properties.first { $0.name == "Tier" }?.version)
        let before = try snapshot(fixture)
        let refused: [(TeamCommand, String)] = [
            (.setPropertyChoices(name: Self.tier, add: [], remove: ["gold", "silver"]), "Tier must keep at least one choice"),
            (.setPropertyChoices(name: Self.tier, add: ["Gold"], remove: []), "'Gold' is already a choice of Tier"),
            (.setPropertyChoices(name: Self.tier, add: [], remove: ["bronze"]), "'bronze' is not a choice of Tier: gold, silver"),
            (.setPropertyChoices(name: Self.tier, add: ["a", "A"], remove: []), "'A' is given twice"),
            (.setPropertyChoices(name: Self.tier, add: [" "], remove: []), "choice is empty"),
            (.setPropertyChoices(name: Self.tier, add: [], remove: []), "name a choice to add or to remove"),
            (.setPropertyChoices(name: try DisplayName("Nope"), add: ["a"], remove: []), "no contact property 'Nope'"),
            (.setPropertyChoices(name: Self.tier, add: ["a"], remove: [], expectedVersion: version - 1), "was changed by someone else"),
        ]
        for (command, expected) in refused {
            #expect { try admin.perform(command) } throws: { error in
                let text = switch error as? TeamError {
                case .invalid(let invalid): invalid.message
                case .notFound(let message), .stale(let message): message
                default: "\(error)"
                }
                return text.contains(expected)
            }
        }
        #expect(try snapshot(fixture) == before)
    }

    @Test func withoutUpdatePropertyItIsRefusedAndTheRefusalIsAudited() throws {
        let fixture = try StoreFixture()
        let admin = try workspace(fixture)
        _ = try admin.perform(.revokePermission(member: F.email(.member), permission: .updateProperty))
        let member = try fixture.open(as: .member)
        let listing = try admin.contactListing()
        #expect { try member.perform(.setPropertyChoices(name: Self.tier, add: ["bronze"], remove: [])) } throws: {
            refusedRule($0) == .permissionMissing
        }
        #expect(try admin.contactListing() == listing)
        let event = try #require(try admin.auditEvents(limit: 1, refused: true).first)
        #expect(event.action == "property.set-choices" && event.outcome == .refused && event.target == "Tier")
        // The same operator with it back may.
        _ = try admin.perform(.resetPermission(member: F.email(.member), permission: .updateProperty))
        _ = try member.perform(.setPropertyChoices(name: Self.tier, add: ["bronze"], remove: []))
        #expect(try tierChoices(admin) == ["gold", "silver", "bronze"])
    }

    /// Property changes are not undone from the log; this one is no exception.
    @Test func aChoiceChangeIsNotRevertedFromTheLog() throws {
        let fixture = try StoreFixture()
        let admin = try workspace(fixture)
        _ = try admin.perform(.setPropertyChoices(name: Self.tier, add: ["bronze"], remove: []))
        let event = try #require(try admin.auditEvents(limit: 1).first)
        #expect { try admin.perform(.revert(auditID: event.id)) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("'property.set-choices' changes are not undone from the log")
        }
        #expect(try tierChoices(admin) == ["gold", "silver", "bronze"])
    }
}
