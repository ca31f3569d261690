import Foundation
import Testing
import TestSupport

/// A workspace driven through the real `clerk-team` binary, with its own
/// config, mail folder and XDG folders in a temp dir. The workspace-admin is
/// bound to the login running the tests.
final class CLIWorkspace {
    let dir = TempDirectory()
    let binary: String
    var db: String { dir.file("ws.db") }
    var mailFolder: String { dir.file("mail") }

    init() throws {
        binary = try BinaryRunner.clerkTeam()
        try writeConfig(#"{"transport": {"kind": "folder", "path": "\#(mailFolder)"}, "from": "team@acme.test"}"#)
        try expectSuccess(["init", "--workspace", "Acme", "--admin-email", "boss@acme.test"])
        try expectSuccess(["inboxes", "add", "+14155550100", "--name", "Support", "--public"])
    }

    var environment: [String: String] {
        ["CLERK_TEAM_DB": db, "CLERK_TEAM_CONFIG": dir.file("config.json"), "HOME": dir.path,
         "XDG_DATA_HOME": dir.file("data"), "XDG_CONFIG_HOME": dir.file("config")]
    }

    func writeConfig(_ json: String) throws {
        try json.write(toFile: dir.file("config.json"), atomically: true, encoding: .utf8)
        // Whatever the umask: a config others could write is refused.
        chmod(dir.file("config.json"), 0o600)
    }

    func run(_ arguments: [String], stdin: String? = nil, timeout: Double = 60) throws -> RunResult {
        try BinaryRunner.run([binary] + arguments, environment: environment, stdin: stdin, in: dir.path, timeout: timeout)
    }

    func start(_ arguments: [String]) throws -> (ChildProcess, String, String) {
        try BinaryRunner.start([binary] + arguments, environment: environment, in: dir.path)
    }

    @discardableResult
    func expectSuccess(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let result = try run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// The `.eml` files the folder transport wrote, oldest mail first.
    func mails() -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: mailFolder)) ?? [])
            .filter { $0.hasSuffix(".eml") }
            .sorted { Self.mailNumber($0) < Self.mailNumber($1) }
        return names.compactMap { try? String(contentsOfFile: mailFolder + "/" + $0, encoding: .utf8) }
    }

    private static func mailNumber(_ name: String) -> Int {
        Int(name.dropFirst("mail-".count).prefix { $0.isNumber }) ?? 0
    }

    /// The invitation token in a message: the line holding only it.
    static func token(in message: String) -> String? {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.count == 52 && $0.allSatisfy { ("a"..."z").contains($0) || ("2"..."7").contains($0) } }
    }

    /// The newest mail's token.
    func lastToken() throws -> String {
        try #require(mails().last.flatMap(Self.token))
    }
}

/// Polls `condition` until it holds or `seconds` pass; no fixed sleeps.
func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}
