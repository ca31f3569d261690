import TeamCore
import TeamPhone

/// Column lists and mappers shared by the queries, so a member or inbox is
/// read the same way everywhere.
enum RowMapping {
    static let memberColumns = "id, email, name, role, login, status, version"
    static let inboxColumns = "id, phone, name, visibility, version"

    static func member(_ row: Row, offset: Int32 = 0) throws -> Member {
        Member(
            id: row.int(offset),
            email: EmailAddress(stored: row.text(offset + 1)),
            name: row.text(offset + 2),
            role: Role(rawValue: row.text(offset + 3)) ?? .member,
            login: row.optionalText(offset + 4),
            status: MemberStatus(rawValue: row.text(offset + 5)) ?? .deactivated,
            version: row.int(offset + 6))
    }

    static func inbox(_ row: Row, offset: Int32 = 0) throws -> Inbox {
        let phone = PhoneNumber(stored: row.text(offset + 1))
        return Inbox(
            id: row.int(offset),
            phone: phone,
            name: row.text(offset + 2),
            visibility: InboxVisibility(rawValue: row.text(offset + 3)) ?? .private,
            version: row.int(offset + 4),
            formatted: PhoneNumbers.display(phone), region: PhoneNumbers.region(phone))
    }

    /// Case- and accent-insensitive sort key, so the list reads like a phone book.
    static func sortKey(_ name: String) -> String {
        SearchKey.fold(name)
    }
}
