import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// A child just started: its pid and the parent's ends of its three pipes.
struct SpawnedChild {
    let pid: pid_t
    let stdin: Int32
    let stdout: Int32
    let stderr: Int32
}

/// Starting a child the way a build tool must, for one-shot children
/// (`ChildProcess`) and long-lived ones (`WorkerPool`) alike: in a process
/// group of its own (so a hang is killed with everything it started), with
/// the signal mask cleared and default signal dispositions (Foundation's
/// `Process` on Linux passes the parent's blocked mask on), its stdin,
/// stdout and stderr pipes to the parent and no other descriptor
/// (`closeInherited`).
enum ChildSpawn {
    static func start(executable: String, arguments: [String], environment: [String: String]?) throws -> SpawnedChild {
        ignoreSIGPIPE
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard makePipe(&stdinPipe), makePipe(&stdoutPipe), makePipe(&stderrPipe) else {
            for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
            throw AltbuildError(.internalError, "cannot create pipes: \(FileIO.errnoText())")
        }
        var pid: pid_t = 0
        let spawned = spawn(executable, arguments, environment, stdin: stdinPipe[0], stdout: stdoutPipe[1],
                            stderr: stderrPipe[1], pid: &pid)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw AltbuildError(.internalError, "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return SpawnedChild(pid: pid, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0])
    }

    /// Starts the child with the given pipe ends as its stdin, stdout and
    /// stderr, in a process group of its own, with a clean signal state.
    /// Returns 0, or the error number.
    private static func spawn(_ executable: String, _ arguments: [String], _ environment: [String: String]?,
                              stdin: Int32, stdout: Int32, stderr: Int32, pid: inout pid_t) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        _ = closeInherited?(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        cleanSignalsInNewGroup(&attributes)
        let environment = (environment ?? ChildProcess.currentEnvironment()).map { "\($0.key)=\($0.value)" }
        return withCStringArray([executable] + arguments) { argv in
            withCStringArray(environment) { envp in
                guard let argv, let envp else { return EINVAL }
                return posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            }
        }
    }

    /// No signal blocked, every disposition the default, and a new process group.
    private static func cleanSignalsInNewGroup(_ attributes: inout posix_spawnattr_t) {
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later,
    /// which Swift's Glibc module does not declare): the child gets no
    /// descriptor but its three pipes. Descriptors other threads open without
    /// `O_CLOEXEC` (Foundation's `Process` pipes, sockets) would otherwise
    /// leak into it, and a pool worker lives for the whole build: a pipe it
    /// holds never reaches end of file for whoever waits on it. On an older
    /// glibc children inherit them, as they did before.
    private static let closeInherited: AddCloseFrom? =
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// A child that exits without reading its stdin must not kill altbuild
    /// with SIGPIPE when it is written to; the write fails with EPIPE instead.
    private static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()
}

/// A pipe whose ends are closed on exec (the child gets only its dup2'd copies).
private func makePipe(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    return true
}

/// `strings` as the NULL-terminated array of C strings `exec` takes, valid during `body`.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return (copies + [nil]).withUnsafeBufferPointer { body($0.baseAddress) }
}
