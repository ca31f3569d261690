import JSONText
import TeamCore
import TeamStore

/// The documented `--json` shapes of groups, roles, lint, explain and
/// who-holds. Keys appear in this order, always.
enum PermissionJSON {
    static func permissions(_ set: Set<Permission>) -> JSONText.Value {
        .array(set.sorted().map { .string($0.rawValue) })
    }

    /// `roles --json`: rank order; `changed` lists "+perm"/"-perm" against the shipped default.
    static func roles(_ matrix: RoleMatrix) -> JSONText.Value {
        .array(Role.byRank.map { role in
            let difference = matrix.difference(role)
            return .object([
                ("role", .string(role.rawValue)),
                ("rank", .int(Int64(role.rank))),
                ("permissions", permissions(matrix.permissions(of: role))),
                ("changed", .array(difference.added.sorted().map { .string("+" + $0.rawValue) }
                                   + difference.removed.sorted().map { .string("-" + $0.rawValue) })),
            ])
        })
    }

    /// `roles lint --json`: one object per finding, in the order printed (the review's shape too).
    static func finding(_ finding: LintFinding) -> JSONText.Value { AccessReviewJSON.finding(finding) }

    /// A source of a verdict: `{"source", "role", "group", "text"}`; one shape with the review's.
    static func source(_ source: PermissionSource) -> JSONText.Value { AccessReviewJSON.source(source) }

    /// `explain --json`.
    static func explanation(_ email: EmailAddress, _ explanation: PermissionExplanation) -> JSONText.Value {
        .object([
            ("member", .string(email.value)),
            ("permission", .string(explanation.permission.rawValue)),
            ("held", .bool(explanation.held)),
            ("sources", .array(explanation.sources.map(source))),
        ])
    }

    /// One element of `who-holds --json`.
    static func holder(_ holder: PermissionHolder) -> JSONText.Value {
        .object([
            ("email", .string(holder.member.email.value)),
            ("name", .string(holder.member.name)),
            ("role", .string(holder.member.role.rawValue)),
            ("sources", .array(holder.explanation.sources.map(source))),
        ])
    }

    static func group(_ group: GroupSummary) -> JSONText.Value {
        .object([
            ("name", .string(group.name)),
            ("grants", permissions(group.grants)),
            ("member_count", .int(Int64(group.memberCount))),
            ("inboxes", .array(group.inboxes.map { .string($0.value) })),
            ("version", .int(group.version)),
        ])
    }

    static func groupDetail(_ detail: GroupDetail) -> JSONText.Value {
        .object([
            ("name", .string(detail.summary.name)),
            ("grants", permissions(detail.summary.grants)),
            ("members", .array(detail.members.map { member in
                .object([("email", .string(member.email.value)), ("name", .string(member.name)),
                         ("role", .string(member.role.rawValue)), ("status", .string(member.status.rawValue))])
            })),
            ("inboxes", .array(detail.summary.inboxes.map { .string($0.value) })),
            ("version", .int(detail.summary.version)),
        ])
    }
}
