import Foundation
import TeamCore

/// The audit log's hash chain: each row's `hash` is SHA-256 of the previous
/// row's hash and this row's fields, each length-prefixed so no two rows can
/// encode alike. Editing, deleting or inserting a row breaks the chain from
/// there on; `audit verify` finds the first broken row.
///
/// There is no secret: whoever can write the file can recompute the whole
/// chain. What verify prints last (the head hash), kept somewhere else,
/// detects that too.
enum AuditChain {
    static let columns = "id, at, actor, os_login, via_as, interface, action, target, before, after, outcome, rule"

    /// The fields of one row as SQL values, in ``columns`` order.
    typealias Fields = [SQLValue]

    static func hash(previous: [UInt8], _ fields: Fields) -> [UInt8] {
        var bytes = previous
        for field in fields {
            switch field {
            case .null:
                bytes.append(0)
            case .int(let value):
                bytes.append(1)
                withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
            case .text(let text):
                bytes.append(2)
                append(Array(text.utf8), to: &bytes)
            case .blob(let blob):
                bytes.append(3)
                append(blob, to: &bytes)
            }
        }
        return InvitationToken.sha256(bytes)
    }

    private static func append(_ data: [UInt8], to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(data.count).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: data)
    }

    static func fields(_ row: Row) -> Fields {
        (0..<12).map { row.value($0) }
    }

    /// The last row's id and hash (0 and no bytes for an empty log).
    static func head(_ db: SQLiteConnection) throws -> (id: Int64, hash: [UInt8]) {
        try db.first("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1") { ($0.int(0), $0.optionalBlob(1) ?? []) }
            ?? (0, [])
    }

    /// Seals rows written before the log was chained (the upgrade to schema 2):
    /// from then on they are covered like any other. Runs in the migration's transaction.
    static func sealUnsealed(_ db: SQLiteConnection) throws {
        var previous: [UInt8] = []
        var rows: [(id: Int64, hash: [UInt8]?, fields: Fields)] = []
        try db.query("SELECT \(columns), hash FROM audit ORDER BY id") { row in
            rows.append((row.int(0), row.optionalBlob(12), fields(row)))
        }
        guard rows.contains(where: { $0.hash == nil }) else { return }
        // The UPDATE trigger guards the log; sealing is the one update it ever gets, inside the upgrade.
        try db.execute("DROP TRIGGER audit_no_update")
        for row in rows {
            let sealed = hash(previous: previous, row.fields)
            try db.run("UPDATE audit SET hash = ? WHERE id = ?", [SQLValue.blob(sealed), row.id])
            previous = sealed
        }
        try db.execute("""
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
    }

    /// Recomputes the chain from the first row.
    static func verify(_ db: SQLiteConnection) throws -> AuditVerification {
        var previous: [UInt8] = []
        var count = 0
        var broken: Int64?
        var expectedID: Int64?
        try db.query("SELECT \(columns), hash FROM audit ORDER BY id") { row in
            guard broken == nil else { return }
            count += 1
            let id = row.int(0)
            let computed = hash(previous: previous, fields(row))
            // A row taken out of the middle shows as a gap in the ids, and
            // the next row's hash no longer follows from the one before.
            if row.optionalBlob(12) != computed || (expectedID.map { $0 != id } ?? false) {
                broken = id
                return
            }
            previous = computed
            expectedID = id + 1
        }
        return AuditVerification(rows: count, firstBrokenRow: broken,
                                 head: previous.map { String(format: "%02x", $0) }.joined())
    }
}
