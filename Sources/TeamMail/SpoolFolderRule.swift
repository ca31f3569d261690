#if canImport(Glibc)
import Glibc
#endif

/// Who may own the spool folder, and how open it may be. Anyone who can
/// write it can rename a queued message away and put their own in its place.
public enum SpoolFolderRule {
    /// Why the folder must not be used, or nil. `sharedGroup` is the group of
    /// a group-shared (set-group-ID) workspace folder: there the spool is
    /// 2770 and every operator of that group writes it, whoever made it;
    /// elsewhere it is private to its owner (or root's).
    public static func problem(isFolder: Bool, owner: uid_t, group: gid_t, mode: mode_t, runningAs: uid_t,
                               sharedGroup: gid_t?) -> String? {
        guard isFolder else { return "is not a real folder (a symbolic link or a file)" }
        if mode & S_IWOTH != 0 { return "is writable by everyone (fix: chmod o-w)" }
        if let sharedGroup {
            if group != sharedGroup || mode & S_ISGID == 0 {
                return "is not the group-shared folder it should be (fix: chgrp it to the workspace folder's group and chmod 2770)"
            }
            return nil
        }
        if runningAs != 0 && owner != runningAs && owner != 0 {
            return "belongs to uid \(owner), not to you (uid \(runningAs)): someone else made it (remove it; clerk-team makes its own)"
        }
        if mode & S_IWGRP != 0 { return "is writable by its group although the workspace is not group-shared (fix: chmod g-w)" }
        return nil
    }
}
