import TeamCore
import TermText

/// The access review for people (Markdown) and spreadsheets (CSV). Every
/// value from the workspace is sanitised first, so a name cannot carry an
/// escape sequence to a terminal, break a table row, or run as a formula.
enum ReviewText {
    static func markdown(_ review: AccessReview) -> String {
        var out = "# Access review: \(clean(review.workspace))\n\n"
        out += "Through change #\(review.throughAuditID). "
        if let signOff = review.lastSignOff {
            out += "Last signed off by \(clean(signOff.by)) on \(signOff.at.iso8601) (change #\(signOff.auditID)): \(clean(signOff.note)); sha256 \(signOff.sha256).\n\n"
        } else {
            out += "Never signed off.\n\n"
        }
        out += "## Members (\(review.members.count) active)\n\n"
        for entry in review.members {
            let member = entry.member
            out += "### \(cell(member.name)) <\(cell(member.email.value))>, \(member.role.rawValue)\n\n"
            out += "- groups: \(entry.groups.isEmpty ? "none" : entry.groups.map(cell).joined(separator: ", "))\n"
            out += "- overrides: \(entry.overrides.isEmpty ? "none" : entry.overrides.map { "\($0.effect.rawValue) \($0.permission.rawValue)" }.joined(separator: ", "))\n"
            out += "- inboxes: \(entry.inboxes.isEmpty ? "none" : entry.inboxes.map { "\($0.0.value) (\(how($0.1)))" }.joined(separator: ", "))\n\n"
            out += "| permission | sources |\n|---|---|\n"
            for explanation in entry.permissions {
                out += "| \(explanation.permission.rawValue) | \(explanation.sources.map { cell($0.description) }.joined(separator: "; ")) |\n"
            }
            out += "\n"
        }
        out += "## Inboxes (\(review.inboxes.count))\n\n| inbox | name | visibility | can see | works in it |\n|---|---|---|---|---|\n"
        for entry in review.inboxes {
            let works = entry.direct.map { cell($0.value) + " (direct)" }
                + entry.groups.map { "group \(cell($0.name)): \($0.members.map { cell($0.value) }.joined(separator: ", "))" }
            out += "| \(entry.inbox.phone.value) | \(cell(entry.inbox.name)) | \(entry.inbox.visibility.rawValue) | \(entry.canSee.map { cell($0.value) }.joined(separator: ", ")) | \(works.joined(separator: "; ")) |\n"
        }
        let newCount = review.changes.filter(\.new).count
        out += "\n## Permission and role changes (\(review.changes.count), \(newCount) since the last sign-off)\n\n"
        if review.changes.isEmpty {
            out += "None.\n"
        } else {
            out += "| new | # | when | by | action | target | before | after |\n|---|---|---|---|---|---|---|---|\n"
            for change in review.changes {
                let event = change.event
                out += "| \(change.new ? "NEW" : "") | \(event.id) | \(event.at.iso8601) | \(cell(event.actor ?? "-")) | \(event.action) | \(cell(event.target)) | \(cell(event.before ?? "")) | \(cell(event.after ?? "")) |\n"
            }
        }
        out += "\n## Findings of roles lint (\(review.findings.count))\n\n"
        out += review.findings.isEmpty ? "None.\n" : review.findings.map { "- \($0.rule.rawValue): \(cell($0.message))\n" }.joined()
        return out
    }

    /// One row per fact: section, subject, kind, value, detail, new.
    static func csv(_ review: AccessReview) -> String {
        var rows: [[String]] = [["section", "subject", "kind", "value", "detail", "new"]]
        for entry in review.members {
            let email = entry.member.email.value
            rows.append(["member", email, "role", entry.member.role.rawValue, entry.member.name, ""])
            for group in entry.groups { rows.append(["member", email, "group", group, "", ""]) }
            for override in entry.overrides { rows.append(["member", email, "override", override.permission.rawValue, override.effect.rawValue, ""]) }
            for explanation in entry.permissions {
                rows.append(["member", email, "permission", explanation.permission.rawValue,
                             explanation.sources.map(\.description).joined(separator: "; "), ""])
            }
            for (phone, access) in entry.inboxes { rows.append(["member", email, "inbox", phone.value, how(access), ""]) }
        }
        for entry in review.inboxes {
            let phone = entry.inbox.phone.value
            rows.append(["inbox", phone, "visibility", entry.inbox.visibility.rawValue, entry.inbox.name, ""])
            for email in entry.canSee { rows.append(["inbox", phone, "can-see", email.value, "", ""]) }
            for email in entry.direct { rows.append(["inbox", phone, "works-in", email.value, "direct", ""]) }
            for group in entry.groups {
                for email in group.members { rows.append(["inbox", phone, "works-in", email.value, "group \(group.name)", ""]) }
            }
        }
        for change in review.changes {
            let event = change.event
            rows.append(["change", "#\(event.id)", event.action, event.target,
                         "\(event.at.iso8601) by \(event.actor ?? "-"): before \(event.before ?? "-") after \(event.after ?? "-")",
                         change.new ? "yes" : "no"])
        }
        for finding in review.findings { rows.append(["finding", finding.rule.rawValue, "", "", finding.message, ""]) }
        if let signOff = review.lastSignOff {
            rows.append(["sign-off", "#\(signOff.auditID)", signOff.by, signOff.sha256, "\(signOff.at.iso8601): \(signOff.note)", ""])
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// "direct", "group Night shift", or both.
    static func how(_ access: InboxAccess) -> String {
        ((access.direct ? ["direct"] : []) + access.groups.map { "group \($0)" }).joined(separator: ", ")
    }

    static func clean(_ text: String) -> String { TerminalText.sanitize(text) }

    /// Safe inside a Markdown table cell.
    static func cell(_ text: String) -> String {
        clean(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Quoted when needed; a leading `=`, `@`, `+` or `-` that is not a number is
    /// prefixed with `'` so a spreadsheet shows it rather than evaluating it.
    static func csvField(_ text: String) -> String {
        var value = clean(text)
        if let first = value.first, "=@+-".contains(first), Double(value.filter { $0 != " " }) == nil {
            value = "'" + value
        }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
