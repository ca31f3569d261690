import Testing
@testable import TeamCore

/// `explain` is the one function behind `can`, `explain` and `who-holds`.
@Suite(.timeLimit(.minutes(10))) struct ExplainTests {
    @Test func aChangedRoleDefaultIsNamedAsSuch() {
        var table = RoleMatrix.shipped.permissions
        table[.admin, default: []].insert(.viewMessages)
        table[.agent, default: []].remove(.removeTeamMembers)
        let edited = RoleMatrix(permissions: table)

        let admin = EffectivePermissions.explain(.viewMessages, PermissionSources(role: .admin, status: .active), matrix: edited)
        #expect(admin.held)
        #expect(admin.sources == [.roleAdded(.admin)])

        let agent = EffectivePermissions.explain(.removeTeamMembers, PermissionSources(role: .agent, status: .active), matrix: edited)
        #expect(!agent.held)
        #expect(agent.sources == [.roleRemoved(.agent)])

        // Against the shipped matrix nothing is "changed".
        let plain = EffectivePermissions.explain(.removeTeamMembers, PermissionSources(role: .agent, status: .active), matrix: .shipped)
        #expect(plain.sources == [.role(.agent)])
    }

    @Test func aRevokeBeatsEveryGiverAndDeactivationBeatsEverything() {
        let sources = PermissionSources(
            role: .manager, status: .active,
            groups: [Group(id: 1, name: "Billing", grants: [.modifyBilling, .deleteMessages])],
            overrides: [Override(permission: .deleteMessages, effect: .revoke)])
        let revoked = EffectivePermissions.explain(.deleteMessages, sources, matrix: .shipped)
        #expect(!revoked.held)
        #expect(revoked.sources == [.role(.manager), .group("Billing"), .revoke])

        var off = sources
        off.status = .deactivated
        let deactivated = EffectivePermissions.explain(.modifyBilling, off, matrix: .shipped)
        #expect(!deactivated.held)
        #expect(deactivated.sources == [.group("Billing"), .deactivated])
    }

    /// The verdict agrees with the plain formula for many random combinations.
    @Test func theVerdictIsRoleUnionGroupsUnionGrantsMinusRevokes() {
        var random = TestRandom(seed: 0x5EED_0001)
        for _ in 0..<2_000 {
            let role = Role.allCases[random.next(Role.allCases.count)]
            let status: MemberStatus = random.next(6) == 0 ? .deactivated : .active
            let groups = (0..<random.next(3)).map { index in
                Group(id: Int64(index), name: "g\(index)", grants: random.permissions(upTo: 4))
            }
            var overrides: [Override] = []
            for permission in random.permissions(upTo: 4) {
                overrides.append(Override(permission: permission, effect: random.next(2) == 0 ? .grant : .revoke))
            }
            var table = RoleMatrix.shipped.permissions
            table[role] = random.permissions(upTo: 15)
            let matrix = RoleMatrix(permissions: table)
            let sources = PermissionSources(role: role, status: status, groups: groups, overrides: overrides)

            var expected = status == .active ? matrix.permissions(of: role) : []
            if status == .active {
                for group in groups { expected.formUnion(group.grants) }
                for o in overrides where o.effect == .grant { expected.insert(o.permission) }
                for o in overrides where o.effect == .revoke { expected.remove(o.permission) }
            }
            #expect(EffectivePermissions.compute(sources, matrix: matrix) == expected, "\(sources)")
        }
    }
}

/// SplitMix64, for reproducible random cases in the core's tests.
struct TestRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    mutating func permissions(upTo count: Int) -> Set<Permission> {
        Set((0..<next(count + 1)).map { _ in Permission.allCases[next(Permission.allCases.count)] })
    }
}
