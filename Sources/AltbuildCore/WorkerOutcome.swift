import AltbuildSupport
import ProcessSupport

/// How a worker's handling of one step ended, whichever way it ran (a
/// process of its own, or one request to a pool worker), and what that
/// means for the deck: its answer, or the error the deck fails with. One
/// reading for both ways, so a crash, a hang or an exhausted memory
/// allowance fails a deck with the same code and message either way.
enum WorkerOutcome {
    /// The worker answered with the status a one-shot worker exits with:
    /// 0 and its answer, or `WorkerMessages.errorExitStatus` and an error report.
    case answered(status: Int32, answer: [UInt8], stderr: String)
    /// The answer is over its bound.
    case oversized(stderr: String)
    /// The worker ended without answering, or was stopped.
    case ended(ChildResult)

    /// A one-shot worker's run: its exit status is its answer's status.
    init(oneShot result: ChildResult) {
        switch result.termination {
        case .exited(let status) where !result.cancelled && (status == 0 || status == WorkerMessages.errorExitStatus):
            self = status == 0 && result.stdoutTruncated
                ? .oversized(stderr: result.stderrText)
                : .answered(status: status, answer: result.stdout, stderr: result.stderrText)
        default:
            self = .ended(result)
        }
    }

    /// A pool worker's answer to one request.
    init(pooled answer: WorkerAnswer) {
        switch answer {
        case .reply(let payload, let stderrTail):
            let (status, json) = WorkerMessages.splitReply(payload) ?? (-1, [])
            self = .answered(status: status, answer: json, stderr: tailText(stderrTail))
        case .oversized(let stderrTail):
            self = .oversized(stderr: tailText(stderrTail))
        case .ended(let result):
            self = .ended(result)
        }
    }

    /// The answer, or the error the deck fails with.
    func answer(path: String, memoryLimit: Int, cancel: CancelFlag) throws -> [UInt8] {
        switch self {
        case .answered(0, let answer, _):
            return answer
        case .answered(let status, let answer, let stderr):
            throw Self.failure(status: status, answer: answer, stderr: stderr, path: path, memoryLimit: memoryLimit)
        case .oversized(let stderr):
            throw AltbuildError(.workerFailed, "the worker's answer is over the size bound", path: path,
                                details: ["worker": Termination.exited(0).description, "stdout_tail": "", "stderr_tail": stderr])
        case .ended(let result):
            throw Self.failure(result, path: path, memoryLimit: memoryLimit, cancel: cancel)
        }
    }

    /// An answer other than success: the worker's error report, read.
    private static func failure(status: Int32, answer: [UInt8], stderr: String, path: String, memoryLimit: Int) -> AltbuildError {
        var details = details(Termination.exited(status), stdout: answer, stderr: stderr)
        guard status == WorkerMessages.errorExitStatus, var error = WorkerMessages.decodeError(answer) else {
            details["note"] = "unreadable error report"
            return AltbuildError(.workerFailed, "the worker failed (\(Termination.exited(status)))", path: path, details: details)
        }
        error.path = path
        // libxml2 reports a failed allocation as a later syntax error; its stderr says what really happened.
        if memoryLimit > 0 && error.code != .resourceLimit && ranOutOfMemory(stderr) {
            details["underlying"] = "\(error.code): \(error.message)"
            return AltbuildError(.resourceLimit, "the deck needs more memory than the worker's allowance of \(memoryLimit >> 20) MiB (--worker-memory)", path: path, details: details)
        }
        return error
    }

    /// A worker that ended without answering: cancelled, killed by a signal, or exited.
    private static func failure(_ result: ChildResult, path: String, memoryLimit: Int, cancel: CancelFlag) -> AltbuildError {
        var details = details(result.termination, stdout: result.stdout, stderr: result.stderrText)
        if result.cancelled { return cancel.error(path: path, details: details) }
        switch result.termination {
        case .signalled(let signal):
            details["signal"] = String(signal)
            if memoryLimit > 0 && ranOutOfMemory(result.stderrText) {
                return AltbuildError(.resourceLimit, "the worker ran out of its memory allowance of \(memoryLimit >> 20) MiB (--worker-memory) and was \(result.termination); the deck asks for more memory than a deck should", path: path, details: details)
            }
            return AltbuildError(.workerCrashed, "the worker parsing this deck was \(result.termination); the deck may be malformed or hostile", path: path, details: details)
        case .exited:
            return AltbuildError(.workerFailed, "the worker ended with \(result.termination): \(result.stderrText.split(separator: "\n").last.map(String.init) ?? "")", path: path, details: details)
        }
    }

    /// What the build log keeps of a worker that failed: how it ended and the tails of its output.
    private static func details(_ termination: Termination, stdout: [UInt8], stderr: String) -> [String: String] {
        ["worker": termination.description, "stdout_tail": String(tailText(stdout).suffix(1024)), "stderr_tail": stderr]
    }

    /// Whether a worker failed because an allocation failed under its
    /// address-space limit: the Swift runtime, glibc and libxml2 say so on
    /// stderr, whatever error or signal follows.
    static func ranOutOfMemory(_ stderr: String) -> Bool {
        ["failed to allocate", "Could not allocate memory", "Memory allocation failed", "out of memory", "Cannot allocate memory", "std::bad_alloc"].contains { stderr.contains($0) }
    }
}
