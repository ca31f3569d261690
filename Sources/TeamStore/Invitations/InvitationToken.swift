import CCrypto

/// An invitation token: 32 bytes from the system CSPRNG, written as 52
/// lowercase base32 characters (RFC 4648 alphabet, no padding) so it
/// survives mail clients, terminals and being read aloud.
///
/// Only ``hash`` (SHA-256 of the text) is ever stored; the text itself
/// exists in memory, in the spooled mail and in the invitee's mailbox.
struct InvitationToken: Sendable, Equatable {
    static let byteCount = 32
    static let textLength = 52
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    let text: String

    /// A fresh token. `SystemRandomNumberGenerator` reads getrandom(2) on
    /// Linux and arc4random on Apple systems: both are CSPRNGs.
    static func generate() -> InvitationToken {
        var generator = SystemRandomNumberGenerator()
        // Four 64-bit draws: one getrandom(2) call each, rather than one per byte.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        for _ in 0..<(byteCount / 8) {
            withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) }
        }
        return InvitationToken(text: base32(bytes))
    }

    /// The token as a person typed it (spaces and case forgiven), or nil if
    /// it cannot be one: callers answer nil exactly like an unknown token.
    static func parse(_ typed: String) -> InvitationToken? {
        let text = typed.lowercased().filter { !$0.isWhitespace }
        guard text.utf8.count == textLength, text.utf8.allSatisfy(alphabet.contains) else { return nil }
        return InvitationToken(text: text)
    }

    /// SHA-256 of the token text: what the database keeps.
    var hash: [UInt8] { Self.sha256(Array(text.utf8)) }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
    }

    static func base32(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Inverse of ``base32(_:)``, for tests of the encoding.
    static func base32Decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for char in text.utf8 {
            guard let value = alphabet.firstIndex(of: char) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return out
    }
}
