import CSQLite
import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore
@testable import TeamTUI
import TermUI

/// An open interface that follows other operators' commits through the
/// change feed must show exactly what a fresh start shows, whatever the
/// commits were; and must fall back to reading everything when the feed
/// cannot answer.
@Suite(.timeLimit(.minutes(10))) struct ChangeFeedTests {
    @Test func afterTwoHundredRandomOutsideCommitsTheFeedAppliedStateEqualsAFreshStart() throws {
        let fixture = try FeedFixture()
        var (state, runtime) = try fixture.base.app()
        var random = FeedRandom(seed: 0xC1E4_F00D)
        var fedRounds = 0, reloads = 0
        for round in 1...200 {
            // Now and then the open interface sorts differently, filters, moves;
            // at the end it goes through the other views.
            if state.screen == .members {
                if round % 37 == 0 { runtime.press(.char("s"), into: &state) }
                if round == 90 { runtime.press(.char("/"), into: &state); runtime.type("a", into: &state); runtime.press(.enter, into: &state) }
                if round == 150 { runtime.press(.escape, into: &state) }
                if round % 11 == 0 { runtime.press(.char("j"), .char("j"), into: &state) }
            }
            if round > 150 && round % 8 == 0 { runtime.press(.char("v"), into: &state) }

            let committed = fixture.commitSomething(&random)
            switch try followOutsideCommit(&state, runtime) {
            case .fed: fedRounds += 1
            case .reloaded: reloads += 1
            case .nothing: #expect(!committed, "round \(round): a commit that moved nothing")
            }
            if round % 20 == 0 { try expectSameAsFreshStart(state, fixture, "round \(round)") }
        }
        #expect(reloads == 0, "every one of these commits is small enough for the feed")
        #expect(fedRounds >= 120, "most rounds commit something (\(fedRounds))")
    }

    @Test func aGapInTheFeedFallsBackToReadingEverything() throws {
        let fixture = try FeedFixture()
        var (state, runtime) = try fixture.base.app()
        // More changes than are worth applying one by one, then records pruned in the middle.
        try fixture.writer.writing {
            for index in 0..<600 {
                _ = try fixture.writer.insertMember(email: EmailAddress("bulk\(index)@acme.test"), name: DisplayName("Bulk \(index)"),
                                                   role: .member, login: nil, status: .active)
            }
        }
        #expect(try followOutsideCommit(&state, runtime) == .reloaded)
        try expectSameAsFreshStart(state, fixture, "after a bulk change")

        _ = try fixture.writer.perform(.renameMember(member: EmailAddress("bulk7@acme.test"), name: DisplayName("Aaron Renamed")))
        try fixture.raw("DELETE FROM changes WHERE seq = (SELECT max(seq) FROM changes)")
        _ = try fixture.writer.perform(.renameMember(member: EmailAddress("bulk8@acme.test"), name: DisplayName("Zed Renamed")))
        #expect(try followOutsideCommit(&state, runtime) == .reloaded, "a missing record is a gap")
        try expectSameAsFreshStart(state, fixture, "after a gap")
    }

    @Test func anotherFilesHistoryFallsBackToReadingEverything() throws {
        let fixture = try FeedFixture()
        var (state, runtime) = try fixture.base.app()
        // What a copy of another workspace written over this one looks like to the feed.
        try fixture.raw("UPDATE change_feed SET epoch = randomblob(16)")
        _ = try fixture.writer.perform(.renameMember(member: EmailAddress("p3@acme.test"), name: DisplayName("Copied Over")))
        #expect(try followOutsideCommit(&state, runtime) == .reloaded)
        try expectSameAsFreshStart(state, fixture, "after another history")
    }

    @Test func aBackupRestoredInPlaceFallsBackToReadingEverythingEvenAtTheSameRecordNumber() throws {
        let fixture = try FeedFixture()
        var (state, runtime) = try fixture.base.app()
        let backup = fixture.base.dir.file("backup.db")
        try fixture.raw("VACUUM INTO '\(backup)'")
        for index in 0..<3 {
            _ = try fixture.writer.perform(.renameMember(member: EmailAddress("p\(index + 1)@acme.test"), name: DisplayName("Live \(index)")))
        }
        #expect(try followOutsideCommit(&state, runtime) == .fed)
        let mark = try #require(state.changeMark)
        // `sqlite3 team.db ".restore backup.db"` (the README's way): the same file and
        // epoch, its history back where the backup was, then written to until its
        // record numbers reach the mark again. The restore bumps the schema cookie.
        try Self.restore(backup, into: fixture.base.path)
        var names = 0
        while try fixture.writer.changeMark().seq < mark.seq {
            names += 1
            _ = try fixture.writer.perform(.renameMember(member: EmailAddress("p\(10 + names)@acme.test"), name: DisplayName("After \(names)")))
        }
        try #require(try fixture.writer.changeMark().seq == mark.seq, "the restored history reaches the same record number")
        #expect(try followOutsideCommit(&state, runtime) == .reloaded)
        try expectSameAsFreshStart(state, fixture, "after a restore")
    }

    /// SQLite's online backup, as the sqlite3 shell's `.restore` runs it.
    static func restore(_ backup: String, into path: String) throws {
        var source: OpaquePointer?, target: OpaquePointer?
        defer { sqlite3_close(source); sqlite3_close(target) }
        try #require(sqlite3_open(backup, &source) == SQLITE_OK && sqlite3_open(path, &target) == SQLITE_OK)
        let copy = try #require(sqlite3_backup_init(target, "main", source, "main"))
        #expect(sqlite3_backup_step(copy, -1) == SQLITE_DONE)
        #expect(sqlite3_backup_finish(copy) == SQLITE_OK)
    }

    /// The review lists every member's role and the changes since the last
    /// sign-off: another operator's role change or sign-off shows at once.
    @Test func theAccessReviewFollowsOutsideChanges() throws {
        let fixture = try FeedFixture()
        var (state, runtime) = try fixture.base.app()
        runtime.press(.char("9"), into: &state)
        try #require(state.screen == .review)
        _ = try fixture.writer.perform(.setRole(member: EmailAddress("p1@acme.test"), role: .manager))
        _ = try followOutsideCommit(&state, runtime)
        try expectSameAsFreshStart(state, fixture, "after a role change")
        _ = try fixture.writer.perform(.signReview(by: EmailAddress("olive@acme.test"), note: "quarterly"))
        _ = try followOutsideCommit(&state, runtime)
        try expectSameAsFreshStart(state, fixture, "after a sign-off")
    }

    /// A role window open on a member someone else just changed answers for
    /// the member as they are now, not with "already agent" for a manager.
    @Test func anOpenRoleWindowFollowsAnOutsideRoleChange() throws {
        let fixture = try FeedFixture()
        var (state, runtime) = try fixture.base.app()
        runtime.press(.char("/"), into: &state)
        runtime.type("p3@acme", into: &state)
        runtime.press(.enter, into: &state)
        runtime.press(.char("r"), into: &state)
        guard case .rolePicker(let before) = state.modal else {
            Issue.record("no role window: \(String(describing: state.modal))")
            return
        }
        let other: Role = before.member.role == .manager ? .member : .manager
        _ = try fixture.writer.perform(.setRole(member: EmailAddress("p3@acme.test"), role: other))
        _ = try followOutsideCommit(&state, runtime)
        guard case .rolePicker(let after) = state.modal else {
            Issue.record("the role window closed: \(String(describing: state.modal))")
            return
        }
        #expect(after.member.role == other)
        #expect(after.choices.first { $0.role == other }?.availability == .disabled(reason: "\(after.member.name) is already \(other.rawValue)"))
        #expect(after.choices.first { $0.role == before.member.role }?.availability == .enabled)
        #expect(state.status?.text.contains("is now \(other.rawValue) (changed by someone else)") == true)
    }

    @Test func aRenameThatMovesARowIsAppliedWithoutReadingTheIndex() throws {
        let fixture = try FeedFixture()
        var (state, runtime) = try fixture.base.app()
        let before = state.members.index
        _ = try fixture.writer.perform(.renameMember(member: EmailAddress("p5@acme.test"), name: DisplayName("Zzz Last")))
        #expect(try followOutsideCommit(&state, runtime) == .fed)
        #expect(state.members.index != before)
        let renamed = try #require(fixture.id(of: "p5@acme.test"))
        #expect(state.members.index.position(of: renamed) != before.position(of: renamed), "the row moved")
        try expectSameAsFreshStart(state, fixture, "after one rename")
    }

    // MARK: - Following a commit as the loop does

    enum Followed: Equatable { case nothing, fed, reloaded }

    /// The idle tick's work, step by step, saying whether the feed answered.
    func followOutsideCommit(_ state: inout AppState, _ runtime: Runtime) throws -> Followed {
        var followed = Followed.nothing
        for action in runtime.run(.checkForChanges, state) {
            for effect in App.update(&state, action) {
                guard case .readChanges = effect else {
                    if effect == .reloadAll { followed = .reloaded }
                    runtime.settle([effect], &state)
                    continue
                }
                for read in runtime.run(effect, state) {
                    if case .changesRead(let feed) = read {
                        if case .reload = feed { followed = .reloaded } else { followed = .fed }
                    }
                    runtime.settle(App.update(&state, read), &state)
                }
            }
        }
        return followed
    }

    /// The open interface's lists and screen against a fresh start in the same order, filter and place.
    func expectSameAsFreshStart(_ state: AppState, _ fixture: FeedFixture, _ when: String) throws {
        var (fresh, runtime) = try fixture.base.app()
        for _ in AppState.Screen.allCases where fresh.screen != state.screen { runtime.press(.char("v"), into: &fresh) }
        if fresh.members.sort != state.members.sort {
            runtime.settle([.loadIndex(state.members.sort)], &fresh)
        }
        if !state.members.filter.value.isEmpty {
            runtime.press(.char("/"), into: &fresh)
            runtime.type(state.members.filter.value, into: &fresh)
            runtime.press(.enter, into: &fresh)
        }
        #expect(state.members.index == fresh.members.index, "\(when): member index")
        // The counts kept by triggers agree with counting.
        let kept = try fixture.writer.db.first("SELECT members, active FROM member_count") { [$0.int(0), $0.int(1)] }
        let counted = try fixture.writer.db.first("SELECT count(*), coalesce(sum(status = 'active'), 0) FROM members") { [$0.int(0), $0.int(1)] }
        #expect(kept == counted, "\(when): member_count")
        #expect(state.members.positions == fresh.members.positions, "\(when): filtered rows")
        #expect(state.session == fresh.session, "\(when): session")
        #expect(state.inboxes.all.map(\.inbox) == fresh.inboxes.all.map(\.inbox), "\(when): inboxes")
        if state.inboxes.membersLoaded && fresh.inboxes.membersLoaded {
            #expect(state.inboxes.all == fresh.inboxes.all, "\(when): who works in each inbox")
        }
        if state.screen == .invitations {
            runtime.settle([.loadInvitations], &fresh)
            #expect(state.invitations.all == fresh.invitations.all, "\(when): invitations")
        }
        fresh.members.list = state.members.list
        fresh.inboxes = state.inboxes.all == fresh.inboxes.all ? state.inboxes : fresh.inboxes
        fresh.invitations.list = state.invitations.list
        fresh.groups.list = state.groups.list
        fresh.audit.list = state.audit.list
        fresh.status = state.status
        fresh.messages = state.messages
        fresh.presence = state.presence
        runtime.settle(MemberList.ensureRows(fresh), &fresh)
        let shown = AppView.render(state).grid.text(), expected = AppView.render(fresh).grid.text()
        #expect(shown == expected, "\(when): the screen\n\(shown)\n---- fresh ----\n\(expected)")
    }
}

/// A workspace of 40 members and a second operator (another connection,
/// as another process would be) making changes of every kind.
struct FeedFixture {
    let base: TUIFixture
    let writer: SQLiteWorkspace
    let phones = ["+14155550100", "+14155550101", "+14155550190"]

    init() throws {
        base = try TUIFixture()
        writer = try base.cli()
        try writer.writing {
            for index in 0..<40 {
                _ = try writer.insertMember(email: EmailAddress("p\(index)@acme.test"), name: DisplayName(FeedRandom.names[index % FeedRandom.names.count] + " \(index)"),
                                            role: Role.allCases[index % Role.allCases.count == 0 ? 4 : index % Role.allCases.count],
                                            login: nil, status: index % 9 == 0 ? .deactivated : .active)
            }
        }
        _ = try writer.perform(.createGroup(name: DisplayName("Night shift")))
    }

    func id(of email: String) -> MemberID? {
        (try? writer.memberRow(email: EmailAddress(email)))??.id
    }

    func raw(_ sql: String) throws {
        try writer.db.execute(sql)
    }

    /// One commit of a random kind; false when nothing could be committed (refused or no-op).
    func commitSomething(_ random: inout FeedRandom) -> Bool {
        let member = { (random: inout FeedRandom) in (try? EmailAddress("p\(random.next(40))@acme.test")) }
        let phone = (try? PhoneNumber(phones[random.next(phones.count)]))
        var command: TeamCommand?
        let night = (try? DisplayName("Night shift")) ?? random.name()
        switch random.next(16) {
        case 0, 1: command = member(&random).map { .renameMember(member: $0, name: random.name()) }
        case 2: command = member(&random).map { .setRole(member: $0, role: [.admin, .manager, .agent, .member][random.next(4)]) }
        case 3: command = member(&random).map { .deactivate(member: $0) }
        case 4: command = member(&random).map { .reactivate(member: $0) }
        case 5: command = member(&random).map { .removeMember(member: $0) }
        case 6:
            let index = 100 + random.next(1000)
            return (try? writer.writing {
                try writer.insertMember(email: EmailAddress("new\(index)@acme.test"), name: random.name(), role: .agent, login: nil, status: .active)
            }) != nil
        case 7: command = member(&random).flatMap { email in phone.map { .assign(member: email, inbox: $0) } }
        case 8: command = member(&random).flatMap { email in phone.map { .unassign(member: email, inbox: $0) } }
        case 9: command = phone.map { .renameInbox(phone: $0, name: random.name()) }
        case 10: command = phone.map { .setInboxVisibility(phone: $0, visibility: random.next(2) == 0 ? .public : .private) }
        case 11: command = (try? EmailAddress("guest\(random.next(30))@acme.test")).map { .invite(email: $0, role: .agent, inboxes: []) }
        case 12: command = member(&random).map { .addToGroup(group: night, member: $0) }
        case 13: command = phone.map { random.next(2) == 0 ? .assignGroup(group: night, inbox: $0) : .unassignGroup(group: night, inbox: $0) }
        case 14: command = member(&random).map { .removeFromGroup(group: night, member: $0) }
        default: command = member(&random).map { .grantPermission(member: $0, permission: Permission.allCases[random.next(Permission.allCases.count)]) }
        }
        guard let command, let outcome = try? writer.perform(command) else { return false }
        return outcome.changed
    }
}

/// Reproducible commits, from the demo's generator.
struct FeedRandom {
    static let names = ["Ana", "Émile", "Zoë", "美咲", "Ólafur", "Łukasz", "Ngozi", "Søren", "Дмитрий", "Aaron", "zelda", "Ümit"]
    private var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next(_ bound: Int) -> Int { generator.next(bound) }

    /// A name that moves the row somewhere else in the list.
    mutating func name() -> DisplayName {
        let first = Self.names[next(Self.names.count)], last = Self.names[next(Self.names.count)]
        return (try? DisplayName("\(first) \(last) \(next(100))")) ?? (try! DisplayName("Fallback"))
    }
}
