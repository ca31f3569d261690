import Foundation
import TeamCore
#if canImport(Glibc)
import Glibc
#endif

/// The default transport: each message becomes a `.eml` file in a folder
/// (0700, files 0600: they hold tokens), for a person or another tool to send.
public struct FolderTransport: MailTransport {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public var summary: String { "folder \(directory)" }

    public func deliver(_ mail: QueuedMail) throws(MailDeliveryError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw MailDeliveryError("cannot create mail folder \(directory): \(error.localizedDescription)")
        }
        let safeRecipient = String(mail.recipient.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@.-_+".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        let base = "\(directory)/mail-\(mail.id)-\(safeRecipient)"
        // Unique per process and attempt: workspaces share the folder and number their mail alike.
        let temporary = "\(directory)/.mail-\(mail.id)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MailDeliveryError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let bytes = Array(mail.message.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw MailDeliveryError("cannot write \(temporary): \(reason)")
            }
            written += count
        }
        fsync(fd)
        close(fd)
        defer { unlink(temporary) }
        // link() never replaces: another workspace's mail with the same number
        // keeps its file and this one gets the next free name. A retried
        // delivery of this very message finds its own file and adds none.
        for attempt in 1...1000 {
            let final = attempt == 1 ? base + ".eml" : base + "-\(attempt).eml"
            if link(temporary, final) == 0 { return "file \(final)" }
            guard errno == EEXIST else {
                throw MailDeliveryError("cannot write \(final): \(String(cString: strerror(errno)))")
            }
            if FileManager.default.contents(atPath: final) == Data(bytes) { return "file \(final)" }
        }
        throw MailDeliveryError("cannot find a free file name for \(base).eml in \(directory)")
    }
}
