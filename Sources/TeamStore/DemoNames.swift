import Foundation
import TeamCore

/// Names for the demo workspace, chosen to exercise wide characters,
/// accents, apostrophes and right-to-left scripts in every screen.
enum DemoNames {
    static let inboxes: [(String, String, InboxVisibility)] = [
        ("+14155550100", "Support", .public),
        ("+14155550101", "Sales", .public),
        ("+14155550102", "Front Desk", .public),
        ("+442071838750", "London Office", .public),
        ("+4930901820", "Berlin Büro", .public),
        ("+14155550190", "Dana's direct line", .private),
        ("+14155550191", "Escalations", .private),
        ("+819012345678", "東京 窓口", .private),
    ]

    static let invitations: [(String, Role, [String])] = [
        ("nadia.rahman@demo.example", .agent, ["+14155550100", "+14155550101"]),
        ("joao.pereira@demo.example", .member, ["+14155550102"]),
        ("hana.sato@demo.example", .manager, []),
    ]

    static let givenNames: [(String, String)] = [
        ("Ava", "ava"), ("José", "jose"), ("Zoë", "zoe"), ("Łukasz", "lukasz"), ("Björn", "bjorn"),
        ("美咲", "misaki"), ("Søren", "soren"), ("Ana-María", "ana-maria"), ("Ólafur", "olafur"),
        ("François", "francois"), ("Priya", "priya"), ("Chidi", "chidi"), ("Mei", "mei"),
        ("Dmitri", "dmitri"), ("Fatima", "fatima"), ("Hiroshi", "hiroshi"), ("Ingrid", "ingrid"),
        ("Kwame", "kwame"), ("Liam", "liam"), ("Noa", "noa"), ("Oksana", "oksana"), ("Rafael", "rafael"),
        ("Siobhán", "siobhan"), ("Tomás", "tomas"), ("Yara", "yara"), ("지민", "jimin"), ("Emma", "emma"),
        ("Mateo", "mateo"), ("Nguyễn", "nguyen"), ("Sam 🚀", "sam"),
    ]

    static let familyNames: [(String, String)] = [
        ("García", "garcia"), ("Müller", "muller"), ("O'Brien", "obrien"), ("Nowak", "nowak"),
        ("Andersson", "andersson"), ("田中", "tanaka"), ("Okafor", "okafor"), ("Rossi", "rossi"),
        ("Kowalski", "kowalski"), ("Dubois", "dubois"), ("Patel", "patel"), ("Ivanova", "ivanova"),
        ("Haddad", "haddad"), ("Smith", "smith"), ("Nakamura", "nakamura"), ("Jensen", "jensen"),
        ("Mensah", "mensah"), ("Brennan", "brennan"), ("Cohen", "cohen"), ("Silva", "silva"),
        ("王", "wang"), ("Papadopoulos", "papadopoulos"), ("Kim", "kim"), ("Lefèvre", "lefevre"),
    ]

    static func person(_ index: Int, _ random: inout SplitMix64) -> (name: String, email: String) {
        let given = givenNames[random.next(givenNames.count)]
        let family = familyNames[random.next(familyNames.count)]
        let name = given.0.unicodeScalars.first.map { $0.properties.isIdeographic || ($0.value >= 0xAC00 && $0.value <= 0xD7A3) } == true
            ? family.0 + given.0 : given.0 + " " + family.0
        return (name, "\(given.1).\(family.1).\(index + 1)@demo.example")
    }

    static func role(_ index: Int, _ random: inout SplitMix64) -> Role {
        if index == 0 { return .workspaceAdmin }
        switch random.next(100) {
        case 0..<4: return .admin
        case 4..<16: return .manager
        case 16..<56: return .agent
        default: return .member
        }
    }

    /// A login name as the local part of an email address (letters, digits, `.-_`).
    static func emailLocal(_ login: String) -> String {
        let cleaned = String(login.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
        }).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let collapsed = cleaned.split(separator: ".").joined(separator: ".")
        return collapsed.isEmpty ? "operator" : collapsed
    }
}
