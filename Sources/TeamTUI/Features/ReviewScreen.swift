import TeamCore
import TermText
import TermUI

/// The access review view: the report `clerk-team review` prints, grouped
/// (changes first, then members, inboxes, findings), with the changes made
/// since the last sign-off marked NEW. Read from the workspace, never
/// computed here: the permissions and their sources are the store's one
/// explain function.
public struct ReviewState: Equatable {
    public var review: AccessReview?
    public var list = ListState()

    public init() {}

    /// The lines the view shows (built once per load).
    public var lines: [ReviewScreen.Line] = []
}

public enum ReviewScreen {
    public struct Line: Equatable, Sendable {
        public enum Kind: Equatable, Sendable { case heading, new, plain, detail }
        public var kind: Kind
        public var text: String
    }

    static let actions: [ActionSpec] = []

    /// The review as lines: a heading per group, a line per change, member,
    /// permission (with its sources), inbox and finding.
    static func lines(_ review: AccessReview, glyphs: Glyphs) -> [Line] {
        var lines: [Line] = []
        if let signOff = review.lastSignOff {
            lines.append(Line(kind: .plain, text: "Last signed off by \(signOff.by) on \(signOff.at.iso8601.prefix(10)) (#\(signOff.auditID)): \(signOff.note)"))
        } else {
            lines.append(Line(kind: .plain, text: "Never signed off (clerk-team review sign --by EMAIL --note TEXT)"))
        }
        let fresh = review.changes.filter(\.new).count
        lines.append(Line(kind: .heading, text: "Changes to permissions and roles: \(review.changes.count), \(fresh) new since the last sign-off"))
        for change in review.changes.reversed() {
            let event = change.event
            let when = String(event.at.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")
            lines.append(Line(kind: change.new ? .new : .plain,
                              text: "\(change.new ? "NEW " : "    ")#\(event.id) \(when) \(event.actor ?? "-") \(event.action) \(event.target)"))
        }
        lines.append(Line(kind: .heading, text: "Members: \(review.members.count) active"))
        for entry in review.members {
            let groups = entry.groups.isEmpty ? "" : " \(glyphs.dot) groups: " + entry.groups.joined(separator: ", ")
            let overrides = entry.overrides.isEmpty ? ""
                : " \(glyphs.dot) overrides: " + entry.overrides.map { "\($0.effect.rawValue) \($0.permission.rawValue)" }.joined(separator: ", ")
            lines.append(Line(kind: .plain, text: "\(entry.member.name) <\(entry.member.email)> \(entry.member.role.rawValue)\(groups)\(overrides)"))
            for explanation in entry.permissions {
                lines.append(Line(kind: .detail, text: "  \(explanation.permission.rawValue): "
                                  + explanation.sources.map(\.description).joined(separator: "; ")))
            }
        }
        lines.append(Line(kind: .heading, text: "Inboxes: \(review.inboxes.count)"))
        for entry in review.inboxes {
            lines.append(Line(kind: .plain, text: "\(entry.inbox.displayPhone) \(entry.inbox.name) (\(entry.inbox.visibility.rawValue)): \(entry.canSee.count) can see it"))
            let works = entry.direct.map { "\($0) (direct)" }
                + entry.groups.map { "group \($0.name): " + ($0.members.isEmpty ? "no members" : $0.members.map(\.value).joined(separator: ", ")) }
            lines.append(Line(kind: .detail, text: "  works in it: " + (works.isEmpty ? "nobody" : works.joined(separator: "; "))))
        }
        lines.append(Line(kind: .heading, text: "Findings of roles lint: \(review.findings.count)"))
        for finding in review.findings {
            lines.append(Line(kind: .plain, text: "\(finding.rule.rawValue): \(finding.message)"))
        }
        return lines
    }

    static func loaded(_ review: AccessReview, _ state: inout AppState) {
        let keep = state.review.review == nil ? 0 : state.review.list.selection
        state.review.review = review
        state.review.lines = lines(review, glyphs: state.glyphs)
        state.review.list.selection = min(keep, max(0, state.review.lines.count - 1))
    }

    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let review = state.review
        let fresh = review.review?.changes.filter(\.new).count ?? 0
        let title = review.review.map { "Access review of \($0.workspace) through #\($0.throughAuditID): \(fresh) new" } ?? "Access review"
        let inner = Panel(title: title, focused: true).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        guard review.review != nil else {
            grid.put("loading\(state.glyphs.ellipsis)", x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
            return
        }
        let offset = review.list.offset
        for row in 0..<inner.height {
            let index = offset + row
            guard review.lines.indices.contains(index) else { break }
            let line = review.lines[index]
            var style: Style = switch line.kind {
            case .heading: Style(.accent, bold: true)
            case .new: Style(.warning, bold: true)
            case .plain: .normal
            case .detail: Style(.muted)
            }
            if index == review.list.selection { style = Style(.selection) }
            let text = TerminalText.truncate(TerminalText.sanitize(line.text), toWidth: inner.width, ellipsis: state.glyphs.ellipsis)
            grid.fill(Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), style: style)
            grid.put(text, x: inner.x, y: inner.y + row, style: style, maxWidth: inner.width)
        }
    }
}
