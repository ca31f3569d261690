import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore
import TeamPhone

/// The demo is what a new user tries first: every number in it must be one
/// the program itself accepts when typed back (a thread the interface shows
/// but `messages show` refuses was the demo's own bug).
@Suite(.timeLimit(.minutes(10))) struct DemoDataTests {
    @Test func everyNumberInTheDemoIsOneThePhoneReaderAccepts() throws {
        let dir = TempDirectory()
        let identity = OperatorIdentity(osLogin: "demo-user", interface: .cli)
        let demo = try SQLiteWorkspace.createDemo(path: dir.file("demo.db"), members: 20, identity: identity, options: StoreOptions())
        var numbers: Set<String> = []
        for sql in ["SELECT phone FROM inboxes", "SELECT phone FROM contacts", "SELECT DISTINCT contact FROM messages"] {
            numbers.formUnion(try demo.db.all(sql) { $0.text(0) })
        }
        #expect(numbers.count > 20, "inboxes, contacts and threads: \(numbers.count)")
        for number in numbers.sorted() {
            #expect(throws: Never.self, "\(number)") { try PhoneNumbers.check(PhoneNumber(stored: number)) }
            #expect((try? PhoneNumbers.parse(number))?.value == number, "\(number) reads back as itself")
        }
    }
}
