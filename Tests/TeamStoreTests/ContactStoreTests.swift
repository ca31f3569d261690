import Testing
@testable import TeamCore
@testable import TeamStore

/// Contacts with custom properties: values checked against their type,
/// one contact per number, every change audited, import all or nothing.
@Suite(.timeLimit(.minutes(10))) struct ContactStoreTests {
    typealias F = StoreFixture

    static let ann = try! PhoneNumber("+14155550111")
    static let bob = try! PhoneNumber("+442079460123")

    func withProperties(_ fixture: StoreFixture) throws -> SQLiteWorkspace {
        let admin = try fixture.open(as: .workspaceAdmin)
        _ = try admin.perform(.addProperty(name: try DisplayName("Tier"), type: .choice, choices: ["gold", "silver"]))
        _ = try admin.perform(.addProperty(name: try DisplayName("Renewal"), type: .date, choices: []))
        _ = try admin.perform(.addProperty(name: try DisplayName("Orders"), type: .number, choices: []))
        return admin
    }

    @Test func valuesAreCheckedAgainstTheirTypeAndABadOneChangesNothing() throws {
        let fixture = try StoreFixture()
        let admin = try withProperties(fixture)
        let before = try fixture.auditCount()
        for (property, value) in [("Tier", "platinum"), ("Renewal", "2027-02-29"), ("Orders", "12x"), ("Nope", "1")] {
            #expect(throws: TeamError.self) {
                try admin.perform(.addContact(phone: Self.ann, name: try DisplayName("Ann"),
                                              values: [PropertyAssignment(property: property, value: value)]))
            }
        }
        #expect(try admin.contactListing().contacts.isEmpty)
        #expect(try fixture.auditCount() == before)
        _ = try admin.perform(.addContact(phone: Self.ann, name: try DisplayName("Ann"), values: [
            PropertyAssignment(property: "tier", value: "GOLD"), PropertyAssignment(property: "Renewal", value: "2028-02-29"),
            PropertyAssignment(property: "orders", value: "+12"),
        ]))
        #expect(try admin.contact(Self.ann).values == [ContactValue(property: "Orders", value: "12"),
                                                       ContactValue(property: "Renewal", value: "2028-02-29"),
                                                       ContactValue(property: "Tier", value: "gold")])
    }

    @Test func oneContactPerNumber() throws {
        let fixture = try StoreFixture()
        let admin = try withProperties(fixture)
        _ = try admin.perform(.addContact(phone: Self.ann, name: try DisplayName("Ann"), values: []))
        _ = try admin.perform(.addContact(phone: Self.bob, name: try DisplayName("Bob"), values: []))
        #expect { try admin.perform(.addContact(phone: Self.ann, name: try DisplayName("Again"), values: [])) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("already exists")
        }
        #expect(throws: TeamError.self) {
            try admin.perform(.editContact(phone: Self.bob, name: nil, newPhone: Self.ann, values: []))
        }
        #expect(try admin.contact(Self.bob).name == "Bob")
    }

    @Test func editRenamesRemovesValuesAndIsAuditedWithBeforeAndAfter() throws {
        let fixture = try StoreFixture()
        let admin = try withProperties(fixture)
        _ = try admin.perform(.addContact(phone: Self.ann, name: try DisplayName("Ann"),
                                          values: [PropertyAssignment(property: "Tier", value: "gold")]))
        let version = try admin.contact(Self.ann).version
        _ = try admin.perform(.editContact(phone: Self.ann, name: try DisplayName("Ann Lee"), newPhone: nil,
                                           values: [PropertyAssignment(property: "Tier", value: nil)], expectedVersion: version))
        #expect(try admin.contact(Self.ann).values.isEmpty)
        let event = try #require(try admin.auditEvents(limit: 1).first)
        #expect(event.action == "contact.edit")
        #expect(event.before == #"{"name":"Ann","Tier":"gold"}"#)
        #expect(event.after == #"{"name":"Ann Lee","Tier":null}"#)
        // The old version is stale now.
        #expect { try admin.perform(.removeContact(phone: Self.ann, expectedVersion: version)) } throws: { error in
            if case .stale = error as? TeamError { return true }
            return false
        }
    }

    @Test func renamingAPropertyKeepsItsValuesAndRemovingItTakesThem() throws {
        let fixture = try StoreFixture()
        let admin = try withProperties(fixture)
        _ = try admin.perform(.addContact(phone: Self.ann, name: try DisplayName("Ann"),
                                          values: [PropertyAssignment(property: "Tier", value: "silver")]))
        _ = try admin.perform(.renameProperty(name: try DisplayName("tier"), to: try DisplayName("Level")))
        #expect(try admin.contact(Self.ann).values == [ContactValue(property: "Level", value: "silver")])
        _ = try admin.perform(.removeProperty(name: try DisplayName("Level")))
        #expect(try admin.contact(Self.ann).values.isEmpty)
        #expect(try admin.contactListing().properties.map(\.name) == ["Orders", "Renewal"])
    }

    @Test func importIsAllOrNothingWithTheLineOfEveryProblem() throws {
        let fixture = try StoreFixture()
        let admin = try withProperties(fixture)
        _ = try admin.perform(.addContact(phone: Self.bob, name: try DisplayName("Bob"), values: []))
        let rows = [
            ContactRow(line: 2, phone: Self.ann, name: try DisplayName("Ann"), values: [PropertyAssignment(property: "Tier", value: "gold")]),
            ContactRow(line: 3, phone: Self.bob, name: try DisplayName("Bob again"), values: []),
            ContactRow(line: 5, phone: try PhoneNumber("+14155550112"), name: try DisplayName("Cy"),
                       values: [PropertyAssignment(property: "Orders", value: "many")]),
            ContactRow(line: 6, phone: Self.ann, name: try DisplayName("Ann twice"), values: []),
        ]
        let report = try admin.importContacts(rows, dryRun: false)
        #expect(!report.applied)
        #expect(report.errors.map(\.line) == [3, 5, 6])
        #expect(try admin.contactListing().contacts.map(\.name) == ["Bob"])
        let good = try admin.importContacts([rows[0], rows[2]].map { row in
            var fixed = row
            fixed.values = fixed.values.filter { $0.property != "Orders" }
            return fixed
        }, dryRun: false)
        #expect(good.applied)
        #expect(try admin.contactListing().contacts.map(\.name) == ["Ann", "Bob", "Cy"])
    }

    @Test func everyActiveMemberReadsContactsAndChangingThemNeedsThePermission() throws {
        let fixture = try StoreFixture()
        let admin = try withProperties(fixture)
        _ = try admin.perform(.addContact(phone: Self.ann, name: try DisplayName("Ann"), values: []))
        let member = try fixture.open(as: .member)
        #expect(try member.contactListing().contacts.count == 1)
        _ = try member.perform(.addContact(phone: Self.bob, name: try DisplayName("Bob"), values: []))
        _ = try admin.perform(.revokePermission(member: F.email(.member), permission: .updateContact))
        _ = try admin.perform(.revokePermission(member: F.email(.member), permission: .updateProperty))
        #expect { try member.perform(.removeContact(phone: Self.bob)) } throws: { refusedRule($0) == .permissionMissing }
        #expect { try member.importContacts([], dryRun: false) } throws: { refusedRule($0) == .permissionMissing }
        #expect { try member.perform(.addProperty(name: try DisplayName("X"), type: .text, choices: [])) } throws: {
            refusedRule($0) == .permissionMissing
        }
        #expect(try member.contactListing().contacts.count == 2, "reading needs no permission")
    }
}
