import Foundation
import Testing
import TestSupport

/// The install as a user runs it: `scripts/install.sh --prefix DIR` (a
/// release build with the Swift runtime linked in statically), then the
/// installed binary, page and completions used with a clean environment in
/// which no Swift toolchain folder is on any path, then `--uninstall`.
///
/// The release build takes minutes on two cores; it runs under `nice` so the
/// rest of the suite, running at the same time, keeps the processor first.
@Suite(.timeLimit(.minutes(30))) struct InstallTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    let dir = TempDirectory()
    var prefix: String { dir.file("prefix") }
    var home: String { dir.file("home") }

    /// Runs a command with nothing from this process's environment.
    func clean(_ arguments: [String], _ extra: [String] = []) throws -> RunResult {
        let environment = ["PATH=\(prefix)/bin:/usr/bin:/bin", "HOME=\(home)", "LANG=C.UTF-8", "TERM=dumb"] + extra
        return try BinaryRunner.run(["/usr/bin/env", "-i"] + environment + arguments, in: dir.path, timeout: 120)
    }

    @Test func installedBinaryPageAndCompletionsWorkWithoutTheToolchainAndUninstallRemovesThem() throws {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // Something of someone else's in the prefix, which uninstalling must leave alone.
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try "#!/bin/sh\n".write(toFile: prefix + "/bin/other-tool", atomically: true, encoding: .utf8)

        let install = try BinaryRunner.run(["/usr/bin/nice", "-n", "15", Self.packageRoot + "/scripts/install.sh", "--prefix", prefix],
                                           in: Self.packageRoot, timeout: 1500)
        try #require(install.status == 0, "install failed:\n\(install.stdout)\n\(install.stderr)")
        let installed = [
            "bin/clerk-team", "share/man/man1/clerk-team.1", "share/bash-completion/completions/clerk-team",
            "share/zsh/site-functions/_clerk-team", "share/fish/vendor_completions.d/clerk-team.fish",
        ].map { prefix + "/" + $0 }
        for path in installed { #expect(FileManager.default.fileExists(atPath: path), "\(path) not installed") }
        let manifest = try String(contentsOfFile: prefix + "/share/clerk-team/installed-files", encoding: .utf8)
        #expect(manifest.split(separator: "\n").map(String.init) == installed)

        try checkOnlySystemLibraries()
        try checkItRunsFromPath()
        try checkTheManualPage()
        try checkBashCompletionOffersEmails()
        try checkTheMailsAcceptCommandWorksAsWritten()

        let uninstall = try BinaryRunner.run([Self.packageRoot + "/scripts/install.sh", "--uninstall", "--prefix", prefix],
                                             in: dir.path)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        for path in installed + [prefix + "/share/clerk-team/installed-files"] {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) left behind")
        }
        #expect(FileManager.default.fileExists(atPath: prefix + "/bin/other-tool"), "uninstall removed a file it had not installed")
        let again = try BinaryRunner.run([Self.packageRoot + "/scripts/install.sh", "--uninstall", "--prefix", prefix], in: dir.path)
        #expect(again.status == 1 && again.stderr.contains("nothing installed under"))
    }

    /// `ldd`: every library resolved from the system's folders; no Swift runtime library at all.
    func checkOnlySystemLibraries() throws {
        let ldd = try clean(["ldd", prefix + "/bin/clerk-team"])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        let lines = ldd.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.count > 3)
        for line in lines {
            #expect(!line.contains("not found"), "\(line)")
            #expect(!line.lowercased().contains("swift") && !line.contains("libFoundation") && !line.contains("libdispatch"),
                    "a toolchain library: \(line)")
            if let path = line.split(separator: "=>").last?.trimmingCharacters(in: .whitespaces).split(separator: " ").first,
               path.hasPrefix("/") {
                #expect(path.hasPrefix("/lib/") || path.hasPrefix("/lib64/") || path.hasPrefix("/usr/lib/"), "\(line)")
            }
        }
        let file = try clean(["file", "-L", prefix + "/bin/clerk-team"])
        if file.status == 0 { #expect(file.stdout.contains("stripped") && !file.stdout.contains("not stripped")) }
    }

    func checkItRunsFromPath() throws {
        let help = try clean(["clerk-team", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: clerk-team"), "\(help.stderr)")
        let demo = try clean(["clerk-team", "demo", "--db", dir.file("demo.db"), "--members", "12"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let numbers = try clean(["clerk-team", "--db", dir.file("demo.db"), "inboxes", "add", "+33 1 42 68 53 00", "--name", "Paris", "--public"])
        #expect(numbers.status == 0, "libphonenumber through the installed binary: \(numbers.stderr)")
    }

    func checkTheManualPage() throws {
        let page = prefix + "/share/man/man1/clerk-team.1"
        let rendered = try clean(["man", "-l", page], ["MANPAGER=cat", "MANWIDTH=100"])
        #expect(rendered.status == 0 && rendered.stderr.isEmpty, "\(rendered.stderr)")
        #expect(rendered.stdout.contains("\nCOMMANDS\n") && rendered.stdout.contains("\n   members set-role\n"))
        #expect(rendered.stdout.contains("\nKEYS\n") && rendered.stdout.contains("Member list"))
        // `man clerk-team` finds it once MANPATH includes the prefix.
        let byName = try clean(["man", "clerk-team"], ["MANPAGER=cat", "MANPATH=\(prefix)/share/man:"])
        #expect(byName.status == 0 && byName.stdout.contains("EXIT STATUS"), "\(byName.stderr)")
    }

    /// As bash does on `clerk-team --db DEMO members set-role <Tab>`.
    func checkBashCompletionOffersEmails() throws {
        let db = dir.file("demo.db")
        let program = """
            source \(prefix)/share/bash-completion/completions/clerk-team
            COMP_WORDS=(clerk-team --db \(db) members set-role "")
            COMP_CWORD=5
            COMP_LINE="clerk-team --db \(db) members set-role "
            COMP_POINT=${#COMP_LINE}
            _clerk-team clerk-team "" set-role
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try clean(["bash", "--norc", "--noprofile", "-c", program])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let offers = result.stdout.split(separator: "\n")
        #expect(offers.count == 12, "\(result.stdout)")
        #expect(offers.allSatisfy { $0.hasSuffix("@demo.example") }, "\(result.stdout)")
    }

    /// The invitation mail says `echo TOKEN | clerk-team accept - --db PATH`; with the
    /// install that runs as written (the superuser provisions for a login
    /// here, since the test's own login is already the admin).
    func checkTheMailsAcceptCommandWorksAsWritten() throws {
        let db = dir.file("demo.db")
        let invite = try clean(["clerk-team", "--db", db, "invite", "new.person@example.com", "--role", "agent"],
                               ["XDG_DATA_HOME=\(home)/data", "XDG_CONFIG_HOME=\(home)/config"])
        #expect(invite.status == 0, "\(invite.stderr)")
        let mailFolder = home + "/data/clerk-team/mail"
        let mail = try #require(try FileManager.default.contentsOfDirectory(atPath: mailFolder).first.map {
            try String(contentsOfFile: mailFolder + "/" + $0, encoding: .utf8)
        })
        // The one-line form the mail gives: `echo TOKEN | clerk-team accept - --db PATH`.
        let line = try #require(mail.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("(or in one line: echo ") })
        let command = String(line.dropFirst("(or in one line: ".count).dropLast())
        #expect(command.contains("| clerk-team accept - --db "), "\(command)")
        let accepted = try clean(["sh", "-c", command + " --login newperson"])
        #expect(accepted.status == 0 && accepted.stdout.contains("new.person@example.com is now agent"), "\(accepted.stderr)")
    }
}
