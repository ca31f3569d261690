import TeamCore

/// The workspace file was replaced under the screen (restored from a backup,
/// another file moved over it) and the runtime opened the one now at the
/// path: everything shown came from the old file, so all of it is read
/// again, and nothing chosen in the old file (marks, an open window) is kept.
enum FileSwap {
    static func reopened(_ why: String, _ state: inout AppState) -> [Effect] {
        state.reopening = nil
        state.lostAccess = nil
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

    /// Other interfaces still hold the old file (and so the path's write-ahead
    /// log): show nothing of either file and try again on every tick.
    static func waiting(_ why: String, _ detail: String, _ state: inout AppState) -> [Effect] {
        let first = state.reopening == nil
        state.reopening = why
        if first || state.lostAccess == nil {
            AccessWatch.lose("The workspace file was replaced: \(why). Waiting to open the new one: \(detail).",
                             status: "waiting for the old workspace file to be let go; q quits", &state)
        }
        return []
    }
}
