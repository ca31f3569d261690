import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// Keys and results in, the whole state and the exact effects out: no
/// database, no terminal. Members sort by name: Adam, Aga, Mia, Mo, Olive, Sam.
@Suite(.timeLimit(.minutes(10))) struct PureUpdateTests {
    static let saving = StatusMessage("saving… (waits if another operator is writing)", .info)

    @Test func movingSelectsTheNextRowAndLoadsNothingCached() {
        var store = TestStore(Sample.started())
        store.press(.char("j")) { $0.members.list.selection = 1 }
        store.press(.char("G")) { $0.members.list.selection = 5 }
        store.press(.char("g")) { $0.members.list.selection = 0 }
        store.press(.up)
    }

    @Test func movingOntoRowsNotLoadedAsksForExactlyThose() {
        var state = Sample.started()
        state.members.rows = [:]
        var store = TestStore(state)
        store.press(.down, effects: [.loadRows([1, 2, 3, 4, 5, 6])]) { $0.members.list.selection = 1 }
        store.send(.rowsLoaded(Sample.members.map(Sample.summary))) { state in
            for member in Sample.members { state.members.rows[member.id] = Sample.summary(member) }
        }
    }

    @Test func theFilterNarrowsAsYouTypeAndEscClearsIt() {
        var store = TestStore(Sample.started())
        store.press(.char("/")) {
            $0.members.filtering = true
            $0.status = StatusMessage("filter: type to narrow, Enter to keep, Esc to clear", .info)
        }
        store.press(.char("m")) {
            $0.members.filter = TextField("m", maxLength: 100)
            $0.members.appliedFilter = "m"
            // Adam (adam), Mia, Mo, Sam (member), Olive (acme? no: "olive@acme.test" has m) …
            $0.members.positions = $0.members.index.positions(matching: "m")
        }
        store.press(.char("o")) {
            $0.members.filter = TextField("mo", maxLength: 100)
            $0.members.appliedFilter = "mo"
            $0.members.positions = [3]
            $0.members.list.selection = 0
        }
        store.press(.escape) {
            $0.members.filtering = false
            $0.members.filter = TextField(maxLength: 100)
            $0.members.appliedFilter = ""
            $0.members.positions = Array(0..<6)
            $0.members.list.selection = 3
            $0.status = StatusMessage("filter cleared", .info)
        }
    }

    @Test func deactivatingSaysSavingAndAsksTheCore() {
        var state = Sample.started()
        state.members.list.selection = 3
        var store = TestStore(state)
        let mo = Sample.member("mo@acme.test")
        let question = Confirmation(title: "Deactivate Mo Member?",
                                    lines: ["Mo Member loses access until reactivated; history and inboxes are kept."],
                                    answer: .yesNo, command: .deactivate(member: mo.email, expectedVersion: 1),
                                    cancelled: "deactivation cancelled; nothing changed")
        store.press(.char("d")) { $0.modal = .confirm(question) }
        store.press(.enter) {
            $0.modal = nil
            $0.status = StatusMessage("deactivation cancelled; nothing changed", .info)
        }
        store.press(.char("d")) { $0.modal = .confirm(question) }
        store.press(.char("y"), effects: [.perform(.deactivate(member: mo.email, expectedVersion: 1))]) {
            $0.modal = nil
            $0.status = Self.saving
        }
        store.send(.performed(.deactivate(member: mo.email, expectedVersion: 1),
                              CommandOutcome(message: "deactivated mo@acme.test", changed: true)),
                   effects: [.reloadAll]) {
            $0.status = StatusMessage("deactivated mo@acme.test", .success)
        }
    }

    @Test func aKeyTheGuardRefusesSaysWhyAndChangesNothingElse() {
        // Adam (admin) on Olive (workspace-admin): outranked.
        var state = Sample.started(as: "adam@acme.test")
        state.members.list.selection = 4
        var store = TestStore(state)
        store.press(.char("d")) {
            $0.status = StatusMessage("deactivate: you are admin and cannot deactivate a member ranked workspace-admin; that needs a higher rank", .error)
        }
    }

    @Test func aMemberIsNotOfferedWhatTheirRoleCanNeverDo() {
        var store = TestStore(Sample.started(as: "mo@acme.test"))
        store.press(.char("i")) { $0.status = StatusMessage("invite: not available to your role", .error) }
        store.press(.char("x")) { $0.status = StatusMessage("remove: not available to your role", .error) }
    }

    @Test func theRolePickerStartsOnTheCurrentRoleAndSetsTheChosenOne() {
        var state = Sample.started(as: "adam@acme.test")
        state.members.list.selection = 3
        var store = TestStore(state)
        let mo = Sample.member("mo@acme.test")
        store.press(.char("r")) {
            $0.modal = .rolePicker(RolePicker(member: mo, choices: [
                .init(role: .workspaceAdmin, availability: .disabled(reason: "you are admin and cannot give the higher role workspace-admin")),
                .init(role: .admin, availability: .enabled), .init(role: .manager, availability: .enabled),
                .init(role: .agent, availability: .enabled),
                .init(role: .member, availability: .disabled(reason: "Mo Member is already member")),
            ], cursor: 4))
        }
        store.press(.enter) { $0.status = StatusMessage("set member: Mo Member is already member", .error) }
        store.press(.char("k")) {
            guard case .rolePicker(var picker) = $0.modal else {
                Issue.record("expected .rolePicker, found \(String(describing: $0.modal))")
                return
            }
            picker.cursor = 3
            $0.modal = .rolePicker(picker)
            // The error has been seen: the next key clears it.
            $0.status = nil
        }
        store.press(.enter, effects: [.perform(.setRole(member: mo.email, role: .agent, expectedVersion: 1))]) {
            $0.modal = nil
            $0.status = Self.saving
        }
    }

    @Test func theInviteWindowTakesTypingAndSendsOneCommand() {
        var store = TestStore(Sample.started(as: "adam@acme.test"))
        var form = InviteForm(roles: [.manager, .agent, .member], inboxes: Sample.inboxes)
        store.press(.char("i")) { $0.modal = .invite(form) }
        for character in "a@b.co" {
            form.email.apply(.char(character))
            store.press(.char(character)) { $0.modal = .invite(form) }
        }
        store.press(.tab) { form.field = .role; $0.modal = .invite(form) }
        store.press(.char("k")) { form.roleIndex = 1; $0.modal = .invite(form) }
        store.press(.tab) { form.field = .inboxes; $0.modal = .invite(form) }
        store.press(.char(" ")) { form.chosen = [1]; $0.modal = .invite(form) }
        store.press(.enter, effects: [.perform(.invite(email: Sample.email("a@b.co"), role: .agent,
                                                       inboxes: [Sample.phone("+14155550100")]))]) {
            $0.status = Self.saving
        }
        store.send(.failed(.conflict("a@b.co is already an active member of this workspace"))) {
            form.error = "a@b.co is already an active member of this workspace"
            $0.modal = .invite(form)
            $0.status = StatusMessage("a@b.co is already an active member of this workspace", .error)
        }
        store.press(.escape) {
            $0.modal = nil
            $0.status = StatusMessage("invitation cancelled", .info)
        }
    }

    @Test func aBadEmailIsCaughtAtTheEdgeWithNoEffect() {
        var state = Sample.started()
        var form = InviteForm(roles: [.workspaceAdmin, .admin, .manager, .agent, .member], inboxes: Sample.inboxes)
        form.email = TextField("nobody@", maxLength: 254)
        form.field = .role
        state.modal = .invite(form)
        var store = TestStore(state)
        let message: String
        do { _ = try EmailAddress("nobody@"); message = "" } catch { message = error.message }
        #expect(message.contains("nothing after '@'"))
        store.press(.enter) {
            form.error = message
            form.field = .email
            $0.modal = .invite(form)
        }
    }

    @Test func anOutsideCommitReloadsAndOurOwnDoNot() {
        var store = TestStore(Sample.started())
        store.send(.tick, effects: [.checkForChanges]) { $0.ticks = 1 }
        store.send(.dataVersionRead(1))
        // Every second idle tick (about a second) also reads who is here.
        store.send(.tick, effects: [.checkForChanges, .readPresence]) { $0.ticks = 2 }
        store.send(.dataVersionRead(2), effects: [.reloadAll]) { $0.dataVersion = 2 }
    }

    @Test func aResizeKeepsTheSelectionOnScreen() {
        var state = Sample.started()
        state.members.list.selection = 5
        var store = TestStore(state)
        store.send(.resized(Size(cols: 60, rows: 8))) {
            $0.size = Size(cols: 60, rows: 8)
            $0.members.list.offset = 3
        }
    }

    @Test func aClickSelectsTheRowUnderIt() {
        var store = TestStore(Sample.started())
        // Header, pane border, column heads: the first member is on line 3.
        store.press(.mouseClick(x: 5, y: 5)) { $0.members.list.selection = 2 }
        store.press(.mouseClick(x: 80, y: 4)) {
            $0.focus = .inboxes
            $0.inboxes.pane.selection = 1
        }
    }

    @Test func ctrlCQuitsEvenWhileTyping() {
        var state = Sample.started()
        state.modal = .invite(InviteForm(roles: [.member], inboxes: []))
        var store = TestStore(state)
        store.press(.ctrl("c")) { $0.shouldQuit = true }
    }
}

@Suite(.timeLimit(.minutes(10))) struct PasteUpdateTests {
    @Test func aPasteOfSeveralAddressesIsRefusedAndTheFieldKept() {
        var state = Sample.started()
        state.modal = .invite(InviteForm(roles: [.member], inboxes: []))
        var store = TestStore(state)
        store.press(.paste("a@b.co, c@d.co\ne@f.co")) {
            $0.status = StatusMessage("pasted 3 addresses: invite one at a time here, or many at once with 'clerk-team invites import FILE'", .error)
        }
    }

    @Test func aPasteInTheListRunsNothing() {
        var store = TestStore(Sample.started())
        store.press(.paste("\rdx")) {
            $0.status = StatusMessage("paste ignored: no text field here (press / to filter, i to invite)", .info)
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct AccessTests {
    @Test func losingAccessForgetsEveryRowAndLeavesOnlyQuit() {
        var store = TestStore(Sample.started())
        var session = Sample.session(as: "olive@acme.test")
        session.operatorContext.member.status = .deactivated
        store.send(.sessionLoaded(session)) {
            $0.session = session
            $0.lostAccess = AccessWatch.deactivated
            $0.members = MemberListState()
            $0.inboxes = InboxesState()
            $0.invitations = InvitationsState()
            $0.status = StatusMessage("you lost access to this workspace", .error)
        }
        store.send(.indexLoaded(Sample.index, .name))
        #expect(Keymap.footer(store.state).map(\.spec.id) == [.quit])
        // The header says which workspace, and nothing more of it (no role, counts or seats).
        let header = AppView.render(store.state).grid.text().split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("Acme") && !header.contains("members") && !header.contains("workspace-admin"), "\(header)")
        store.press(.char("d")) { $0.status = StatusMessage("d: no action here; press ? for help", .info) }
        store.send(.sessionLoaded(Sample.session(as: "olive@acme.test")), effects: [.reloadAll]) {
            $0.session = Sample.session(as: "olive@acme.test")
            $0.lostAccess = nil
            $0.status = StatusMessage("your access is back", .success)
        }
    }

    @Test func aReplacedFileIsReopenedAndEverythingFromTheOldOneIsDropped() {
        var state = Sample.started()
        state.members.marked = [Sample.index.ids[0]]
        state.modal = .help(HelpWindow())
        state.dataVersion = 7
        var store = TestStore(state)
        let why = "nothing was written; the workspace file /w.db was replaced by another file (rebuilt, restored or moved) since it was opened"
        store.send(.failed(.gone(why)), effects: [.reopen(why)])
        store.send(.reopened(why), effects: [.checkForChanges, .reloadAll]) {
            $0.members.marked = []
            $0.modal = nil
            $0.dataVersion = nil
            $0.changeMark = nil
            $0.status = StatusMessage("Reopened: " + why, .error)
            $0.redrawRequests = 1
        }
        // The first data_version of the new connection is a start, not another operator's commit.
        store.send(.dataVersionRead(1)) { $0.dataVersion = 1 }
    }

    @Test func whileOthersHoldTheReplacedFileTheScreenWaitsAndTriesAgainEveryTick() {
        var store = TestStore(Sample.started())
        let why = "nothing was written; the workspace file /w.db was replaced by another file (rebuilt, restored or moved) since it was opened"
        store.send(.reopenWaiting(why, "an interface (ann) still had the file that was there before")) {
            $0.reopening = why
            $0.lostAccess = "The workspace file was replaced: \(why). Waiting to open the new one: an interface (ann) still had the file that was there before."
            $0.members = MemberListState()
            $0.inboxes = InboxesState()
            $0.invitations = InvitationsState()
            $0.status = StatusMessage("waiting for the old workspace file to be let go; q quits", .error)
        }
        // Nothing of either file is read meanwhile: the tick only tries again.
        store.send(.tick, effects: [.reopen(why)]) { $0.ticks = 1 }
        store.send(.reopened(why), effects: [.checkForChanges, .reloadAll]) {
            $0.reopening = nil
            $0.lostAccess = nil
            $0.dataVersion = nil
            $0.changeMark = nil
            $0.status = StatusMessage("Reopened: " + why, .error)
            $0.redrawRequests = 1
        }
    }

    @Test func aFileThatCannotBeReopenedStopsTheScreen() {
        var store = TestStore(Sample.started())
        store.send(.reopenFailed("the workspace file /w.db was deleted")) {
            $0.lostAccess = "Stopped: the workspace file /w.db was deleted."
            $0.members = MemberListState()
            $0.inboxes = InboxesState()
            $0.invitations = InvitationsState()
            $0.status = StatusMessage("the workspace file changed under this screen; quit and open it again", .error)
        }
    }

    @Test func demotingAsksAndPromotingDoesNot() {
        var state = Sample.started()
        let mia = Sample.member("mia@acme.test")
        state.members.list.selection = 2
        state.modal = .rolePicker(RolePicker(member: mia, state: state))
        var store = TestStore(state)
        store.press(.char("j")) {
            $0.modal = .rolePicker(RolePicker(member: mia, choices: RolePicker(member: mia, state: state).choices, cursor: 3))
        }
        store.press(.enter) {
            $0.modal = .confirm(Confirmation(title: "Demote Mia Manager to agent?",
                                             lines: ["Mia Manager keeps only what agent may do (now manager)."],
                                             answer: .yesNo, command: .setRole(member: mia.email, role: .agent, expectedVersion: 1),
                                             cancelled: "role change cancelled; nothing changed"))
        }
        store.press(.char("n")) {
            $0.modal = nil
            $0.status = StatusMessage("role change cancelled; nothing changed", .info)
        }
        #expect(Confirmation.needed(for: .setRole(member: mia.email, role: .admin), on: mia, state) == nil)
        #expect(Confirmation.needed(for: .reactivate(member: mia.email), on: mia, state) == nil)
    }
}

@Suite(.timeLimit(.minutes(10))) struct MessageLogTests {
    @Test func everyMessageIsKeptNewestFirstAndEscDismissesTheLine() {
        var state = Sample.started()
        _ = App.update(&state, .key(.char("s")))
        _ = App.update(&state, .failed(.conflict("mail #12 queued; delivery failed: msmtp exited with status 78: a long explanation")))
        #expect(state.messages.map(\.text) == ["mail #12 queued; delivery failed: msmtp exited with status 78: a long explanation",
                                               "sorted by email"])
        _ = App.update(&state, .key(.escape))
        #expect(state.status == nil, "Esc dismisses the message")
        #expect(state.messages.count == 2, "the log keeps it")
        _ = App.update(&state, .key(.char("m")))
        #expect(state.modal == .messages(MessageLog()))
        let text = AppView.render(state).grid.text()
        #expect(text.contains("a long explanation"), "the log shows messages in full")
    }

    @Test func ctrlLRedrawsAndReadsEverythingAgain() {
        var store = TestStore(Sample.started())
        store.press(.ctrl("l"), effects: [.reloadAll]) { $0.redrawRequests = 1 }
    }
}

@Suite(.timeLimit(.minutes(10))) struct AltKeyTests {
    @Test func escAndAKeyTogetherAreTheTwoKeysWhereAltMeansNothing() {
        var state = Sample.started()
        state.modal = .help(HelpWindow())
        _ = App.update(&state, .key(.alt("q")))
        #expect(state.modal == nil && state.shouldQuit, "Esc closed the help, q quit")
    }

    @Test func inATextFieldAltMovesByWord() {
        var state = Sample.started()
        var form = InviteForm(roles: [.member], inboxes: [])
        form.email = TextField("ann.lee@x.co", maxLength: 254)
        state.modal = .invite(form)
        _ = App.update(&state, .key(.alt("b")))
        guard case .invite(let moved) = state.modal else { Issue.record("the form closed"); return }
        #expect(moved.email.cursor == 10)
    }
}

@Suite(.timeLimit(.minutes(10))) struct OverrideTests {
    static func detail(_ member: Member, overrides: [Override] = []) -> MemberDetail {
        let permissions = RoleMatrix.shipped.permissions(of: member.role)
        return MemberDetail(member: member, inboxes: [], permissions: permissions, groups: [], overrides: overrides,
                            explanations: Permission.allCases.map {
                                PermissionExplanation(permission: $0, held: permissions.contains($0),
                                                      sources: permissions.contains($0) ? [.role(member.role)] : [])
                            })
    }

    @Test func spaceGrantsRevokesOrDropsTheOverrideUnderTheCursor() {
        let mo = Sample.member("mo@acme.test")
        var state = Sample.started()
        state.modal = .detail(MemberWindow(detail: Self.detail(mo)))
        var store = TestStore(state)
        // add-inbox (first): a member lacks it, so Space grants it.
        store.press(.char(" "), effects: [.perform(.grantPermission(member: mo.email, permission: .addInbox, expectedVersion: 1))]) {
            $0.status = PureUpdateTests.saving
        }
        store.send(.performed(.grantPermission(member: mo.email, permission: .addInbox, expectedVersion: 1),
                              CommandOutcome(message: "granted add-inbox to mo@acme.test", changed: true)),
                   effects: [.loadSession, .loadDetail(mo.email)]) {
            $0.status = StatusMessage("granted add-inbox to mo@acme.test", .success)
        }
        #expect(MemberWindow.override(in: MemberWindow(detail: Self.detail(mo), cursor: 5)) == .revoke(.viewPublicInbox))
        let revoked = Self.detail(mo, overrides: [Override(permission: .viewPublicInbox, effect: .revoke)])
        #expect(MemberWindow.override(in: MemberWindow(detail: revoked, cursor: 5)) == .reset(.viewPublicInbox, restores: true))
    }

    @Test func anOperatorWithoutTheKeyNeverSeesIt() {
        var state = Sample.started(as: "mia@acme.test")
        state.modal = .detail(MemberWindow(detail: Self.detail(Sample.member("mo@acme.test"))))
        #expect(!Keymap.footer(state).contains { $0.spec.id == .overrideToggle }, "managers lack modify-team-member")
    }

    @Test func revokingYourOwnPermissionAsksTwice() {
        let olive = Sample.member("olive@acme.test")
        var state = Sample.started()
        state.modal = .detail(MemberWindow(detail: Self.detail(olive), cursor: 0))
        _ = App.update(&state, .key(.char(" ")))
        guard case .confirm(let question) = state.modal else { Issue.record("no question: \(String(describing: state.modal))"); return }
        #expect(question.title == "Revoke add-inbox from yourself?")
        #expect(question.answer == .yesNo, "y/N first, then the email")
    }
}

@Suite(.timeLimit(.minutes(10))) struct GroupsAndRolesTests {
    static let night = GroupSummary(id: 1, name: "Night shift", grants: [.viewPrivateInbox], memberCount: 2, version: 3)

    @Test func theGroupsViewLoadsTheSelectedGroupAndCreatesThroughAQuestion() {
        var store = TestStore(Sample.started())
        store.press(.char("4"), effects: [.announce("groups"), .loadGroups]) { $0.screen = .groups }
        store.send(.groupsLoaded([Self.night]), effects: [.loadGroup(try! DisplayName("Night shift"))]) {
            $0.groups.all = [Self.night]
        }
        store.press(.char("n")) { $0.modal = .prompt(Prompt(purpose: .createGroup)) }
        store.press(.enter) {
            var prompt = Prompt(purpose: .createGroup)
            prompt.error = "group name is empty: it has no visible character"
            $0.modal = .prompt(prompt)
        }
        for character in "Billing" { store.press(.char(character)) {
            guard case .prompt(var prompt) = $0.modal else {
                Issue.record("expected .prompt, found \(String(describing: $0.modal))")
                return
            }
            prompt.field.apply(.char(character)); prompt.error = nil
            $0.modal = .prompt(prompt)
        } }
        store.press(.enter, effects: [.perform(.createGroup(name: try! DisplayName("Billing")))]) {
            $0.status = PureUpdateTests.saving
        }
    }

    @Test func grantingToAGroupNeedsToHoldThePermission() {
        // An admin lacks view-messages: granting it to a group is refused, other grants are allowed.
        var state = Sample.started(as: "adam@acme.test")
        state.screen = .groups
        state.groups.all = [Self.night]
        var window = GroupGrants(group: Self.night)
        window.cursor = Permission.allCases.firstIndex(of: .viewMessages) ?? 0
        state.modal = .grants(window)
        let spec = Keymap.all.first { $0.id == .grantsToggle }
        #expect(spec?.availability(state).reason?.contains("view-messages") == true, "\(String(describing: spec?.availability(state)))")
        window.cursor = 0
        state.modal = .grants(window)
        #expect(spec?.availability(state) == .enabled)
    }

    @Test func theRolesViewMarksChangesAndOnlyAWorkspaceAdminMayEditThem() {
        var state = Sample.started()
        state.screen = .roles
        let changed = RoleMatrix.shipped.setting(.agent, to: RoleMatrix.shipped.permissions(of: .agent).union([.addInbox]))
        _ = App.update(&state, .rolesLoaded(changed, []))
        let text = AppView.render(state).grid.text()
        let row = text.split(separator: "\n").first { $0.contains("add-inbox") }.map(String.init) ?? ""
        #expect(row.contains("✓*"), "agent's add-inbox is marked as changed: \(row)")
        #expect(Keymap.footer(state).contains { $0.spec.id == .roleCellToggle })
        var admin = state
        admin.session = Sample.session(as: "adam@acme.test")
        let toggle = Keymap.footer(admin).first { $0.spec.id == .roleCellToggle }
        #expect(toggle?.availability.isEnabled == false, "only a workspace-admin edits role defaults: \(String(describing: toggle?.availability))")
    }
}

@Suite(.timeLimit(.minutes(10))) struct BulkTests {
    @Test func marksThenABulkAssignAsksWithTheCountsAndRunsOneBatch() {
        var store = TestStore(Sample.started(as: "adam@acme.test"))
        // Mark Adam? No: mark the next four (Aga, Mia, Mo, Olive; Olive outranks Adam).
        store.press(.char("j")) { $0.members.list.selection = 1 }
        for row in 1...4 {
            store.press(.char(" ")) {
                $0.members.marked.insert(Sample.members[row].id)
                $0.members.list.selection = min(row + 1, 5)
            }
        }
        store.press(.tab) { $0.focus = .inboxes }
        let support = Sample.phone("+14155550100")
        store.press(.char(" "), effects: [.prepareBatch(.assign(support), [2, 3, 4, 5])]) {
            $0.status = StatusMessage("checking 4 marked members…", .info)
        }
        let commands = ["aga", "mia", "mo", "olive"].map { TeamCommand.assign(member: Sample.email("\($0)@acme.test"), inbox: support) }
        // Aga is already in Support: her command is not even built.
        store.send(.batchPrepared(.assign(support), Array(commands.dropFirst()), [nil, nil, "rank"])) {
            $0.members.bulkRefused = ["rank"]
            $0.modal = .confirm(Confirmation(title: "Assign to +14155550100: 2 member(s)?",
                                             lines: ["2 of 4 marked will change; 1 already so.", "1 refused: rank (1)."],
                                             batch: Array(commands[1...2]), cancelled: "bulk change cancelled; nothing changed"))
        }
        store.press(.char("y"), effects: [.performBatch(Array(commands[1...2]))]) {
            $0.modal = nil
            $0.status = PureUpdateTests.saving
        }
        let outcome = BatchOutcome(batch: "b-1", done: commands[1...2].map { .init(command: $0, outcome: CommandOutcome(message: "ok", changed: true)) },
                                   refused: [])
        store.send(.batchPerformed(outcome), effects: [.reloadAll]) {
            $0.members.marked = []
            $0.members.bulkRefused = []
            $0.status = StatusMessage("bulk change b-1: 2 changed; 1 refused: rank (1)", .error)
        }
    }

    @Test func markAllMarksWhatTheFilterShows() {
        var state = Sample.started()
        _ = App.update(&state, .key(.char("/")))
        for character in "mo" { _ = App.update(&state, .key(.char(character))) }
        _ = App.update(&state, .key(.enter))
        _ = App.update(&state, .key(.char("*")))
        #expect(state.members.marked == [Sample.member("mo@acme.test").id])
        _ = App.update(&state, .key(.char("U")))
        #expect(state.members.marked.isEmpty)
    }
}

@Suite(.timeLimit(.minutes(10))) struct PaletteTests {
    func lines(_ address: String, typing text: String) -> [Palette.Item] {
        var state = Sample.started(as: address)
        _ = App.update(&state, .key(.char(":")))
        for character in text { _ = App.update(&state, .key(.char(character))) }
        guard case .palette(let palette) = state.modal else { Issue.record("no palette"); return [] }
        return Palette.items(palette, state)
    }

    @Test func findsInviteForAnAdminAndNotForAMember() {
        #expect(lines("adam@acme.test", typing: "invite").contains { if case .action(.invite, _, _) = $0 { true } else { false } })
        #expect(!lines("mo@acme.test", typing: "invite").contains { if case .action(.invite, _, _) = $0 { true } else { false } })
    }

    @Test func runsWhatItFindsAndJumpsToAMember() {
        var state = Sample.started()
        _ = App.update(&state, .key(.char(":")))
        for character in "help" { _ = App.update(&state, .key(.char(character))) }
        _ = App.update(&state, .key(.enter))
        #expect(state.modal == .help(HelpWindow()))
        state.modal = nil
        _ = App.update(&state, .key(.char(":")))
        for character in "mia@" { _ = App.update(&state, .key(.char(character))) }
        guard case .palette(let palette) = state.modal else { Issue.record("no palette"); return }
        let found = Palette.items(palette, state)
        var jump = state
        var last = palette
        last.cursor = found.count - 1
        jump.modal = .palette(last)
        _ = App.update(&jump, .key(.enter))
        #expect(jump.selectedMember?.member.email.value == "mia@acme.test")
        _ = App.update(&state, .key(.escape))
        _ = App.update(&state, .key(.char(":")))
        _ = App.update(&state, .key(.char("q")))
        _ = App.update(&state, .key(.enter))
        #expect(state.shouldQuit)
    }
}

@Suite(.timeLimit(.minutes(10))) struct AuditQueryTests {
    @Test func theFilterReadsFieldsDatesAndWords() throws {
        let query = try AuditQuery.parse("actor:ann action:role since:2026-11-01 until:2026-11-30 vip")
        #expect(query.actor == "ann" && query.action == "role" && query.text == "vip")
        #expect(query.since == Timestamp(seconds: 1_793_491_200))
        #expect(query.until == Timestamp(seconds: 1_793_491_200 + 29 * 86_400 + 86_399))
        #expect { try AuditQuery.parse("since:yesterday") } throws: { "\($0)".contains("not a date") }
        #expect(query.matches(AuditEvent(id: 1, at: Timestamp(seconds: 1_793_491_200 + 5), actor: "ann@x.co", osLogin: "ann", viaAs: false, interface: .tui, action: "member.set-role", target: "vip@x.co", before: nil, after: nil)))
    }
}

@Suite(.timeLimit(.minutes(10))) struct InviteFormOutsideChangeTests {
    /// Another operator removes an inbox that is ticked in the open invite
    /// window: it leaves the invitation, and the operator is told which.
    @Test func aChosenInboxRemovedMeanwhileIsDroppedAndSaid() {
        var state = Sample.started()
        var form = InviteForm(roles: [.member], inboxes: Sample.inboxes)
        form.chosen = [Sample.inboxes[0].id, Sample.inboxes[1].id]
        state.modal = .invite(form)
        var store = TestStore(state)
        let left = Array(Sample.inboxes.dropFirst())
        var expected = form
        expected.inboxes = left
        expected.chosen = [Sample.inboxes[1].id]
        store.send(.inboxesLoaded(left.map { InboxSummary(inbox: $0, members: []) }, withMembers: false)) {
            $0.inboxes.all = left.map { InboxSummary(inbox: $0, members: []) }
            $0.modal = .invite(expected)
            $0.status = StatusMessage("no longer in this invitation, removed by someone else: \(Sample.inboxes[0].name) (\(Sample.inboxes[0].displayPhone))", .error)
        }
    }
}
