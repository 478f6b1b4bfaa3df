import AltbuildCore
import BuildEngine

extension Project {
    /// The project's build state for a command that only reads it. An
    /// unusable log (damaged, or from a newer altbuild) reads as empty: the
    /// command says so rather than quietly reporting everything as new.
    func readState() -> StateLog {
        let state = StateLog(path: statePath)
        if let recovery = state.recovery { Console.error("warning: \(recovery)") }
        return state
    }
}
