import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// Keys in, state and effects out.
@Suite(.timeLimit(.minutes(10))) struct UpdateTests {
    @Test func startLoadsEverythingAndSelectsTheFirstMember() throws {
        let fixture = try TUIFixture()
        let (state, _) = try fixture.app()
        #expect(state.session?.operatorContext.member.email.value == "olive@acme.test")
        #expect(state.members.count == 7)
        #expect(state.members.selection == 0)
        #expect(state.selectedMember?.member.name == "Adam Admin")
        #expect(state.inboxes.all.map(\.inbox.phone.value) == ["+14155550100", "+14155550101", "+14155550190"])
    }

    @Test func movingAsksOnlyForRowsNotYetLoaded() throws {
        let fixture = try TUIFixture()
        var (state, _) = try fixture.app()
        #expect(App.update(&state, .key(.char("j"))).isEmpty, "all 7 rows are cached already")
        #expect(state.members.selection == 1)
        state.members.rows = [:]
        let effects = App.update(&state, .key(.down))
        #expect(state.members.selection == 2)
        guard case .loadRows(let ids) = effects.first else {
            Issue.record("expected a row load, got \(effects)")
            return
        }
        #expect(ids.count == 7)
        #expect(App.update(&state, .key(.char("G"))).count <= 1)
        #expect(state.members.selection == 6)
        _ = App.update(&state, .key(.char("g")))
        #expect(state.members.selection == 0)
    }

    @Test func filteringNarrowsAsYouTypeAndEscClears() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        runtime.press(.char("/"), into: &state)
        #expect(state.members.filtering)
        runtime.type("ag", into: &state)
        #expect(state.members.count == 2, "Aga Agent and Mia Manager (mAnaGer? no: 'ag' in 'aga' and 'manager')")
        runtime.type("a", into: &state)
        #expect(state.members.count == 1)
        #expect(state.selectedMember?.member.name == "Aga Agent")
        runtime.press(.backspace, .backspace, .backspace, into: &state)
        #expect(state.members.count == 7)
        runtime.type("田中", into: &state)
        #expect(state.selectedMember?.member.email.value == "misaki@acme.test")
        runtime.press(.enter, into: &state)
        #expect(!state.members.filtering)
        #expect(state.members.count == 1, "Enter keeps the filter")
        runtime.press(.escape, into: &state)
        #expect(state.members.count == 7)
        #expect(state.selectedMember?.member.email.value == "misaki@acme.test", "selection survives clearing")
    }

    @Test func toggleAssignmentPerformsAndShowsTheResult() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        select("mo@acme.test", &state, runtime)
        runtime.press(.tab, into: &state)
        #expect(state.focus == .inboxes)
        var probe = state
        #expect(App.update(&probe, .key(.char(" "))) == [.perform(.assign(member: try EmailAddress("mo@acme.test"),
                                                                          inbox: try PhoneNumber("+14155550100")))])
        runtime.press(.char(" "), into: &state)
        #expect(state.selectedMember?.inboxes.map(\.value) == ["+14155550100"])
        #expect(state.status?.kind == .success)
        runtime.press(.char(" "), into: &state)
        #expect(state.selectedMember?.inboxes.isEmpty == true)
        #expect(try fixture.cli().member(EmailAddress("mo@acme.test")).inboxes.isEmpty)
    }

    @Test func aDisabledKeyExplainsAndDoesNothing() throws {
        let fixture = try TUIFixture()
        var (state, _) = try fixture.app(as: "adam@acme.test")
        // Adam (admin) selects himself... select Olive, the workspace-admin: outranks him.
        while state.selectedMember?.member.email.value != "olive@acme.test" { _ = App.update(&state, .key(.char("j"))) }
        let before = state.modal
        #expect(App.update(&state, .key(.char("r"))).isEmpty)
        #expect(state.modal == before)
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("cannot change the role of a member ranked workspace-admin") == true)
        #expect(App.update(&state, .key(.char("x"))).isEmpty)
        #expect(state.status?.text.contains("cannot remove") == true)
    }

    @Test func rolePickerOffersOnlyWhatTheGuardAllows() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(as: "adam@acme.test")
        select("mo@acme.test", &state, runtime)
        runtime.press(.char("r"), into: &state)
        guard case .rolePicker(let picker) = state.modal else {
            Issue.record("no role picker: \(String(describing: state.status))")
            return
        }
        let enabled = picker.choices.filter(\.availability.isEnabled).map(\.role)
        #expect(enabled == [.admin, .manager, .agent])
        #expect(picker.choices.first { $0.role == .workspaceAdmin }?.availability.reason?.contains("higher role") == true)
        // The cursor starts on the current role: Enter by reflex changes nothing.
        #expect(picker.choices[picker.cursor].role == .member)
        var reflex = state
        #expect(App.update(&reflex, .key(.enter)).isEmpty)
        // One up is "agent"; confirm: the change is made by the core.
        runtime.press(.char("k"), into: &state)
        guard case .rolePicker(let moved) = state.modal else {
            Issue.record("expected .rolePicker, found \(String(describing: state.modal))")
            return
        }
        #expect(moved.choices[moved.cursor].role == .agent)
        runtime.press(.enter, into: &state)
        #expect(state.modal == nil)
        #expect(try fixture.cli().member(EmailAddress("mo@acme.test")).member.role == .agent)
    }

    @Test func removingNeedsTheEmailTypedExactly() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        select("mo@acme.test", &state, runtime)
        runtime.press(.char("x"), into: &state)
        runtime.type("mo@acme", into: &state)
        runtime.press(.enter, into: &state)
        #expect(state.modal != nil, "a wrong confirmation keeps the window open")
        #expect(state.members.count == 7)
        runtime.type(".test", into: &state)
        runtime.press(.enter, into: &state)
        #expect(state.modal == nil)
        #expect(state.members.count == 6)
        #expect(state.status?.text.contains("removed") == true)
    }

    @Test func inviteModalValidatesAsYouTypeAndSubmitsAValue() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(as: "adam@acme.test")
        runtime.press(.char("i"), into: &state)
        guard case .invite(let opened) = state.modal else {
            Issue.record("no invite modal")
            return
        }
        #expect(opened.roles == [.manager, .agent, .member], "only roles below an admin's own")
        #expect(opened.inboxes.count == 3)
        runtime.type("new.person@", into: &state)
        guard case .invite(let typing) = state.modal else {
            Issue.record("expected .invite, found \(String(describing: state.modal))")
            return
        }
        #expect(typing.emailProblem?.contains("nothing after '@'") == true)
        var refused = state
        #expect(App.update(&refused, .key(.enter)).isEmpty)
        runtime.type("acme.test", into: &state)
        runtime.press(.tab, .char("k"), .tab, .char(" "), into: &state)
        guard case .invite(let form) = state.modal else {
            Issue.record("expected .invite, found \(String(describing: state.modal))")
            return
        }
        #expect(form.emailProblem == nil)
        #expect(form.role == .agent)
        var submit = state
        #expect(App.update(&submit, .key(.enter)) == [.perform(.invite(email: try EmailAddress("new.person@acme.test"),
                                                                       role: .agent, inboxes: [try PhoneNumber("+14155550100")]))])
        runtime.press(.escape, into: &state)
        #expect(state.modal == nil)
    }

    @Test func aStaleEditIsRefusedAndTheViewReloads() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        select("mo@acme.test", &state, runtime)
        _ = try fixture.cli().perform(.setRole(member: EmailAddress("mo@acme.test"), role: .agent))
        runtime.press(.char("d"), .char("y"), into: &state)
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("changed by someone else") == true)
        #expect(state.selectedMember?.member.role == .agent, "reloaded after the refusal")
        #expect(state.selectedMember?.member.status == .active, "nothing was overwritten")
    }

    @Test func outsideChangesKeepTheSelectionAndAHalfTypedForm() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        select("mo@acme.test", &state, runtime)
        runtime.press(.char("i"), into: &state)
        runtime.type("half", into: &state)
        _ = try fixture.cli().perform(.assign(member: EmailAddress("mo@acme.test"), inbox: PhoneNumber("+14155550101")))
        // The loop's idle tick notices the outside commit and reloads.
        runtime.settle(runtime.dispatch(.tick, &state), &state)
        #expect(state.selectedMember?.member.email.value == "mo@acme.test")
        #expect(state.selectedMember?.inboxes.map(\.value) == ["+14155550101"])
        guard case .invite(let form) = state.modal else {
            Issue.record("the form was lost")
            return
        }
        #expect(form.email.value == "half")
        let seen = state.dataVersion
        var idle = state
        #expect(runtime.dispatch(.tick, &idle).isEmpty && idle.dataVersion == seen, "our own reads are not outside changes")
        idle.ticks = state.ticks
        #expect(idle == state, "an idle tick changes nothing but the tick count")
    }

    @Test func readOnlyModeDisablesEveryChange() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(readOnly: .requested)
        select("mo@acme.test", &state, runtime)
        for key in [Key.char("r"), .char("d"), .char("x"), .char("i")] {
            var probe = state
            #expect(App.update(&probe, .key(key)).isEmpty, "\(key)")
            #expect(probe.status?.text.contains("read-only") == true)
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct StartupTests {
    @Test func theFirstScreenIsReadyBeforeTheWholeIndexIsLoaded() throws {
        let fixture = try TUIFixture()
        let workspace = try fixture.cli()
        let runtime = Runtime(workspace: workspace)
        var state = AppState(size: Size(cols: 100, rows: 8), glyphs: .unicode)
        let waiting = runtime.start(&state)
        // 8 rows: header, box, column heads, 3 data rows, status, footer → 3 (+1) members first.
        #expect(state.members.count == state.layout.memberRows + 1)
        #expect(state.selectedMember?.member.name == "Adam Admin")
        #expect(AppView.render(state).grid.text().contains("Adam Admin"))
        #expect(waiting == [.afterPaint(.loadIndex(.name))])
        #expect(runtime.run(waiting, &state).isEmpty, "nothing left to do")
        #expect(state.members.count == 7)
    }
}

@Suite(.timeLimit(.minutes(10))) struct InvitationScreenTests {
    @Test func invitingThroughTheModalStoresAPendingInvitation() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(as: "adam@acme.test")
        runtime.press(.char("i"), into: &state)
        runtime.type("new.person@acme.test", into: &state)
        runtime.press(.tab, .char("k"), .tab, .char(" "), .enter, into: &state)
        #expect(state.modal == nil, "\(String(describing: state.status))")
        #expect(state.status?.kind == .success)
        let pending = try fixture.cli().invitations(status: .pending)
        #expect(pending.map(\.invitation.email.value) == ["new.person@acme.test"])
        #expect(pending.first?.invitation.role == .agent)
        #expect(pending.first?.invitation.inboxes.map(\.value) == ["+14155550100"])
        #expect(state.invitations.all.count == 1, "the list is reloaded after the change")
    }

    @Test func aRefusedInvitationKeepsTheFormAndSaysWhy() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(as: "adam@acme.test")
        runtime.press(.char("i"), into: &state)
        runtime.type("mo@acme.test", into: &state)
        runtime.press(.enter, into: &state)
        guard case .invite(let form) = state.modal else {
            Issue.record("the form closed")
            return
        }
        #expect(form.error?.contains("already an active member") == true, "\(String(describing: form.error))")
        #expect(form.email.value == "mo@acme.test")
    }

    @Test func resendAndRevokeFromTheInvitationsView() throws {
        let fixture = try TUIFixture()
        _ = try fixture.cli().perform(.invite(email: EmailAddress("a@new.test"), role: .member, inboxes: []))
        var (state, runtime) = try fixture.app()
        runtime.press(.char("v"), .char("v"), into: &state)
        #expect(state.screen == .invitations)
        #expect(state.invitations.selected?.invitation.email.value == "a@new.test")
        runtime.press(.char("r"), into: &state)
        #expect(state.status?.kind == .success, "\(String(describing: state.status))")
        runtime.press(.char("x"), into: &state)
        #expect(state.invitations.selected?.invitation.status == .pending, "revoking asks first")
        runtime.press(.char("y"), into: &state)
        #expect(state.invitations.selected?.invitation.status == .revoked)
        var probe = state
        #expect(App.update(&probe, .key(.char("x"))).isEmpty, "a revoked invitation cannot be revoked again")
        #expect(probe.status?.text.contains("revoked") == true)
    }

    @Test func anExpiredInvitationCanBeRevokedAsOnTheCommandLine() throws {
        let fixture = try TUIFixture()
        _ = try fixture.cli().perform(.invite(email: EmailAddress("a@new.test"), role: .member, inboxes: []))
        var (state, runtime) = try fixture.app()
        runtime.press(.char("v"), .char("v"), into: &state)
        try #require(state.invitations.all.count == 1)
        state.invitations.all[0].invitation.status = .expired
        let revoke = try #require(Keymap.all.first { $0.id == .revokeInvitation })
        #expect(revoke.availability(state) == .enabled)
        state.invitations.all[0].invitation.status = .accepted
        #expect(revoke.availability(state).reason?.contains("is already accepted") == true)
    }

    @Test func membersCannotManageInvitations() throws {
        let fixture = try TUIFixture()
        _ = try fixture.cli().perform(.invite(email: EmailAddress("a@new.test"), role: .member, inboxes: []))
        var (state, runtime) = try fixture.app(as: "mo@acme.test")
        runtime.press(.char("v"), .char("v"), into: &state)
        let ids = Set(Keymap.footer(state).map(\.spec.id))
        #expect(!ids.contains(.resendInvitation) && !ids.contains(.revokeInvitation) && !ids.contains(.invite))
        #expect(App.update(&state, .key(.char("x"))).isEmpty)
    }
}

@Suite(.timeLimit(.minutes(10))) struct ReloadAfterChangeTests {
    @Test func anAssignmentReloadsRowsNotTheWholeIndex() throws {
        let fixture = try TUIFixture()
        var (state, _) = try fixture.app()
        let command = TeamCommand.assign(member: try EmailAddress("adam@acme.test"), inbox: try PhoneNumber("+14155550100"))
        let effects = App.update(&state, .performed(command, CommandOutcome(message: "ok", changed: true)))
        #expect(!effects.contains(.reloadAll))
        #expect(effects.contains(.loadSession))
        #expect(effects.contains(.loadInboxes(withMembers: false)))
        #expect(effects.contains { if case .loadRows(let ids) = $0 { !ids.isEmpty } else { false } },
                "the changed member's row is read again")
        let roleChange = TeamCommand.setRole(member: try EmailAddress("adam@acme.test"), role: .manager)
        #expect(App.update(&state, .performed(roleChange, CommandOutcome(message: "ok", changed: true))) == [.reloadAll])
    }
}
