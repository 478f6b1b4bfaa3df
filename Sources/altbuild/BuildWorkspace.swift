import AltbuildCore
import AltbuildSupport
import BuildEngine
import Logging
import ProcessSupport
#if canImport(Glibc)
import Glibc
#endif

/// What a build that writes holds while it runs: the project's lock, so no
/// other build writes the same outputs and state at once, and its own temp
/// folder, after what builds that died left there is removed. The lock is
/// released when the workspace goes.
struct BuildWorkspace {
    let lock: BuildLock
    let scratch: BuildScratch

    /// Waits up to `lockTimeout` seconds for the lock, then prepares the temp
    /// folder. A failure is logged as the build's end and thrown as its exit
    /// status: 3 when another build holds the lock, 2 when altbuild cannot work.
    /// Ctrl+C while waiting stops the wait: the pass then starts no deck.
    init(stateDirectory: String, buildID: String, lockTimeout: Double, logger: Logger, interrupt: BuildInterrupt) throws {
        lock = try Self.lock(stateDirectory + "/lock", timeout: lockTimeout, logger: logger, interrupt: interrupt)
        scratch = BuildScratch(stateDirectory: stateDirectory, buildID: buildID)
        let leftovers: Int
        do {
            leftovers = try scratch.prepare()
        } catch {
            logger.error("\(error)", metadata: ["event": "end"])
            throw ExitStatus.environment
        }
        if leftovers > 0 { logger.info("removed temp files of \(leftovers) earlier build(s) that did not finish") }
    }

    private static func lock(_ path: String, timeout: Double, logger: Logger, interrupt: BuildInterrupt) throws -> BuildLock {
        do {
            return try BuildLock(path: path, timeout: timeout, abandon: { interrupt.stopRequested }) { holder in
                logger.warning("waiting for another build of this project\(holder.map { " (pid \($0))" } ?? "") to finish...")
            }
        } catch let error as AltbuildError where error.code == .interrupted {
            logger.info("interrupted while waiting for the lock", metadata: ["event": "end", "code": "\(error.code.rawValue)"])
            throw interrupt.signal == SIGTERM ? ExitStatus.interruptedBySIGTERM : ExitStatus.interruptedBySIGINT
        } catch let error as AltbuildError {
            logger.error("\(error)", metadata: ["event": "end", "code": "\(error.code.rawValue)"])
            throw error.code == .lockTimeout ? ExitStatus.locked : ExitStatus.environment
        }
    }
}
