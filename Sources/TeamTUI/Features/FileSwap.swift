import TeamCore

/// The workspace file was replaced under the screen (restored from a backup,
/// another file moved over it) and the runtime opened the one now at the
/// path: everything shown came from the old file, so all of it is read
/// again, and nothing chosen in the old file (marks, an open window) is kept.
enum FileSwap {
    static func reopened(_ why: String, _ state: inout AppState) -> [Effect] {
        state.modal = nil
        state.members.marked = []
        // data_version and the feed's mark belong to the old file's connection.
        state.dataVersion = nil
        state.changeMark = nil
        state.status = StatusMessage("Reopened: \(why)", .error)
        // Every row on the screen came from the other file: paint it all again.
        state.redrawRequests += 1
        return [.checkForChanges, .reloadAll] + App.reloadThreads(state)
    }
}
