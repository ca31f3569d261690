import ClerkResources
import Foundation
import TeamCore

/// Everything an invitation mail says.
public struct InvitationMailContent: Sendable, Equatable {
    public var workspace: String
    public var inviterName: String
    public var inviterEmail: EmailAddress
    public var invitee: EmailAddress
    public var role: Role
    public var inboxes: [Inbox]
    public var token: String
    public var expiresAt: Timestamp
    /// The workspace file, so the command in the mail opens the right one.
    public var workspacePath: String?

    public init(workspace: String, inviterName: String, inviterEmail: EmailAddress, invitee: EmailAddress,
                role: Role, inboxes: [Inbox], token: String, expiresAt: Timestamp, workspacePath: String?) {
        self.workspace = workspace; self.inviterName = inviterName; self.inviterEmail = inviterEmail
        self.invitee = invitee; self.role = role; self.inboxes = inboxes; self.token = token
        self.expiresAt = expiresAt; self.workspacePath = workspacePath
    }
}

/// Builds the invitation mail from `Resources/invitation-mail.txt`.
public enum InvitationMail {
    /// The template: its first line is `Subject: …`, then a blank line, then the body.
    static let template = split(String(decoding: ClerkResources.invitationMailTemplate, as: UTF8.self))

    /// Subject and body with every placeholder filled.
    public struct Text: Sendable, Equatable {
        public var subject: String
        public var body: String
    }

    public static func text(_ content: InvitationMailContent) -> Text {
        let values = placeholders(content)
        return Text(subject: fill(template.subject, values), body: fill(template.body, values))
    }

    /// The complete message: one `To`, no `Cc`/`Bcc`, the token in the body only.
    public static func message(_ content: InvitationMailContent, from: EmailAddress?, date: Timestamp,
                               messageID: String) throws(ValidationError) -> MailMessage {
        try message(content, text: text(content), from: from, date: date, messageID: messageID)
    }

    /// As above, from text already filled in (a bulk import fills it once per mail).
    public static func message(_ content: InvitationMailContent, text: Text, from: EmailAddress?, date: Timestamp,
                               messageID: String) throws(ValidationError) -> MailMessage {
        var message = MailMessage(body: text.body)
        let sender = from ?? content.inviterEmail
        try message.add("From", address: sender.value, displayName: "\(content.inviterName) (via clerk-team)")
        try message.add("To", address: content.invitee.value)
        if sender != content.inviterEmail {
            try message.add("Reply-To", address: content.inviterEmail.value, displayName: content.inviterName)
        }
        try message.add("Subject", text: text.subject)
        try message.add("Date", raw: rfc5322Date(date))
        try message.add("Message-ID", raw: messageID)
        try message.add("MIME-Version", raw: "1.0")
        try message.add("Content-Type", raw: "text/plain; charset=utf-8")
        try message.add("Content-Transfer-Encoding", raw: "8bit")
        try message.add("Auto-Submitted", raw: "auto-generated")
        return message
    }

    /// A Message-ID unique across workspaces and retries: the mail's row id,
    /// a random part (`unique`, e.g. its spool file's name) and the sender's
    /// domain in its IDNA form (a placeholder domain if it has none).
    public static func messageID(mail id: MailID, unique: String, sender: EmailAddress) -> String {
        let domain = sender.value.split(separator: "@").last.map(String.init) ?? ""
        let ascii = (try? MailAddress.asciiDomain(domain)) ?? "clerk-team.invalid"
        return "<clerk-team.\(id).\(unique.prefix(12))@\(ascii)>"
    }

    /// `clerk-team accept -`, plus `--db PATH` when a path is known and can
    /// be written safely for a shell. The token is not in it: arguments show
    /// in `ps` to every user of the machine; standard input does not.
    public static func acceptCommand(workspacePath: String?) -> String {
        let base = "clerk-team accept -"
        guard let path = workspacePath, let quoted = shellQuoted(path) else { return base }
        return base + " --db " + quoted
    }

    /// `Sun, 29 Nov 2026 02:46:16 +0000`, computed without locale data.
    public static func rfc5322Date(_ time: Timestamp) -> String {
        let iso = time.iso8601 // 2026-11-29T02:46:16Z
        let parts = iso.split(whereSeparator: { "-T:Z".contains($0) }).map(String.init)
        let days = time.seconds >= 0 ? time.seconds / 86_400 : (time.seconds - 86_399) / 86_400
        let weekday = Int(((days % 7) + 11) % 7) // 1970-01-01 was a Thursday
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, let month = Int(parts[1]), (1...12).contains(month) else { return iso }
        return "\(names[weekday]), \(parts[2]) \(months[month - 1]) \(parts[0]) \(parts[3]):\(parts[4]):\(parts[5]) +0000"
    }

    static func placeholders(_ content: InvitationMailContent) -> [String: String] {
        let inboxes = content.inboxes.isEmpty
            ? "    (none yet: an admin will assign you)"
            : content.inboxes.map { "    \($0.phone)  \($0.name) (\($0.visibility == .public ? "shared" : "individual"))" }
                .joined(separator: "\n")
        let iso = content.expiresAt.iso8601
        let expires = String(iso.prefix(10)) + " at " + String(iso.dropFirst(11).prefix(5)) + " UTC"
        return [
            "workspace": content.workspace,
            "inviter_name": content.inviterName,
            "inviter_email": content.inviterEmail.value,
            "email": content.invitee.value,
            "role": content.role.rawValue,
            "inboxes": inboxes,
            "token": content.token,
            "accept_command": acceptCommand(workspacePath: content.workspacePath),
            "expires": expires,
        ]
    }

    static func split(_ template: String) -> (subject: String, body: String) {
        let lines = template.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0].hasPrefix("Subject: "), lines[1].isEmpty else {
            // The template is compiled in and tested; a broken one is a build bug.
            fatalError("invitation-mail.txt must start with 'Subject: …' and a blank line")
        }
        return (String(lines[0].dropFirst("Subject: ".count)), String(lines[2]))
    }

    /// Replaces `{{name}}` in one pass: text put in (a workspace named
    /// "{{token}}") is never expanded again. Works on UTF-8 bytes: `{` and
    /// `}` never occur inside a multi-byte character.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        let bytes = Array(template.utf8)
        let brace = UInt8(ascii: "{")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var index = 0
        while index < bytes.count {
            if bytes[index] == brace, index + 1 < bytes.count, bytes[index + 1] == brace,
               let end = closing(bytes, from: index + 2) {
                let key = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                if let value = values[key] {
                    out.append(contentsOf: value.utf8)
                } else {
                    out.append(contentsOf: bytes[index..<(end + 2)])
                }
                index = end + 2
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the `}}` closing a placeholder starts (none past the line's end).
    private static func closing(_ bytes: [UInt8], from start: Int) -> Int? {
        var at = start
        while at + 1 < bytes.count {
            if bytes[at] == UInt8(ascii: "}") && bytes[at + 1] == UInt8(ascii: "}") { return at }
            if bytes[at] == UInt8(ascii: "\n") { return nil }
            at += 1
        }
        return nil
    }

    private static let shellSafe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+:@%,=".unicodeScalars)

    /// POSIX-shell quoting; nil for text with control characters, which no
    /// mail should carry into a terminal.
    static func shellQuoted(_ text: String) -> String? {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return nil }
        if !text.isEmpty, text.unicodeScalars.allSatisfy(shellSafe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
