/// The prose of clerk-team(1) that no definition holds: what the tool is,
/// exit status, files, environment and the trust model. Commands, options
/// and keys are generated (``ManualPage``).
enum ManualText {
    static let description = """
        clerk-team manages the team of a business-texting workspace: who is in it, which phone-number inboxes each member works in, and what each member may do. One SQLite file holds the workspace; several operators may use it at once, for example over SSH.

        With no command it opens the workspace in a full-screen terminal interface (see KEYS). The commands below script everything; the reading ones print tables, or JSON with --json.

        Every change is decided by one permission guard (the role matrix, groups and per-member overrides) and written to an append-only audit log. A refusal says which rule refused.
        """

    static let tail = #"""
        .SH EXIT STATUS
        .TP
        .B 0
        Done, including "nothing changed".
        .TP
        .B 1
        Refused by the guard, invalid input, or a question answered no (standard error says which rule or field); for \fBcan\fR, the member does not hold the permission; for \fBroles lint\fR, there are findings.
        .TP
        .B 2
        Usage error: an unknown command or option, or a missing argument.
        .SH FILES
        .TP
        .I $XDG_DATA_HOME/clerk\-team/workspace.db
        The default workspace (\fI~/.local/share/clerk\-team/workspace.db\fR when \fBXDG_DATA_HOME\fR is unset).
        .TP
        .I $XDG_DATA_HOME/clerk\-team/demo.db
        The demo workspace made by \fBclerk\-team demo\fR; never the real one.
        .TP
        .I WORKSPACE\-outbox/
        Queued invitation mail beside the workspace file, readable only by the login that queued it.
        .TP
        .I $XDG_CONFIG_HOME/clerk\-team/config.json
        Mail transport, sender and invitation expiry (\fI~/.config/clerk\-team/config.json\fR by default).
        .TP
        .I $XDG_DATA_HOME/clerk\-team/mail/
        Invitation mail as .eml files when no transport is configured.
        .SH ENVIRONMENT
        .TP
        .B CLERK_TEAM_DB
        The workspace file when \fB\-\-db\fR is not given.
        .TP
        .B CLERK_TEAM_CONFIG
        The config file, instead of the XDG location.
        .TP
        .B CLERK_TEAM_BUSY_TIMEOUT_MS
        How long a write waits for another operator's write, in milliseconds: 50 to 600000 (default 10000); anything else is refused (exit status 2).
        .TP
        .BR XDG_DATA_HOME ", " XDG_CONFIG_HOME
        Where the default workspace and the config file are.
        .TP
        .B NO_COLOR
        No colours in the interface (attributes only).
        .TP
        .BR LANG ", " LC_ALL
        A UTF\-8 locale draws lines and marks; otherwise the interface uses ASCII.
        .TP
        .B PATH
        Where a bare sendmail\-compatible command of the config is looked up.
        .SH TRUST MODEL
        You are the member bound to your OS login. \fBinit\fR binds the first workspace\-admin to the login that ran it; \fBaccept\fR binds the invitee's.
        .PP
        The guard protects the workspace from operators who use clerk\-team. Anyone who can write the file can bypass it with any SQLite tool, and anyone who can read it can read everything in it: protect it with file permissions. New workspace files are mode 0600; in a folder owned by a shared group with the set\-group\-ID bit (\fBchmod 2770\fR) they are made 0660 for that group. That is also why \fB\-\-as\fR is only for the superuser and the file's owner: they could edit the file anyway.
        .PP
        An invitation token is a secret; only its SHA\-256 is stored. Destructive commands (\fBmembers remove\fR, \fBinboxes remove\fR, \fBgroups delete\fR) ask for the name to be typed on a terminal, and without a terminal they refuse unless \fB\-\-yes\fR is given.

        """#

    static let seeAlso = """
        .SH SEE ALSO
        .BR sqlite3 (1),
        .BR msmtp (1),
        .BR sendmail (8)

        """
}
