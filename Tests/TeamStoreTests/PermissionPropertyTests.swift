import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// Random actors take random permission steps (overrides, groups, role
/// defaults) on a real workspace file through `perform`. After every step:
/// (a) nobody gained a permission the actor did not hold at the time, and
/// (b) an active workspace-admin still holds both team keys.
///
/// Reproduce a failure with the seed it prints: `CLERK_PROPERTY_SEED=<seed> swift test --filter PermissionProperty`.
@Suite(.timeLimit(.minutes(10))) struct PermissionPropertyTests {
    static let episodes = 8
    static let stepsPerEpisode = 400

    static var baseSeed: UInt64 {
        let text = ProcessInfo.processInfo.environment["CLERK_PROPERTY_SEED"] ?? ""
        return UInt64(text) ?? 0xC1E4_C0DE_5EED
    }

    @Test func noStepGivesWhatTheActorLacksNorLocksTheTeamOut() throws {
        var changedSteps = 0
        for episode in 0..<Self.episodes {
            changedSteps += try Self.runEpisode(seed: Self.baseSeed &+ UInt64(episode))
        }
        // Not vacuous: a good share of the steps changed something.
        #expect(changedSteps > Self.episodes * Self.stepsPerEpisode / 10, "only \(changedSteps) steps changed anything")
    }

    /// One fresh workspace and a run of steps; returns how many changed something.
    static func runEpisode(seed: UInt64) throws -> Int {
        let team = try PropertyTeam()
        var random = SplitMix64(seed: seed)
        var changed = 0
        for step in 0..<stepsPerEpisode {
            // Workspace-admins act more often than their share: they can do the most.
            let actor = random.next(3) == 0 ? team.adminLogins[random.next(team.adminLogins.count)]
                                            : team.logins[random.next(team.logins.count)]
            let command = randomCommand(&random, team)
            let before = try team.effective()
            let actorHeld = before.values.first { $0.member.login == actor }?.permissions ?? []
            let context = "seed \(seed), step \(step): \(actor) \(command)"
            do {
                if try team.handles[actor]?.perform(command).changed == true { changed += 1 }
            } catch let error as TeamError {
                if case .storage = error { Issue.record("\(context): \(error)") }
            }
            let after = try team.effective()
            var problems: [String] = []
            for (id, now) in after {
                let unheld = now.permissions.subtracting(before[id]?.permissions ?? []).subtracting(actorHeld)
                if !unheld.isEmpty {
                    problems.append("\(now.member.email) gained \(unheld.map(\.rawValue).sorted()), which the actor lacked")
                }
            }
            if !after.values.contains(where: {
                $0.member.role == .workspaceAdmin && $0.member.isActive && Guard.teamKeys.isSubset(of: $0.permissions)
            }) {
                problems.append("no active workspace-admin holds both modify-team-member and add-team-members")
            }
            // The first broken step says it all; the steps after it would only repeat it.
            guard problems.isEmpty else {
                for problem in problems { Issue.record("\(context): \(problem)") }
                return changed
            }
        }
        return changed
    }

    static let groupNames = ["Night shift", "Billing", "Auditors"]

    static func randomCommand(_ random: inout SplitMix64, _ team: PropertyTeam) -> TeamCommand {
        let member = team.emails[random.next(team.emails.count)]
        let permission = Permission.allCases[random.next(Permission.allCases.count)]
        let group = (try? Group.validName(groupNames[random.next(groupNames.count)])) ?? team.fallbackGroup
        let role = Role.allCases[random.next(Role.allCases.count)]
        switch random.next(12) {
        case 0: return .grantPermission(member: member, permission: permission)
        case 1: return .revokePermission(member: member, permission: permission)
        case 2: return .resetPermission(member: member, permission: permission)
        case 3: return .createGroup(name: group)
        case 4, 5: return .addToGroup(group: group, member: member)
        case 6: return .removeFromGroup(group: group, member: member)
        case 7: return .grantToGroup(group: group, permission: permission)
        case 8: return .revokeFromGroup(group: group, permission: permission)
        case 9:
            // Aim at the lock-out rule: a workspace-admin losing a team key.
            let admin = team.emails[random.next(team.adminLogins.count)]
            return random.next(3) == 0 ? .deleteGroup(group: group)
                : .revokePermission(member: admin, permission: Guard.teamKeys.sorted()[random.next(2)])
        case 10:
            let other = Permission.allCases[random.next(Permission.allCases.count)]
            let adding: Set<Permission> = random.next(2) == 0 ? [permission] : []
            let removing: Set<Permission> = other == permission ? [] : [other]
            return .setRoleDefaults(role: role, adding: adding, removing: adding.isEmpty && removing.isEmpty ? [.updateProperty] : removing)
        default: return .resetRoleDefaults(role: random.next(3) == 0 ? nil : role)
        }
    }
}

/// Two workspace-admins (wa0, wa1) and a few members of every other role, each bound
/// to a login with a handle of their own.
final class PropertyTeam {
    let dir = TempDirectory()
    var path: String { dir.file("workspace.db") }
    var handles: [String: SQLiteWorkspace] = [:]
    var logins: [String] = []
    /// The workspace-admins' logins; their emails are the first of `emails`.
    let adminLogins = ["wa0", "wa1"]
    var emails: [EmailAddress] = []
    let fallbackGroup: DisplayName

    static let roster: [(String, Role)] = [
        ("wa1", .workspaceAdmin), ("ad1", .admin), ("ad2", .admin),
        ("mg1", .manager), ("mg2", .manager), ("ag1", .agent), ("ag2", .agent), ("ag3", .agent),
        ("me1", .member), ("me2", .member),
    ]

    init() throws {
        fallbackGroup = try Group.validName("Fallback")
        let owner = try SQLiteWorkspace.create(
            path: path, name: DisplayName("Prop"), adminEmail: EmailAddress("wa0@prop.test"), adminName: DisplayName("wa0"),
            identity: OperatorIdentity(osLogin: "wa0", interface: .cli), options: StoreOptions())
        try owner.writing {
            for (login, role) in Self.roster {
                try owner.insertMember(email: EmailAddress("\(login)@prop.test"), name: DisplayName(login), role: role,
                                       login: login, status: .active)
            }
        }
        for login in ["wa0"] + Self.roster.map(\.0) {
            logins.append(login)
            emails.append(try EmailAddress("\(login)@prop.test"))
            handles[login] = try SQLiteWorkspace.open(path: path, identity: OperatorIdentity(osLogin: login, interface: .cli),
                                                      options: StoreOptions())
        }
    }

    /// Every member's effective permissions, read in one snapshot.
    func effective() throws -> [MemberID: (member: Member, permissions: Set<Permission>)] {
        guard let reader = handles["wa0"] else { return [:] }
        return try reader.reading {
            let matrix = try reader.loadMatrix()
            var result: [MemberID: (member: Member, permissions: Set<Permission>)] = [:]
            for (member, sources) in try reader.everyMemberSources(activeOnly: false) {
                result[member.id] = (member, EffectivePermissions.compute(sources, matrix: matrix))
            }
            return result
        }
    }
}
