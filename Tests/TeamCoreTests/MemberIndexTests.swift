import Testing
@testable import TeamCore

@Suite(.timeLimit(.minutes(10))) struct MemberIndexTests {
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

    @Test func aMatchAcrossTwoRowsIsNoMatch() {
        // Keys lie back to back: "ab\u{1}x@ab.ab" then "ab\u{1}ab@x.y"; "abab" only spans the two.
        var index = MemberIndex()
        index.append(id: 1, name: "Ab", email: "x@ab.ab")
        index.append(id: 2, name: "Ab", email: "ab@x.y")
        index.append(id: 3, name: "B", email: "b@c.d")
        #expect(index.positions(matching: "abab").isEmpty)
        #expect(index.positions(matching: "b.ab") == [0])
        #expect(index.positions(matching: "b@") == [1, 2])
        #expect(index.positions(matching: "ab") == [0, 1])
        #expect(index.positions(matching: "b") == [0, 1, 2])
        #expect(index.positions(matching: "y") == [1])
        #expect(index.positions(matching: "x@ab.ab") == [0])
        #expect(index.positions(matching: "x@ab.abx").isEmpty)
    }

    @Test func everyQueryFindsWhatAPlainSearchFinds() {
        var index = MemberIndex()
        var keys: [String] = []
        let names = ["Ana", "Anab", "Bana", "Nana", "a", "", "Zoë"], domains = ["an.a", "b.na", "a"]
        for (i, name) in names.enumerated() {
            for (j, domain) in domains.enumerated() {
                let email = "\(name.lowercased())\(j)@\(domain)"
                index.append(id: Int64(i * 10 + j), name: name, email: email)
                keys.append(SearchKey.fold(name) + "\u{1}" + email)
            }
        }
        for query in ["a", "an", "ana", "nan", "aa", "a@", "@a", "0@a", "na1", "zoe", "e2@a", "q", "aan"] {
            let expected = keys.indices.filter { keys[$0].utf8.contains(Array(query.utf8)) }
            #expect(index.positions(matching: query) == expected, "\(query)")
            #expect(index.positions(matching: query, within: Array(keys.indices)) == expected, "\(query)")
        }
    }

    @Test func sortOrdersCycle() {
        #expect(MemberSort.name.next == .email)
        #expect(MemberSort.status.next == .name)
    }
}
