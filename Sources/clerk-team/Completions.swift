import ArgumentParser
import Foundation
import TeamCore
import TeamStore

/// Values the shell offers on Tab. Roles and permissions are compiled in;
/// emails, inbox numbers, groups and invitations are read from the workspace
/// named by `--db` on the line being completed (else the default one).
///
/// The shell runs this binary on every Tab, so it opens the workspace
/// read-only through the one opener and answers nothing at all on any
/// problem (no file, login not a member, bad `--db`): an error printed in the
/// middle of a command line being typed would be worse than no suggestion.
enum Complete {
    static let roles = CompletionKind.list(Role.byRank.map(\.rawValue))
    static let permissions = CompletionKind.list(Permission.allCases.map(\.rawValue))
    static let visibility = CompletionKind.list(InboxVisibility.allCases.map(\.rawValue))
    static let memberSort = CompletionKind.list(MemberSort.allCases.map(\.rawValue))

    static let emails = CompletionKind.custom { words, _, prefix in
        values(words, prefix) { try $0.members().map(\.member.email.value) }
    }
    static let phones = CompletionKind.custom { words, _, prefix in
        values(words, prefix) { try $0.inboxList().map(\.phone.value) }
    }
    static let groups = CompletionKind.custom { words, _, prefix in
        values(words, prefix) { try $0.groups().map(\.name) }
    }
    static let contacts = CompletionKind.custom { words, _, prefix in
        values(words, prefix) { try $0.contactListing().contacts.map(\.phone.value) }
    }
    static let properties = CompletionKind.custom { words, _, prefix in
        values(words, prefix) { try $0.contactListing().properties.map(\.name) }
    }
    static let propertyTypes = CompletionKind.list(PropertyType.allCases.map(\.rawValue))
    /// `properties choices NAME --remove a,b`: the named property's choices,
    /// after the ones already typed before the last comma.
    static let choices = CompletionKind.custom { words, _, prefix in
        guard let verb = words.firstIndex(of: "choices"), verb + 1 < words.count else { return [] }
        let name = unquoted(words[verb + 1])
        let typed = unquoted(prefix)
        let done = typed.lastIndex(of: ",").map { String(typed[...$0]) } ?? ""
        return values(words, "") { workspace in
            let property = try workspace.contactListing().properties.first { $0.name.lowercased() == name.lowercased() }
            return (property?.choices ?? []).map { done + $0 }
        }.filter { $0.hasPrefix(typed) }
    }
    /// Invitations that can still be resent or revoked, by email.
    static let invitations = CompletionKind.custom { words, _, prefix in
        values(words, prefix) { workspace in
            try workspace.invitations(status: nil).map(\.invitation)
                .filter { $0.status == .pending || $0.status == .expired }.map(\.email.value)
        }
    }
    /// `--view-as`: a role or a member's email.
    static let roleOrEmail = CompletionKind.custom { words, _, prefix in
        Role.byRank.map(\.rawValue).filter { $0.hasPrefix(prefix) }
            + values(words, prefix) { try $0.members().map(\.member.email.value) }
    }

    static func values(_ words: [String], _ prefix: String,
                       _ read: (SQLiteWorkspace) throws -> [String]) -> [String] {
        do {
            var arguments = ["--read-only"]
            if let db = database(in: words) { arguments += ["--db", db] }
            let workspace = try GlobalOptions.parse(arguments).openWorkspace()
            let typed = unquoted(prefix)
            return try read(workspace).filter { $0.hasPrefix(typed) }.sorted()
        } catch {
            return []
        }
    }

    /// The value of the last `--db PATH` or `--db=PATH` on the line, as the shell would read it.
    static func database(in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == "--db", index + 1 < words.count {
                found = words[index + 1]
            } else if word.hasPrefix("--db=") {
                found = String(word.dropFirst(5))
            }
        }
        return found.map(unquoted).map(expandingHome).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Shell words arrive verbatim: drop the quotes and backslashes a person would type.
    static func unquoted(_ word: String) -> String {
        if word.count >= 2, let first = word.first, first == "'" || first == "\"", word.last == first {
            return String(word.dropFirst().dropLast())
        }
        return word.replacingOccurrences(of: "\\", with: "")
    }

    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
