import AltbuildSupport
import FlyingSocks

/// FlyingFox's own messages, on stderr: stdout carries exactly one line,
/// the page's address, for the scripts and tests that read it.
struct StderrLogger: Logging {
    func logDebug(_ debug: @autoclosure () -> String) {}
    func logInfo(_ info: @autoclosure () -> String) {}
    func logWarning(_ warning: @autoclosure () -> String) { write("warning: " + warning()) }
    func logError(_ error: @autoclosure () -> String) { write("error: " + error()) }
    func logCritical(_ critical: @autoclosure () -> String) { write("error: " + critical()) }

    private func write(_ line: String) {
        FileIO.writeAll(2, "altbuild-review: " + line + "\n")
    }
}
