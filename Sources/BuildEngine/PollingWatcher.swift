import AltbuildSupport
import Synchronization

/// Sees changes by listing the inputs (as a build discovers them) and
/// comparing what `stat` says of each with the listing before: every
/// `interval` seconds while idle, and as often as a wait's timeout asks
/// while changes settle. Works on any system and filesystem (network
/// folders, containers' bind mounts where inotify hears nothing); costs a
/// walk and a `stat` per input each time, as a no-op build does.
public final class PollingWatcher: ChangeWatcher {
    private let scope: WatchScope
    private let interval: Double
    private let wakePipe: WakePipe
    /// The listing the next change is measured against.
    private let last: Mutex<[String: FileStatus]>

    /// Lists the inputs now: changes from this moment on are seen.
    public init(scope: WatchScope, interval: Double) throws {
        self.scope = scope
        self.interval = max(interval, 0.01)
        wakePipe = try WakePipe()
        last = Mutex(scope.listing())
    }

    public var summary: String {
        "polling every \(formatDuration(interval))"
    }

    public func wake() {
        wakePipe.wake()
    }

    public func wait(timeout: Double?) -> ChangeWait {
        wakePipe.waitForChange(timeout: timeout, look: listingChanged) { remaining in
            wakePipe.wait(for: nil, timeout: min(interval, remaining ?? interval))
        }
    }

    /// Lists the inputs again; true if the listing differs from the last one.
    private func listingChanged() -> Bool {
        let now = scope.listing()
        return last.withLock { last in
            defer { last = now }
            return last != now
        }
    }
}
