import Foundation

/// How header values are written (RFC 5322, RFC 2047). Callers have already
/// refused control characters; this only quotes and encodes.
enum MailEncoding {
    /// Printable ASCII without specials that would need quoting in a phrase.
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ .".unicodeScalars)

    /// `local@domain` with no spaces, quotes, angle brackets or commas: the
    /// form ``EmailAddress`` produces. Non-ASCII letters are allowed (RFC 6532).
    private static let forbiddenInAddress = Set(" \t\"<>(),;:\\[]".unicodeScalars)

    static func isPlainAddress(_ address: String) -> Bool {
        let forbidden = forbiddenInAddress
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !address.unicodeScalars.contains(where: forbidden.contains)
    }

    static func mailbox(address: String, displayName: String?) -> String {
        guard let displayName, !displayName.isEmpty else { return address }
        return phrase(displayName) + " <" + address + ">"
    }

    /// A display name: bare if plain, quoted if ASCII with specials, encoded otherwise.
    static func phrase(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(atext.contains) { return text }
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return encodedWords(text)
    }

    /// Subject-like text: as is if printable ASCII (folded if long), else encoded words.
    static func unstructured(_ text: String, fieldName: String) -> String {
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            return fold(text, used: fieldName.count + 2)
        }
        return encodedWords(text)
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, folded onto
    /// continuation lines; never splitting a character's UTF-8 bytes.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - len("=?UTF-8?B??=") = 63 base64 chars = 45 bytes at most; stay below.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\n ")
    }

    /// Folds long ASCII text at spaces so header lines stay near 78
    /// characters; unfolding (dropping the line breaks) gives the text back.
    static func fold(_ text: String, used: Int) -> String {
        var out = ""
        var width = used
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index == 0 {
                out += word
                width += word.count
            } else if width + 1 + word.count > 78 {
                out += "\n " + word
                width = 1 + word.count
            } else {
                out += " " + word
                width += 1 + word.count
            }
        }
        return out
    }
}
