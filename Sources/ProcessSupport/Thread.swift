#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` on a new detached thread: for blocking work (waiting on a
/// child) that must not occupy a thread of Swift's cooperative pool.
public func detachThread(_ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(&thread, nil, { context in
        guard let context else { return nil }
        let body = Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue()
        body.run()
        return nil
    }, box)
    if result == 0 {
        pthread_detach(thread)
    } else {
        Unmanaged<ThreadBody>.fromOpaque(box).takeRetainedValue().run()
    }
}

/// The body on its way to the new thread, as a reference `pthread_create` can carry.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
