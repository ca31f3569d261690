/// Versioned schema migrations. `PRAGMA user_version` records how many have run;
/// `application_id` marks the file as a clerk-team workspace.
enum Schema {
    /// "Clrk" — lets `file(1)`-style checks and this program tell our files apart.
    static let applicationID: Int64 = 0x436C_726B

    static var currentVersion: Int64 { Int64(migrations.count) }

    /// Each entry moves the schema from version `index` to `index + 1`. Never edit a shipped one.
    static let migrations: [String] = [
        """
        CREATE TABLE workspace (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            -- NULL: the operator's configured default, else 7 days.
            invite_expiry_days INTEGER CHECK (invite_expiry_days IS NULL OR invite_expiry_days BETWEEN 1 AND 365),
            seat_limit INTEGER CHECK (seat_limit IS NULL OR seat_limit > 0),
            -- 1 for files made by `clerk-team demo`, which demo may replace.
            is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0,1)),
            version INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            -- Sort key: the name folded for case-insensitive ordering, for keyset paging.
            sort_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('workspace-admin','admin','manager','agent','member')),
            login TEXT UNIQUE,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','deactivated')),
            created_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        -- Covers the member index (id, folded name, email) so loading the list reads only this index.
        CREATE INDEX members_by_sort_name ON members(sort_name, id, email);
        CREATE INDEX members_by_role_status ON members(role, status);
        CREATE INDEX members_by_status ON members(status);

        CREATE TABLE inboxes (
            id INTEGER PRIMARY KEY,
            phone TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            visibility TEXT NOT NULL CHECK (visibility IN ('public','private')),
            created_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE assignments (
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            inbox_id INTEGER NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
            PRIMARY KEY (member_id, inbox_id)
        ) WITHOUT ROWID;
        CREATE INDEX assignments_by_inbox ON assignments(inbox_id, member_id);

        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE group_grants (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            permission TEXT NOT NULL,
            PRIMARY KEY (group_id, permission)
        ) WITHOUT ROWID;
        CREATE TABLE group_members (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            PRIMARY KEY (group_id, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX group_members_by_member ON group_members(member_id, group_id);

        CREATE TABLE overrides (
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            permission TEXT NOT NULL,
            effect TEXT NOT NULL CHECK (effect IN ('grant','revoke')),
            PRIMARY KEY (member_id, permission)
        ) WITHOUT ROWID;

        -- Per-workspace edits of the role matrix; absent rows mean the shipped default.
        CREATE TABLE role_permissions (
            role TEXT NOT NULL,
            permission TEXT NOT NULL,
            PRIMARY KEY (role, permission)
        ) WITHOUT ROWID;
        CREATE TABLE role_matrix_customised (
            id INTEGER PRIMARY KEY CHECK (id = 1)
        );

        CREATE TABLE invitations (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('workspace-admin','admin','manager','agent','member')),
            token_hash BLOB NOT NULL UNIQUE,
            invited_by INTEGER REFERENCES members(id) ON DELETE SET NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending','accepted','revoked','expired')),
            accepted_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX invitations_by_email_status ON invitations(email, status);
        CREATE INDEX invitations_by_status ON invitations(status, expires_at);
        -- The number is kept when its inbox is removed, so accepting can say what was skipped.
        CREATE TABLE invitation_inboxes (
            invitation_id INTEGER NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
            phone TEXT NOT NULL,
            inbox_id INTEGER REFERENCES inboxes(id) ON DELETE SET NULL,
            PRIMARY KEY (invitation_id, phone)
        ) WITHOUT ROWID;

        -- Outgoing mail. The message itself (it holds the token) is never
        -- stored here: it sits in the spool folder beside the workspace file,
        -- readable only by the login that queued it (docs/DECISIONS.md).
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            invitation_id INTEGER REFERENCES invitations(id) ON DELETE SET NULL,
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            spool_file TEXT NOT NULL,
            spool_offset INTEGER NOT NULL,
            spool_length INTEGER NOT NULL,
            queued_by TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('queued','sent','cancelled','lost')),
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            sent_at INTEGER
        );
        CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
        CREATE INDEX outbox_by_invitation ON outbox(invitation_id, status);
        CREATE INDEX outbox_by_spool_file ON outbox(spool_file, status);

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT,
            os_login TEXT NOT NULL,
            via_as INTEGER NOT NULL CHECK (via_as IN (0,1)),
            interface TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """,
        // 2: a tamper-evident audit log. Each row's hash chains over the one
        // before it (AuditChain); refused writes are recorded with their rule.
        // INSERT OR REPLACE deletes without firing DELETE triggers, so an
        // insert over an existing id is refused by its own trigger.
        """
        ALTER TABLE audit ADD COLUMN outcome TEXT NOT NULL DEFAULT 'done' CHECK (outcome IN ('done','refused'));
        ALTER TABLE audit ADD COLUMN rule TEXT;
        ALTER TABLE audit ADD COLUMN hash BLOB;
        CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
            WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE INDEX audit_by_outcome ON audit(outcome, id);
        """,
        // 3: each queued message's SHA-256, written with its row, is checked
        // before sending; a message that does not match is kept, flagged, never sent.
        """
        ALTER TABLE outbox ADD COLUMN spool_sha256 BLOB;
        ALTER TABLE outbox ADD COLUMN tampered INTEGER NOT NULL DEFAULT 0 CHECK (tampered IN (0,1));
        """,
        // 4: the change feed. Every commit leaves (seq, kind, row) records, written by
        // triggers so that no write path (a batch, an import, sqlite3 by hand) can
        // forget them; an open interface reads only the records after the last it
        // applied (ChangeFeed) instead of reloading everything. Seqs are
        // consecutive and never reused (AUTOINCREMENT, writers are serialised),
        // so a missing one means records were pruned or deleted: the reader then reloads. Only the last
        // 10,000 or so are kept. `epoch` tells one file's history from another's
        // copied over it.
        """
        CREATE TABLE change_feed (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            epoch BLOB NOT NULL
        );
        INSERT INTO change_feed (id, epoch) VALUES (1, randomblob(16));
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            row_id INTEGER NOT NULL
        );
        CREATE TRIGGER changes_pruned AFTER INSERT ON changes WHEN NEW.seq % 1000 = 0
            BEGIN DELETE FROM changes WHERE seq <= NEW.seq - 10000; END;
        -- The header's member count and the seats held, kept as members come,
        -- go and change status: count(*) reads the whole index, in every open
        -- interface, after every commit.
        CREATE TABLE member_count (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            members INTEGER NOT NULL,
            active INTEGER NOT NULL
        );
        INSERT INTO member_count (id, members, active)
            SELECT 1, count(*), coalesce(sum(status = 'active'), 0) FROM members;
        CREATE TRIGGER member_counted_insert AFTER INSERT ON members
            BEGIN UPDATE member_count SET members = members + 1, active = active + (NEW.status = 'active') WHERE id = 1; END;
        CREATE TRIGGER member_counted_delete AFTER DELETE ON members
            BEGIN UPDATE member_count SET members = members - 1, active = active - (OLD.status = 'active') WHERE id = 1; END;
        CREATE TRIGGER member_counted_status AFTER UPDATE OF status ON members
            BEGIN UPDATE member_count SET active = active + (NEW.status = 'active') - (OLD.status = 'active') WHERE id = 1; END;
        \(ChangeFeedTriggers.sql)
        """,
        // 5: billing (the seat limit was there from the start) and contacts with
        // custom properties. A choice property's choices are one per line:
        // choices are names, which cannot hold a line break.
        """
        ALTER TABLE workspace ADD COLUMN billing_plan TEXT;
        ALTER TABLE workspace ADD COLUMN billing_contact TEXT;

        CREATE TABLE contact_properties (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            -- The name folded for case-insensitive uniqueness and lookups.
            name_key TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL CHECK (type IN ('text','number','date','choice')),
            choices TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            phone TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sort_name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX contacts_by_sort_name ON contacts(sort_name, id);
        CREATE TABLE contact_values (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            property_id INTEGER NOT NULL REFERENCES contact_properties(id) ON DELETE CASCADE,
            value TEXT NOT NULL,
            PRIMARY KEY (contact_id, property_id)
        ) WITHOUT ROWID;
        CREATE INDEX contact_values_by_property ON contact_values(property_id, contact_id);
        \(ChangeFeedTriggers.sql(for: ChangeFeedTriggers.schema5))
        """,
        // 6: message threads per inbox. A thread is (inbox, contact number); its
        // messages are read in pages from either end by (at, id) through the
        // index, so a 10,000-message thread is never read whole. `sent_by` keeps
        // the member's email as it was (history outlives a removed member).
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            inbox_id INTEGER NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
            contact TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('in','out')),
            at INTEGER NOT NULL,
            body TEXT NOT NULL,
            sent_by TEXT,
            CHECK ((direction = 'out') = (sent_by IS NOT NULL))
        );
        CREATE INDEX messages_by_thread ON messages(inbox_id, contact, at, id);
        \(ChangeFeedTriggers.messages)
        """,
        // 7: groups on inboxes. Every member of a group works in the group's
        // inboxes while they are in it; `member_inboxes` is what a member works
        // in (direct or through a group), so joining or leaving a group changes
        // it with no further write. Direct assignments stay in `assignments`.
        """
        CREATE TABLE group_inboxes (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            inbox_id INTEGER NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
            PRIMARY KEY (group_id, inbox_id)
        ) WITHOUT ROWID;
        CREATE INDEX group_inboxes_by_inbox ON group_inboxes(inbox_id, group_id);
        CREATE VIEW member_inboxes AS
            SELECT member_id, inbox_id FROM assignments
            UNION
            SELECT gm.member_id, gi.inbox_id FROM group_members gm JOIN group_inboxes gi ON gi.group_id = gm.group_id;
        \(ChangeFeedTriggers.groupInboxes)
        """,
    ]
}
