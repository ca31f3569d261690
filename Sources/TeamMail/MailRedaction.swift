import Foundation

/// Makes a transport's error safe to keep and to show. A sendmail command
/// may echo the message it was given, and the message holds the invitation
/// token: what the error repeats of the message is cut, and so is any run
/// of letters and digits long enough to be a token, whatever its case.
public enum MailRedaction {
    /// Lines of `text` that repeat part of `message` (at least 6 characters)
    /// become `[message text]`; token-like runs become `[redacted]`; control
    /// characters become spaces; at most 500 characters are kept.
    public static func redact(_ text: String, message: String? = nil) -> String {
        var lines: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let message, trimmed.count >= 6, message.contains(trimmed) {
                if lines.last != "[message text]" { lines.append("[message text]") }
            } else {
                lines.append(String(line))
            }
        }
        return String(cutTokenLikeRuns(lines.joined(separator: "\n")).prefix(500))
    }

    /// A token is 52 base32 characters; 40 or more in a row is cut, and
    /// controls are dropped so the text is one safe line.
    static func cutTokenLikeRuns(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            out += run.count >= 40 ? "[redacted]" : run
            run = ""
        }
        for scalar in text.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("2"..."7").contains(scalar) || ("A"..."Z").contains(scalar) {
                run.unicodeScalars.append(scalar)
            } else {
                flush()
                out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
            }
        }
        flush()
        return out
    }
}
