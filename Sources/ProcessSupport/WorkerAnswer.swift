/// What one request to a pool worker came to.
public enum WorkerAnswer: Sendable {
    /// A whole reply frame, with the tail of what the worker wrote on stderr
    /// while it handled this request (and nothing from earlier requests).
    case reply([UInt8], stderrTail: [UInt8])
    /// The reply announced more than the pool's bound; the worker was killed
    /// before any of it was kept.
    case oversized(stderrTail: [UInt8])
    /// The worker ended before it replied: it crashed or exited, or it was
    /// killed because the request was cancelled or timed out. Its stdout is
    /// what it had sent of a reply.
    case ended(ChildResult)
}
