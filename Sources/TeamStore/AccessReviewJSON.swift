import JSONText
import TeamCore

/// The access review as JSON (`review --format json`): keys in this order,
/// always, so the same workspace at the same point of its log renders the
/// same bytes, and the SHA-256 a sign-off records can be checked again.
public enum AccessReviewJSON {
    public static func render(_ review: AccessReview) -> String {
        value(review).rendered()
    }

    public static func value(_ review: AccessReview) -> JSONText.Value {
        .object([
            ("workspace", .string(review.workspace)),
            ("through", .int(review.throughAuditID)),
            ("since", JSONText.Value(review.since?.iso8601)),
            ("last_sign_off", review.lastSignOff.map(signOff) ?? .null),
            ("members", .array(review.members.map(member))),
            ("inboxes", .array(review.inboxes.map(inbox))),
            ("changes", .array(review.changes.map(change))),
            ("findings", .array(review.findings.map(finding))),
        ])
    }

    public static func signOff(_ signOff: AccessReview.SignOff) -> JSONText.Value {
        .object([("id", .int(signOff.auditID)), ("at", .string(signOff.at.iso8601)), ("by", .string(signOff.by)),
                 ("note", .string(signOff.note)), ("sha256", .string(signOff.sha256))])
    }

    static func member(_ entry: AccessReview.MemberEntry) -> JSONText.Value {
        .object([
            ("email", .string(entry.member.email.value)),
            ("name", .string(entry.member.name)),
            ("role", .string(entry.member.role.rawValue)),
            ("groups", .array(entry.groups.map { .string($0) })),
            ("overrides", .array(entry.overrides.map {
                .object([("permission", .string($0.permission.rawValue)), ("effect", .string($0.effect.rawValue))])
            })),
            ("permissions", .array(entry.permissions.map { explanation in
                .object([("permission", .string(explanation.permission.rawValue)),
                         ("sources", .array(explanation.sources.map(source)))])
            })),
            ("inboxes", .array(entry.inboxes.map { phone, access in
                .object([("phone", .string(phone.value)), ("direct", .bool(access.direct)),
                         ("groups", .array(access.groups.map { .string($0) }))])
            })),
        ])
    }

    static func inbox(_ entry: AccessReview.InboxEntry) -> JSONText.Value {
        .object([
            ("phone", .string(entry.inbox.phone.value)),
            ("name", .string(entry.inbox.name)),
            ("visibility", .string(entry.inbox.visibility.rawValue)),
            ("can_see", .array(entry.canSee.map { .string($0.value) })),
            ("direct", .array(entry.direct.map { .string($0.value) })),
            ("groups", .array(entry.groups.map {
                .object([("name", .string($0.name)), ("members", .array($0.members.map { .string($0.value) }))])
            })),
        ])
    }

    static func change(_ change: AccessReview.Change) -> JSONText.Value {
        let event = change.event
        return .object([
            ("id", .int(event.id)), ("at", .string(event.at.iso8601)), ("actor", JSONText.Value(event.actor)),
            ("action", .string(event.action)), ("target", .string(event.target)),
            ("before", JSONText.Value(event.before)), ("after", JSONText.Value(event.after)), ("new", .bool(change.new)),
        ])
    }

    /// A `roles lint` finding, as `roles lint --json` prints it.
    public static func finding(_ finding: LintFinding) -> JSONText.Value {
        .object([
            ("rule", .string(finding.rule.rawValue)),
            ("role", JSONText.Value(finding.role?.rawValue)),
            ("permission", JSONText.Value(finding.permission?.rawValue)),
            ("group", JSONText.Value(finding.group)),
            ("message", .string(finding.message)),
        ])
    }

    /// A source of a verdict, as `explain --json` and `who-holds --json` print it:
    /// `{"source", "role", "group", "text"}`.
    public static func source(_ source: PermissionSource) -> JSONText.Value {
        let role: Role? = switch source {
        case .role(let role), .roleAdded(let role), .roleRemoved(let role): role
        default: nil
        }
        let group: String? = if case .group(let name) = source { name } else { nil }
        return .object([
            ("source", .string(source.kind)),
            ("role", JSONText.Value(role?.rawValue)),
            ("group", JSONText.Value(group)),
            ("text", .string(source.description)),
        ])
    }
}
