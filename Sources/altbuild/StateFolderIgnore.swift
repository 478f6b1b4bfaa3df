import AltbuildSupport

/// `.altbuild/.gitignore` holding `*`, written the first time a build uses
/// the folder, as Python's tools do for their cache folders: the state,
/// cache and logs never show in `git status`, with no line to add anywhere.
enum StateFolderIgnore {
    static func ensure(_ stateDirectory: String) {
        let path = stateDirectory + "/.gitignore"
        guard !FileIO.exists(path) else { return }
        do {
            try FileIO.writeAtomically(Array("# Written by altbuild: its state, cache and logs stay out of git.\n*\n".utf8), to: path, durable: false)
        } catch {
            Console.error("warning: cannot write \(path): \(error)")
        }
    }
}
