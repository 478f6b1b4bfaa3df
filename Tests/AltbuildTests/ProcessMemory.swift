import Foundation
import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// This process's resident memory, from /proc/self/status: what a step
/// costs is the peak after it less what the process held before, once the
/// peak was reset. Meaningful where the step has the process to itself
/// (`IsolatedTest`).
enum ProcessMemory {
    /// A field in KiB: VmRSS (now) or VmHWM (the peak since the last `resetPeak`).
    static func kib(_ field: String) throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
              let kib = Int(line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") else {
            throw AltbuildError(.internalError, "no \(field) in /proc/self/status")
        }
        return kib
    }

    /// Sets the peak back to what the process holds now (Linux 4.0 and later).
    static func resetPeak() throws {
        let fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AltbuildError(.io, "cannot open: \(FileIO.errnoText())", path: "/proc/self/clear_refs") }
        defer { close(fd) }
        try FileIO.writeAll(fd, Array("5".utf8), path: "/proc/self/clear_refs")
    }
}
