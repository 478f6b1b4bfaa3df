import Foundation
import Testing
import AltbuildSupport

/// Runs one test of this test binary again in a child process of its own.
///
/// For tests that parse large parts, or measure this process's memory: a
/// child started with posix_spawn (Foundation's `Process`, `SpawnedBinary`)
/// reports its parent's peak resident memory at the time of the spawn as its
/// own `ru_maxrss`, since the peak survives exec, so a large parse here would
/// show up in the peak of every `altbuild` that tests spawn afterwards, which
/// some of them check. In a child the work also has the process to itself, so
/// its peak is its own.
///
/// The test calls `IsolatedTest.run(name)` first and goes on only where it
/// returns true: in the child.
enum IsolatedTest {
    static let variable = "ALTBUILD_ISOLATED_TEST"

    /// True in the child running `name` ("Suite/test", no parentheses). In
    /// this process, runs the test in a child and records an issue, with the
    /// child's output, if it fails; then false.
    static func run(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        if ProcessInfo.processInfo.environment[variable] == name { return true }
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let child = try BinaryRunner.run(["--testing-library", "swift-testing", "--filter", name], in: "/",
                                         environment: [variable: name], executable: me)
        // Swift Testing reports on stderr; what the test prints goes to stdout.
        let ran = child.stderr.contains("Test run with 1 test")
        if child.status != 0 || !ran {
            let what = ran ? "" : " without running it"
            let output = String(child.stdout.suffix(6000)) + String(child.stderr.suffix(2000))
            Issue.record("\(name) in a child process exited \(child.status)\(what):\n\(output)", sourceLocation: sourceLocation)
        }
        // What the test printed (its figures), for the log.
        if !child.stdout.isEmpty { print(child.stdout, terminator: "") }
        return false
    }
}
