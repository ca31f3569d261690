import TermText

/// A one-line text input: its value and cursor, edited by keys. Pure.
public struct TextField: Sendable, Equatable {
    public private(set) var value: String
    /// Cursor position in characters (graphemes).
    public private(set) var cursor: Int
    public var maxLength: Int

    public init(_ value: String = "", maxLength: Int = 320) {
        self.value = value; self.cursor = value.count; self.maxLength = maxLength
    }

    /// True for the keys a text field takes: characters and the editing keys.
    public static func edits(_ key: Key) -> Bool {
        switch key {
        case .char, .backspace, .delete, .left, .right, .home, .end, .paste: true
        case .ctrl(let c): "abefkuwd".contains(c)
        case .alt(let c): "bfd".contains(c)
        default: false
        }
    }

    /// Pasted text as a field takes it: line breaks, tabs and control
    /// characters dropped (a pasted Enter never submits anything).
    public static func pastable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0.value >= 0x20 && $0.value != 0x7F && !TerminalText.isUnsafe($0)
        }))
    }

    /// Applies an editing key; returns false for keys a text field ignores.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .char(let character):
            guard value.count < maxLength,
                  !character.unicodeScalars.contains(where: TerminalText.isUnsafe) else { return true }
            let index = value.index(value.startIndex, offsetBy: cursor)
            value.insert(character, at: index)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            let index = value.index(value.startIndex, offsetBy: cursor - 1)
            value.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < value.count else { return true }
            value.remove(at: value.index(value.startIndex, offsetBy: cursor))
        case .paste(let text):
            let room = max(0, maxLength - value.count)
            let pasted = String(Self.pastable(text).prefix(room))
            value.insert(contentsOf: pasted, at: value.index(value.startIndex, offsetBy: cursor))
            cursor += pasted.count
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(value.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = value.count
        case .ctrl("k"):
            value.removeSubrange(value.index(value.startIndex, offsetBy: cursor)...)
        case .ctrl("d"):
            guard cursor < value.count else { return true }
            value.remove(at: value.index(value.startIndex, offsetBy: cursor))
        case .alt("b"): cursor = wordStart(before: cursor)
        case .alt("f"): cursor = wordEnd(after: cursor)
        case .alt("d"):
            let end = wordEnd(after: cursor)
            value.removeSubrange(value.index(value.startIndex, offsetBy: cursor)..<value.index(value.startIndex, offsetBy: end))
        case .ctrl("u"):
            value.removeSubrange(value.startIndex..<value.index(value.startIndex, offsetBy: cursor))
            cursor = 0
        case .ctrl("w"):
            let before = value.prefix(cursor)
            let trimmed = before.reversed().drop { $0 == " " }.drop { $0 != " " }
            let keep = trimmed.count
            value = String(before.prefix(keep)) + value.dropFirst(cursor)
            cursor = keep
        default:
            return false
        }
        return true
    }

    /// Where the word before `position` starts (spaces, `@` and `.` separate words).
    func wordStart(before position: Int) -> Int {
        let characters = Array(value)
        var at = position
        while at > 0 && Self.separates(characters[at - 1]) { at -= 1 }
        while at > 0 && !Self.separates(characters[at - 1]) { at -= 1 }
        return at
    }

    /// Where the word after `position` ends.
    func wordEnd(after position: Int) -> Int {
        let characters = Array(value)
        var at = position
        while at < characters.count && Self.separates(characters[at]) { at += 1 }
        while at < characters.count && !Self.separates(characters[at]) { at += 1 }
        return at
    }

    static func separates(_ character: Character) -> Bool { character == " " || character == "@" || character == "." }

    /// The visible part for a field `width` cells wide, and the cursor's
    /// column within it, scrolling so the cursor stays in view.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let characters = Array(value)
        var start = 0
        func cells(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + TerminalText.width(of: $1) } }
        while start < cursor && cells(start..<cursor) > width - 1 { start += 1 }
        var end = start, used = 0
        while end < characters.count && used + TerminalText.width(of: characters[end]) <= width {
            used += TerminalText.width(of: characters[end]); end += 1
        }
        return (String(characters[start..<end]), cells(start..<cursor))
    }
}
