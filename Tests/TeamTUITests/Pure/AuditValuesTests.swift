import Testing
@testable import TeamTUI

/// The audit view's detail pane shows before/after values as people read
/// them, in the same order every time.
@Suite struct AuditValuesTests {
    @Test func nestedValuesReadAsKeyColonValueSortedByKey() {
        let json = #"{"name":"Tulip","values":{"Orders":"15","Company":"Tulip Transport","Area":"North"}}"#
        let lines = AuditScreen.fields("After", json).map(\.1)
        #expect(lines == ["", "name: Tulip", "values: Area: North, Company: Tulip Transport, Orders: 15"])
    }

    @Test func nestedValuesKeepNumbersListsAndNullsReadable() {
        let json = #"{"values":{"b":[1,2],"a":null,"c":{"y":2,"x":1}}}"#
        #expect(AuditScreen.fields("Before", json).map(\.1) == ["", "values: a: -, b: 1, 2, c: x: 1, y: 2"])
    }
}
