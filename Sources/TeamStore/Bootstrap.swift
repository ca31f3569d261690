import Foundation
import TeamCore

/// Creating workspaces: `init` and `demo`.
extension SQLiteWorkspace {
    /// Creates a new workspace file whose first workspace-admin is bound to
    /// the operator's OS login (SPEC §4.8).
    public static func create(path: String, name: DisplayName, adminEmail: EmailAddress, adminName: DisplayName,
                              identity: OperatorIdentity, options: StoreOptions) throws -> SQLiteWorkspace {
        try options.refuseCreatingIfReadOnly("creating a workspace")
        let workspace = try creating(path: path, identity: identity, options: options)
        try workspace.writing {
            try workspace.insertWorkspace(name: name, isDemo: false)
            let admin = try workspace.insertMember(email: adminEmail, name: adminName, role: .workspaceAdmin,
                                                   login: identity.osLogin, status: .active)
            let op = try workspace.resolveOperator()
            try workspace.appendAudit(op, action: "workspace.init", target: name.value,
                                      after: [("admin", .string(admin.email.value)), ("login", .string(identity.osLogin))])
        }
        return workspace
    }

    /// Opens a new file for creation, removing it again if anything fails.
    static func creating(path: String, identity: OperatorIdentity, options: StoreOptions) throws -> SQLiteWorkspace {
        do {
            return SQLiteWorkspace(db: try WorkspaceFile.create(path: path), path: path, identity: identity, options: options)
        } catch let error as TeamError {
            throw error
        } catch {
            throw WorkspaceFile.describe(error, path: path)
        }
    }

    func insertWorkspace(name: DisplayName, isDemo: Bool) throws {
        try db.run("INSERT INTO workspace (id, name, created_at, is_demo) VALUES (1, ?, ?, ?)",
                   [name.value, now().seconds, isDemo])
    }

    @discardableResult
    func insertMember(email: EmailAddress, name: DisplayName, role: Role, login: String?,
                      status: MemberStatus) throws -> Member {
        try db.run("""
            INSERT INTO members (email, name, sort_name, role, login, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [email.value, name.value, RowMapping.sortKey(name.value), role.rawValue, login, status.rawValue, now().seconds])
        return Member(id: db.lastInsertRowID, email: email, name: name.value, role: role, login: login,
                      status: status, version: 1)
    }

    /// True if the file at `path` is a workspace made by `demo` (safe to replace).
    public static func isDemoWorkspace(path: String) -> Bool {
        guard let connection = try? SQLiteConnection(path: path, mode: .readOnly) else { return false }
        let flag = try? connection.scalarInt("SELECT is_demo FROM workspace WHERE id = 1")
        return flag == 1
    }
}
