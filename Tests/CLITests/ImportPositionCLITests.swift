import Foundation
import Testing
import TestSupport

/// Where a CSV import says a problem is: the header's own mistakes on line
/// 1, once; bytes that are not UTF-8 on their line, with the byte.
@Suite(.timeLimit(.minutes(10))) struct ImportPositionCLITests {
    static func write(_ cli: CLIHarness, _ name: String, _ bytes: [UInt8]) -> String {
        let path = cli.dir.file(name)
        let written = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect(written, "cannot write \(path)")
        return path
    }

    @Test func anUnknownHeaderColumnIsReportedOnceOnLineOne() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let csv = Self.write(cli, "c.csv", Array("phone,name,Bogus\n+14155550177,Zed,a\n+14155550178,Zoe,b\n".utf8))
        let result = try cli.run("contacts", "import", csv)
        #expect(result.status == 1)
        #expect(result.stderr.contains("1 problem; no contact was added"), "\(result.stderr)")
        #expect(result.stderr.contains("line 1: the header's column 'Bogus' is no contact property"), "\(result.stderr)")
        #expect(!result.stderr.contains("line 2") && !result.stderr.contains("line 3"), "\(result.stderr)")
        #expect(try cli.ok("contacts", "list").contains("Zed") == false, "nothing was added")
    }

    @Test func invalidUTF8InAContactsCSVNamesItsLineAndByte() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let csv = Self.write(cli, "u.csv", Array("phone,name\n+14155550177,Zed\n+14155550178,Zo".utf8) + [0xE9, 0x0A])
        let result = try cli.run("contacts", "import", csv)
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 3: not valid UTF-8 (byte 16 of the line)"), "\(result.stderr)")
        let json = try cli.run("contacts", "import", csv, "--json")
        #expect(json.stdout.contains(#""line":3"#) && json.stdout.contains("not valid UTF-8"), "\(json.stdout)")
    }

    @Test func invalidUTF8InAnInvitationsCSVNamesItsLineAndByte() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let csv = Self.write(cli, "i.csv", [0xEF, 0xBB, 0xBF] + Array("email,role\nann@acme.test,agent\nb".utf8) + [0xFF]
                                            + Array("@acme.test,agent\n".utf8))
        let result = try cli.run("invites", "import", csv)
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 3: not valid UTF-8 (byte 2 of the line)"), "\(result.stderr)")
        #expect(!(try cli.ok("invites", "list")).contains("ann@acme.test"), "nobody was invited")
    }
}
