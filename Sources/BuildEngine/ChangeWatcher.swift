/// How a wait for changes ended.
public enum ChangeWait: Sendable, Equatable {
    /// An input changed (or may have: the watcher lost track and looked again).
    case changed
    /// The time given passed without a change.
    case quiet
    /// `wake()` was called: the caller wants to stop (Ctrl+C).
    case woken
}

/// Tells when the inputs under a set of folders change: inotify on Linux
/// (`InotifyWatcher`), else by comparing listings (`PollingWatcher`).
///
/// `wait` blocks, so it is called from a thread of its own, never from
/// Swift's cooperative pool; `wake` may be called from any thread. Changes
/// that happen while nobody waits (during a build) are kept, and the next
/// `wait` returns `.changed` at once.
public protocol ChangeWatcher: AnyObject, Sendable {
    /// Waits up to `timeout` seconds (nil: without end) for a change.
    func wait(timeout: Double?) -> ChangeWait
    /// Ends the current `wait`, or the next one, with `.woken`.
    func wake()
    /// How it watches, for the line `watch` starts with ("inotify on 3 folders").
    var summary: String { get }
}

extension ChangeWatcher {
    /// Waits for a change, then until `quiet` seconds pass without another,
    /// so a burst of writes (an editor's save, a `git checkout`, a copy of
    /// many decks) is one build, not one per write. Returns false when woken.
    public func nextSettledChange(quiet: Double) -> Bool {
        guard wait(timeout: nil) == .changed else { return false }
        while true {
            switch wait(timeout: quiet) {
            case .changed: continue
            case .quiet: return true
            case .woken: return false
            }
        }
    }
}
