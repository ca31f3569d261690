extension TerminalText {
    /// An email fitted to `width` cells by cutting the middle of its local
    /// part, so both the start and the end (often a number) stay, and the
    /// domain stays whole: `ana-mar…sen.3@demo.example`. Text that fits is
    /// returned as is; a domain too long for the room is cut in the middle too.
    public static func shortenEmail(_ email: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if self.width(of: email) <= width { return email }
        guard let at = email.lastIndex(of: "@") else { return shortenMiddle(email, toWidth: width, ellipsis: ellipsis) }
        let local = String(email[..<at]), domain = String(email[at...])
        let room = width - self.width(of: domain)
        // At least two characters of the local part on each side of the mark, or cut the whole.
        guard room >= 4 + self.width(of: ellipsis) else { return shortenMiddle(email, toWidth: width, ellipsis: ellipsis) }
        return shortenMiddle(local, toWidth: room, ellipsis: ellipsis) + domain
    }

    /// `text` fitted to `width` cells by replacing its middle with `ellipsis`,
    /// keeping about two thirds of the room for the start.
    public static func shortenMiddle(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if self.width(of: text) <= width { return text }
        let room = width - self.width(of: ellipsis)
        guard room > 1 else { return truncate(text, toWidth: width, ellipsis: ellipsis) }
        let tailRoom = room / 3
        var tail = "", used = 0
        for character in text.reversed() {
            let cells = self.width(of: character)
            if used + cells > tailRoom { break }
            tail.insert(character, at: tail.startIndex)
            used += cells
        }
        var head = "", headUsed = 0
        for character in text {
            let cells = self.width(of: character)
            if headUsed + cells > room - used { break }
            head.append(character)
            headUsed += cells
        }
        return head + ellipsis + tail
    }
}

extension TerminalText {
    /// `text` on lines of at most `width` cells: broken at spaces where it
    /// can be, inside a word (an email) where it must. Nothing is lost.
    public static func wrap(_ text: String, toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = "", used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let cells = self.width(of: word)
            if used > 0 && used + 1 + cells <= width {
                line += " " + word
                used += 1 + cells
                continue
            }
            if used > 0 {
                lines.append(line)
                line = ""
                used = 0
            }
            for character in word {
                let size = self.width(of: character)
                if used + size > width {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                line.append(character)
                used += size
            }
        }
        if used > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
