import ArgumentParser

/// Every exit status altbuild uses, in one place (the README's table mirrors it).
enum ExitStatus {
    /// Everything asked for was done.
    static let success = ExitCode(0)
    /// One or more decks failed (the rest were built), `status` found work,
    /// `check` found slots a person must look at, or `inspect` could not read its deck.
    static let failures = ExitCode(1)
    /// altbuild could not start the work: bad command-line usage, a bad
    /// setting in `altbuild.toml` or a flag, or an environment it cannot work
    /// in (an unwritable state folder and the like).
    static let usage = ExitCode(2)
    static let environment = ExitCode(2)
    /// Another build of the project held the lock for longer than --lock-timeout.
    static let locked = ExitCode(3)
    /// Stopped by SIGINT (128 + 2) or SIGTERM (128 + 15), after recording what finished.
    static let interruptedBySIGINT = ExitCode(130)
    static let interruptedBySIGTERM = ExitCode(143)
}
