import Testing
@testable import TeamCore

@Suite struct MemberIndexTests {
    static func sample() -> MemberIndex {
        var index = MemberIndex()
        index.append(id: 1, name: "Zoë Müller", email: "zoe.muller@example.com")
        index.append(id: 2, name: "José García", email: "jose@example.com")
        index.append(id: 3, name: "美咲 田中", email: "misaki@example.jp")
        index.append(id: 4, name: "Ana", email: "ana@zoo.example")
        return index
    }

    @Test func filtersByNameOrEmailIgnoringCaseAndAccents() {
        let index = Self.sample()
        #expect(index.positions(matching: "zoe") == [0])
        #expect(index.positions(matching: "ZOË") == [0])
        #expect(index.positions(matching: "garcia") == [1])
        #expect(index.positions(matching: "田中") == [2])
        #expect(index.positions(matching: "zoo") == [3])
        #expect(index.positions(matching: "example") == [0, 1, 2, 3])
        #expect(index.positions(matching: "") == [0, 1, 2, 3])
        #expect(index.positions(matching: "nobody").isEmpty)
    }

    @Test func narrowingSearchesOnlyThePreviousResult() {
        let index = Self.sample()
        let wide = index.positions(matching: "e")
        #expect(index.positions(matching: "ex", within: wide) == index.positions(matching: "ex"))
        #expect(index.positions(matching: "ana", within: [0, 1]).isEmpty)
    }

    @Test func theSeparatorNeverJoinsNameAndEmailIntoAMatch() {
        var index = MemberIndex()
        index.append(id: 1, name: "Bo", email: "x@y.co")
        #expect(index.positions(matching: "box").isEmpty)
    }

    @Test func sortOrdersCycle() {
        #expect(MemberSort.name.next == .email)
        #expect(MemberSort.status.next == .name)
    }
}
