import TeamCore
import TeamMail
#if canImport(Glibc)
import Glibc
#endif

/// Reading a leased mail's message back from the spool and deciding whether
/// it is the one that was queued: right owner and mode (``Spool/read``),
/// the length and SHA-256 recorded with its row. Runs outside any transaction.
enum SpoolCheck {
    struct Candidate {
        let id: MailID
        let recipient: String
        let file: String
        let offset: Int64
        let length: Int64
        let attempts: Int
        /// nil for mail queued before hashes were recorded (schema 3).
        let sha256: [UInt8]?
        let queuedBy: String
    }

    enum Problem: Error {
        case missing
        case tampered(String)
        case unreadable(String)
    }

    static func message(_ candidate: Candidate, in spool: Spool) -> Result<String, Problem> {
        let read: SpoolRead
        do {
            read = try spool.read(candidate.file, offset: candidate.offset, length: candidate.length,
                                  owners: owners(queuedBy: candidate.queuedBy))
        } catch {
            return .failure(.unreadable("\(error)"))
        }
        switch read {
        case .missing:
            return .failure(.missing)
        case .refused(let why):
            return .failure(.tampered(why))
        case .message(let bytes):
            if let expected = candidate.sha256, InvitationToken.sha256(bytes) != expected {
                return .failure(.tampered("the message does not match the one queued (SHA-256 differs)"))
            }
            return .success(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Who may have written a spool file: the process that queued it runs as
    /// the login `queued_by`; a file of our own (or root's, for root) is ours.
    static func owners(queuedBy login: String) -> Set<uid_t> {
        var owners: Set<uid_t> = [geteuid()]
        if geteuid() == 0, let entry = getpwnam(login) { owners.insert(entry.pointee.pw_uid) }
        return owners
    }
}
