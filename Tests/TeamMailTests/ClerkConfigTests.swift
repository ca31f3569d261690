import Foundation
import Testing
import TeamCore
@testable import TeamMail

@Suite(.timeLimit(.minutes(10))) struct ClerkConfigTests {
    let env = ["HOME": "/home/pat", "XDG_DATA_HOME": "/data"]

    func parse(_ json: String) throws -> ClerkConfig {
        try ClerkConfig.parse(Data(json.utf8), path: "/etc/clerk/config.json", environment: env)
    }

    /// The message of the error `json` gives, or nil if it parses.
    func error(_ json: String) -> String? {
        do { _ = try parse(json); return nil } catch { return "\(error)" }
    }

    @Test func theFileIsFoundByEnvironmentThenXDGThenHome() {
        #expect(ClerkConfig.location(environment: ["CLERK_TEAM_CONFIG": "/x.json", "XDG_CONFIG_HOME": "/c"]) == ("/x.json", true))
        #expect(ClerkConfig.location(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == ("/c/clerk-team/config.json", false))
        #expect(ClerkConfig.location(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == ("/h/.config/clerk-team/config.json", false))
    }

    @Test func noFileMeansTheFolderTransportInTheDataHome() throws {
        let config = try ClerkConfig.load(environment: ["HOME": "/nonexistent-home", "XDG_DATA_HOME": "/data",
                                                        "XDG_CONFIG_HOME": "/nonexistent-config"])
        #expect(config.transport == .folder(path: "/data/clerk-team/mail"))
        #expect(config.from == nil && config.source == nil)
        #expect(throws: TeamError.self) { try ClerkConfig.load(environment: ["CLERK_TEAM_CONFIG": "/nonexistent.json"]) }
    }

    @Test func aFullConfigIsRead() throws {
        let config = try parse("""
            {"transport": {"kind": "sendmail", "command": ["msmtp", "-C", "/etc/msmtprc", "-t"], "timeout_seconds": 20},
             "from": "Team@Acme.test", "invite_expiry_days": 14}
            """)
        #expect(config.transport == .sendmail(command: ["msmtp", "-C", "/etc/msmtprc", "-t"], timeoutSeconds: 20))
        #expect(config.from?.value == "team@acme.test")
        #expect(config.mailSettings == MailSettings(from: try EmailAddress("team@acme.test"), defaultExpiryDays: 14))
        #expect(try parse(#"{"transport": {"kind": "folder", "path": "~/mail"}}"#).transport == .folder(path: "/home/pat/mail"))
        #expect(try parse(#"{"transport": {"kind": "folder", "path": "out"}}"#).transport == .folder(path: "/etc/clerk/out"))
    }

    @Test func mistakesNameTheKey() {
        #expect(error("[1]")?.contains("not a JSON object") == true)
        #expect(error(#"{"tranport": {}}"#)?.contains(#""tranport""#) == true)
        #expect(error(#"{"transport": {"kind": "smtp"}}"#)?.contains(#""transport.kind""#) == true)
        #expect(error(#"{"transport": {"command": ["x"]}}"#)?.contains(#""transport.kind""#) == true)
        #expect(error(#"{"transport": {"kind": "sendmail"}}"#)?.contains(#""transport.command""#) == true)
        #expect(error(#"{"transport": {"kind": "sendmail", "command": "msmtp -t"}}"#)?.contains(#""transport.command""#) == true)
        #expect(error(#"{"transport": {"kind": "sendmail", "command": ["msmtp"], "timeout_seconds": 0}}"#)?
            .contains(#""transport.timeout_seconds""#) == true)
        #expect(error(#"{"transport": {"kind": "folder", "path": 3}}"#)?.contains(#""transport.path""#) == true)
        #expect(error(#"{"transport": {"kind": "folder", "command": ["x"]}}"#)?.contains(#""transport.command""#) == true)
        #expect(error(#"{"from": "team@acme.test\r\nBcc: all@evil.test"}"#)?.contains(#""from""#) == true)
        #expect(error(#"{"invite_expiry_days": true}"#)?.contains(#""invite_expiry_days""#) == true)
        #expect(error(#"{"invite_expiry_days": 2.5}"#)?.contains(#""invite_expiry_days""#) == true)
        #expect(error(#"{"invite_expiry_days": 400}"#)?.contains("1 to 365") == true)
        #expect(error(#"{"from": "x@y.test"}"#) == nil)
    }
}
