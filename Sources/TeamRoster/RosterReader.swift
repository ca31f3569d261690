import TeamCore
import TeamPhone
import Yams

/// Every problem found in a roster file, each with its line.
public struct RosterProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [LineError]

    public init(_ problems: [LineError]) { self.problems = problems.sorted() }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Reads a roster file: YAML, or JSON (which YAML includes), as `roster
/// export` writes it or as a person edits it. Every problem is collected
/// with the line Yams marks it on, so one run lists them all; references
/// are checked within the file (a member's inbox or group must be listed
/// in `inboxes` or `groups`), the workspace is not consulted.
public enum RosterReader {
    /// The `roster:` key of a file: its format. A later format that this
    /// version cannot read is refused rather than half understood.
    public static let formatVersion = 1

    public static func read(_ text: String) throws(RosterProblems) -> Roster {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw RosterProblems([syntaxProblem(error)])
        }
        guard let root else {
            throw RosterProblems([LineError(line: 1, message: "the file is empty; expected a roster starting with 'roster: \(formatVersion)'")])
        }
        var reader = Fields()
        let roster = reader.roster(root)
        guard reader.problems.isEmpty, let roster else { throw RosterProblems(reader.problems) }
        return roster.sorted()
    }

    /// Yams's own errors, as one line each: where, and libyaml's words for what.
    static func syntaxProblem(_ error: any Error) -> LineError {
        guard let yaml = error as? YamlError else { return LineError(line: 0, message: "cannot read the file: \(error)") }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let around = context.map { " (\($0.text) on line \($0.mark.line))" } ?? ""
            return LineError(line: mark.line, message: "not valid YAML: \(problem)\(around)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LineError(line: context.mark.line,
                             message: "a key is given twice in one entry: " + duplicates.map { "'\($0)'" }.joined(separator: ", "))
        case .reader(let problem, _, _, _):
            return LineError(line: 0, message: "cannot read the file as UTF-8 text: \(problem)")
        default:
            return LineError(line: 0, message: "cannot read the file: \(yaml)")
        }
    }
}

/// Walks the composed YAML tree section by section, collecting problems.
private struct Fields {
    var problems: [LineError] = []
    /// Numbers read so far, by how they were written (see ``phone(_:_:)``).
    var phones: [String: PhoneNumber] = [:]
    /// What the file lists in `inboxes` and `groups`, entries with a mistake
    /// included (the mistake is reported on the entry): using one of those
    /// is not a second problem for each member that does.
    var listedPhones: Set<PhoneNumber> = []
    var listedPhoneSpellings: Set<String> = []
    var listedGroupNames: Set<String> = []
    /// Uses of an inbox or group the file does not list: one problem each,
    /// on the first use, saying how many use it (``reportUnlisted()``).
    var unlisted: [String: Unlisted] = [:]

    struct Unlisted {
        let node: Node
        var members = 0
        var groups = 0
    }

    enum User { case member, group }

    mutating func problem(_ node: Node?, _ message: String) {
        problems.append(LineError(line: node?.mark?.line ?? 0, message: message))
    }

    func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    /// The keys of a mapping; unknown keys and missing required ones are problems.
    mutating func entry(_ node: Node, _ what: String, allowed: [String], required: [String]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            problem(node, "\(what) must be a mapping of \(allowed.joined(separator: ", "))")
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, allowed.contains(name) else {
                problem(key, "unknown key '\(key.scalar?.string ?? "?")' in \(what); expected \(allowed.joined(separator: ", "))")
                continue
            }
            fields[name] = value
        }
        for name in required where fields[name] == nil || isNull(fields[name]) {
            problem(node, "\(what) has no '\(name)'")
        }
        return fields
    }

    func isNull(_ node: Node?) -> Bool {
        guard case .scalar(let scalar)? = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    mutating func text(_ node: Node?, _ what: String) -> String? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            problem(node, "\(what) must be a single value")
            return nil
        }
        return scalar.string
    }

    /// A list, or nothing (a key left out or written `[]`, `~`).
    mutating func items(_ node: Node?, _ what: String) -> [Node] {
        guard let node, !isNull(node) else { return [] }
        guard case .sequence(let sequence) = node else {
            problem(node, "\(what) must be a list, e.g. [a, b]")
            return []
        }
        return Array(sequence)
    }

    mutating func value<T>(_ node: Node?, _ what: String, _ parse: (String) throws(ValidationError) -> T) -> T? {
        guard let node, let raw = text(node, what) else { return nil }
        do { return try parse(raw) } catch { problem(node, error.message); return nil }
    }

    /// As the command line and the CSV import read numbers: written as people
    /// do, checked by libphonenumber, once per spelling (a member's inboxes
    /// repeat the same few numbers, 15,000 times in a 10,000-member file).
    mutating func phone(_ node: Node?, _ what: String) -> PhoneNumber? {
        guard let node, let raw = text(node, what) else { return nil }
        if let known = phones[raw] { return known }
        do {
            let number = try PhoneNumbers.parse(raw)
            phones[raw] = number
            return number
        } catch {
            problem(node, error.message)
            return nil
        }
    }

    mutating func permissions(_ node: Node?, _ what: String) -> Set<Permission> {
        Set(items(node, what).compactMap { value($0, what, Permission.parse) })
    }

    // MARK: - Values

    static func email(_ text: String) throws(ValidationError) -> EmailAddress { try EmailAddress(text) }
    static func memberName(_ text: String) throws(ValidationError) -> DisplayName { try DisplayName(text) }
    static func inboxName(_ text: String) throws(ValidationError) -> DisplayName { try DisplayName(text, field: "inbox name") }

    static func status(_ text: String) throws(ValidationError) -> Roster.Status {
        guard let status = Roster.Status(rawValue: text.lowercased()) else {
            throw ValidationError(field: "status", message: "unknown status '\(text)'; expected active, deactivated or invited")
        }
        return status
    }

    // MARK: - Sections

    mutating func roster(_ root: Node) -> Roster? {
        guard let top = entry(root, "the roster", allowed: ["roster", "roles", "inboxes", "groups", "members"],
                              required: ["roster"]) else { return nil }
        if let version = top["roster"], let given = text(version, "roster"), given != String(RosterReader.formatVersion) {
            problem(version, "this is roster format '\(given)'; this clerk-team reads format \(RosterReader.formatVersion)")
        }
        let inboxes = inboxEntries(items(top["inboxes"], "inboxes"))
        let groups = groupEntries(items(top["groups"], "groups"), inboxes: Set(inboxes.map(\.phone)))
        let members = memberEntries(items(top["members"], "members"), inboxes: Set(inboxes.map(\.phone)),
                                    groups: Dictionary(groups.map { ($0.name.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a }))
        reportUnlisted()
        return Roster(roles: roleChanges(items(top["roles"], "roles")), inboxes: inboxes, groups: groups, members: members)
    }

    /// Remembers the first line of each key; a second one is a problem.
    mutating func once<Key: Hashable>(_ key: Key, _ node: Node, in seen: inout [Key: Int], _ what: String) -> Bool {
        if let first = seen[key] {
            problem(node, "\(what) is listed twice (first on line \(first))")
            return false
        }
        seen[key] = line(node)
        return true
    }

    /// A member's or group's use of an inbox: the number if its entry is
    /// good; nothing, and no problem, if its entry has one (reported there);
    /// nothing, counted as an unlisted use, if the file does not list it.
    mutating func inboxUse(_ item: Node, by user: User, inboxes: Set<PhoneNumber>) -> PhoneNumber? {
        if let raw = item.scalar?.string, phones[raw] == nil, listedPhoneSpellings.contains(raw) { return nil }
        guard let phone = phone(item, "inbox") else { return nil }
        if inboxes.contains(phone) { return phone }
        if !listedPhones.contains(phone) { use(unlisted: "inbox \(phone) is not in the file's inboxes list", item, by: user) }
        return nil
    }

    mutating func use(unlisted message: String, _ node: Node, by user: User) {
        var entry = unlisted[message] ?? Unlisted(node: node)
        switch user {
        case .member: entry.members += 1
        case .group: entry.groups += 1
        }
        unlisted[message] = entry
    }

    /// One problem per unlisted inbox or group, on its first use: "… (used by 2 groups and 16 members)".
    mutating func reportUnlisted() {
        for (message, use) in unlisted {
            let users = [use.groups > 0 ? counted(use.groups, "group") : nil, use.members > 0 ? counted(use.members, "member") : nil]
                .compactMap { $0 }
            problem(use.node, use.groups + use.members > 1 ? "\(message) (used by \(users.joined(separator: " and ")))" : message)
        }
    }

    mutating func roleChanges(_ nodes: [Node]) -> [Roster.RoleChange] {
        var seen: [Role: Int] = [:]
        return nodes.compactMap { node in
            guard let fields = entry(node, "a role entry", allowed: ["role", "added", "removed"], required: ["role"]),
                  let role = value(fields["role"], "role", Role.parse),
                  once(role, node, in: &seen, "role \(role.rawValue)") else { return nil }
            let added = permissions(fields["added"], "added"), removed = permissions(fields["removed"], "removed")
            if let both = added.intersection(removed).sorted().first {
                problem(node, "\(both.rawValue) is both added to and removed from role \(role.rawValue)")
            }
            // Kept as changes against the shipped matrix, as an export writes them.
            let shipped = RoleMatrix.shipped.permissions(of: role)
            return Roster.RoleChange(role: role, added: added.subtracting(shipped), removed: removed.intersection(shipped))
        }.filter { !$0.added.isEmpty || !$0.removed.isEmpty }
    }

    mutating func inboxEntries(_ nodes: [Node]) -> [Roster.InboxEntry] {
        var seen: [PhoneNumber: Int] = [:]
        return nodes.compactMap { node in
            guard let fields = entry(node, "an inbox", allowed: ["phone", "name", "visibility"],
                                     required: ["phone", "name", "visibility"]) else { return nil }
            let phone = phone(fields["phone"], "phone")
            if let phone { listedPhones.insert(phone) } else if let raw = fields["phone"]?.scalar?.string { listedPhoneSpellings.insert(raw) }
            let name = value(fields["name"], "inbox name", Self.inboxName)
            let visibility = value(fields["visibility"], "visibility", InboxVisibility.parse)
            guard let phone, let name, let visibility, once(phone, node, in: &seen, "inbox \(phone)") else { return nil }
            return Roster.InboxEntry(phone: phone, name: name.value, visibility: visibility)
        }
    }

    mutating func groupEntries(_ nodes: [Node], inboxes: Set<PhoneNumber>) -> [Roster.GroupEntry] {
        var seen: [String: Int] = [:]
        return nodes.compactMap { node in
            guard let fields = entry(node, "a group", allowed: ["name", "grants", "inboxes"], required: ["name"]) else { return nil }
            if let raw = fields["name"]?.scalar?.string { listedGroupNames.insert(raw.lowercased()) }
            guard let name = value(fields["name"], "group name", Group.validName),
                  once(name.value.lowercased(), node, in: &seen, "group '\(name)'") else { return nil }
            var phones: [PhoneNumber] = []
            for item in items(fields["inboxes"], "inboxes") {
                guard let phone = inboxUse(item, by: .group, inboxes: inboxes) else { continue }
                if !phones.contains(phone) { phones.append(phone) }
            }
            return Roster.GroupEntry(name: name.value, grants: permissions(fields["grants"], "grants"), inboxes: phones)
        }
    }

    mutating func memberEntries(_ nodes: [Node], inboxes: Set<PhoneNumber>, groups: [String: String]) -> [Roster.MemberEntry] {
        var seen: [EmailAddress: Int] = [:]
        let keys = ["email", "name", "role", "status", "inboxes", "groups", "grant", "revoke"]
        return nodes.compactMap { node in
            guard let fields = entry(node, "a member", allowed: keys, required: ["email", "role"]) else { return nil }
            let email = value(fields["email"], "email", Self.email)
            let first = email.map { once($0, node, in: &seen, $0.value) } ?? false
            let name = value(fields["name"], "name", Self.memberName)
            let role = value(fields["role"], "role", Role.parse)
            // Left out, a member is active.
            let status = isNull(fields["status"]) || fields["status"] == nil ? .active : value(fields["status"], "status", Self.status)
            var phones: [PhoneNumber] = []
            for item in items(fields["inboxes"], "inboxes") {
                guard let phone = inboxUse(item, by: .member, inboxes: inboxes) else { continue }
                if !phones.contains(phone) { phones.append(phone) }
            }
            var names: [String] = []
            for item in items(fields["groups"], "groups") {
                // A group listed with a mistake in its entry: reported there, once.
                if let raw = item.scalar?.string, groups[raw.lowercased()] == nil, listedGroupNames.contains(raw.lowercased()) { continue }
                guard let given = value(item, "group", Group.validName)?.value else { continue }
                if let known = groups[given.lowercased()] {
                    if !names.contains(known) { names.append(known) }
                } else if !listedGroupNames.contains(given.lowercased()) {
                    use(unlisted: "group '\(given)' is not in the file's groups list", item, by: .member)
                }
            }
            let grants = permissions(fields["grant"], "grant"), revokes = permissions(fields["revoke"], "revoke")
            if let both = grants.intersection(revokes).sorted().first {
                problem(node, "\(both.rawValue) is both granted to and revoked from one member")
            }
            guard let email, first, let role, let status else { return nil }
            return Roster.MemberEntry(email: email, name: name?.value, role: role, status: status, inboxes: phones,
                                      groups: names, grants: grants, revokes: revokes)
        }
    }
}
