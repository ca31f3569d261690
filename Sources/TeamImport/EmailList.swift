import Foundation
import TeamCore

/// Reads a list of member emails for a bulk change (`--from-file`): one
/// email per line; blank lines and lines starting with `#` are skipped;
/// CRLF line ends and a UTF-8 byte-order mark are fine. A bad email and an
/// email listed twice are errors with their line, as the editor counts it.
public enum EmailList {
    public struct Parsed: Sendable, Equatable {
        public var emails: [EmailAddress]
        public var errors: [LineError]
    }

    public static func parse(_ text: String) -> Parsed {
        var parsed = Parsed(emails: [], errors: [])
        var firstLine: [EmailAddress: Int] = [:]
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // Split on "\n" only, by bytes: "\r\n" is one Character and would not match "\n".
        for (index, raw) in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                let email = try EmailAddress(line)
                if let first = firstLine[email] {
                    parsed.errors.append(LineError(line: number, message: "\(email) is already listed on line \(first)"))
                } else {
                    firstLine[email] = number
                    parsed.emails.append(email)
                }
            } catch {
                parsed.errors.append(LineError(line: number, message: error.message))
            }
        }
        return parsed
    }
}
