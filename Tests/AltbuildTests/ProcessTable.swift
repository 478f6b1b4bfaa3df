import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The processes /proc lists, for tests that must see real worker processes
/// come and go: by name and parent, zombies included (a zombie keeps its
/// name and parent until it is reaped).
enum ProcessTable {
    struct Entry: Hashable {
        let pid: pid_t
        let parent: pid_t
        let state: Character
    }

    /// Processes whose name (the kernel's `comm`: the executable's file
    /// name, cut at 15 bytes) is `name`, children of `parent` when given.
    static func processes(named name: String, parent: pid_t? = nil) -> [Entry] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.compactMap { entry($0, named: name) }.filter { parent == nil || $0.parent == parent }
    }

    /// Whether `pid` is still a process, a zombie included.
    static func exists(_ pid: pid_t) -> Bool {
        FileManager.default.fileExists(atPath: "/proc/\(pid)/stat")
    }

    /// `/proc/PID/stat` is `pid (comm) state ppid ...`; the name may hold spaces and parentheses.
    private static func entry(_ pid: pid_t, named name: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"),
              text[text.index(after: open)..<close] == name else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
        return Entry(pid: pid, parent: parent, state: state)
    }
}

/// Collects, on a thread of its own, every process named `name` whose
/// parent is `parent` while a test runs a build, so short-lived workers are
/// seen as well as long-lived ones.
final class ProcessWatcher: Sendable {
    private struct State {
        var seen: Set<pid_t> = []
        var mostAtOnce = 0
        var running = true
    }

    private let state = Mutex(State())

    init(named name: String, parent: pid_t) {
        Thread.detachNewThread { [self] in
            while state.withLock({ $0.running }) {
                let now = ProcessTable.processes(named: name, parent: parent).filter { $0.state != "Z" }
                state.withLock { state in
                    state.seen.formUnion(now.map(\.pid))
                    state.mostAtOnce = max(state.mostAtOnce, now.count)
                }
                usleep(5_000)
            }
        }
    }

    /// Stops watching; returns every pid seen and the most seen alive at once.
    func stop() -> (pids: Set<pid_t>, mostAtOnce: Int) {
        state.withLock { state in
            state.running = false
            return (state.seen, state.mostAtOnce)
        }
    }
}
