import Foundation
import TeamCore
import TeamPhone

/// Reads a messages file: JSON lines of `{"inbox", "contact", "direction":
/// "in"|"out", "at", "text"}` plus `"by": EMAIL` on outgoing ones. Every
/// problem is reported with its line (1-based, as an editor counts), all of
/// them, never only the first; blank lines are skipped.
public enum MessageLines {
    public struct Parsed: Sendable, Equatable {
        public var rows: [MessageRow]
        public var errors: [LineError]
    }

    static let fields: Set<String> = ["inbox", "contact", "direction", "at", "text", "by"]

    public static func parse(_ data: Data) -> Parsed {
        var parsed = Parsed(rows: [], errors: [])
        // Numbers are read by libphonenumber once per spelling: a large file names the same few inboxes again and again.
        var numbers: [String: Result<PhoneNumber, ValidationError>] = [:]
        var emails: [String: Result<EmailAddress, ValidationError>] = [:]
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0, number = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            while start <= bytes.count {
                number += 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var stop = end
                if stop > start, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<stop])
                if !(end == bytes.count && start == end) {
                    switch row(line, number: number, &numbers, &emails) {
                    case .row(let row): parsed.rows.append(row)
                    case .problems(let problems): parsed.errors += problems.map { LineError(line: number, message: $0) }
                    case .blank: break
                    }
                }
                start = end + 1
            }
        }
        return parsed
    }

    enum LineResult {
        case row(MessageRow)
        case problems([String])
        case blank
    }

    static func row(_ line: UnsafeBufferPointer<UInt8>, number: Int,
                    _ numbers: inout [String: Result<PhoneNumber, ValidationError>],
                    _ emails: inout [String: Result<EmailAddress, ValidationError>]) -> LineResult {
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return .blank }
        guard String(validating: line, as: UTF8.self) != nil else {
            let offset = firstInvalidUTF8(line)
            return .problems(["not valid UTF-8 (byte \(offset + 1) of the line)"])
        }
        let object: [String: Any]
        do {
            guard let value = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return .problems(["not a JSON object ({\"inbox\": …, \"contact\": …, …})"])
            }
            object = value
        } catch {
            return .problems(["not valid JSON"])
        }
        var problems: [String] = []
        for key in object.keys.sorted() where !fields.contains(key) {
            problems.append("unknown field '\(key)' (expected inbox, contact, direction, at, text, and by for outgoing)")
        }
        func string(_ key: String, required: Bool = true) -> String? {
            guard let value = object[key] else {
                if required { problems.append("missing field '\(key)'") }
                return nil
            }
            guard let text = value as? String else {
                problems.append("'\(key)' must be a string")
                return nil
            }
            return text
        }
        func phone(_ key: String) -> PhoneNumber? {
            guard let text = string(key) else { return nil }
            let result = numbers[text] ?? {
                let parsed = Result { () throws(ValidationError) -> PhoneNumber in try PhoneNumbers.parse(text) }
                numbers[text] = parsed
                return parsed
            }()
            switch result {
            case .success(let number): return number
            case .failure(let error):
                problems.append("\(key): \(error.message)")
                return nil
            }
        }
        let inbox = phone("inbox"), contact = phone("contact")
        var direction: MessageDirection?
        if let text = string("direction") {
            direction = MessageDirection(rawValue: text)
            if direction == nil { problems.append("direction must be \"in\" or \"out\", not '\(text)'") }
        }
        var at: Timestamp?
        if let text = string("at") {
            do { at = try MessageRules.parseTime(text) } catch { problems.append("at: \(error.message)") }
        }
        let text = string("text")
        if let text {
            do { try MessageRules.checkText(text) } catch { problems.append("text: \(error.message)") }
        }
        var by: EmailAddress?
        let byText = string("by", required: false)
        switch (direction, byText) {
        case (.outgoing?, nil):
            if object["by"] == nil { problems.append("missing field 'by' (the member who sent an outgoing message)") }
        case (.incoming?, _?):
            problems.append("'by' is only for outgoing messages (an incoming one is from the contact)")
        case (.outgoing?, let address?):
            let result = emails[address] ?? {
                let parsed = Result { () throws(ValidationError) -> EmailAddress in try EmailAddress(address) }
                emails[address] = parsed
                return parsed
            }()
            switch result {
            case .success(let email): by = email
            case .failure(let error): problems.append("by: \(error.message)")
            }
        default:
            break
        }
        guard problems.isEmpty, let inbox, let contact, let direction, let at, let text else {
            return .problems(problems)
        }
        if inbox == contact { return .problems(["contact is the inbox's own number"]) }
        return .row(MessageRow(line: number, inbox: inbox, contact: contact, direction: direction, at: at, text: text, by: by))
    }

    /// Where UTF-8 decoding fails, for the message.
    static func firstInvalidUTF8(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < line.count {
            let byte = line[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= line.count,
                  String(validating: UnsafeBufferPointer(rebasing: line[index..<index + length]), as: UTF8.self) != nil else {
                return index
            }
            index += length
        }
        return index
    }
}
