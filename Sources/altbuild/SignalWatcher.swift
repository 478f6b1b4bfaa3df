import BuildEngine
import Dispatch
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a graceful stop, the way make and ninja
/// users expect: the first stops scheduling and gives running decks `grace`
/// seconds to finish before they are terminated; a second SIGINT terminates
/// them at once. The handlers live only for the build (SwiftPM's Cancellator
/// works the same way), or for a whole `watch` session, which says with
/// `building` whether decks are running and hears of the first signal
/// through `stopped` (to stop waiting for changes).
final class SignalWatcher {
    private var sources: [any DispatchSourceSignal] = []
    private var count = 0

    init(interrupt: BuildInterrupt, grace: Double, logger: Logger,
         building: @escaping @Sendable () -> Bool = { true }, stopped: @escaping @Sendable () -> Void = {}) {
        let queue = DispatchQueue(label: "altbuild.signals")
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.count += 1
                let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
                if self.count == 1 {
                    interrupt.requestStop(signal: signalNumber)
                    stopped()
                    guard building() else { return }
                    logger.warning("\(name) received: no new decks will start; running decks get \(formatDuration(grace)) to finish (Ctrl+C again to stop them now)")
                    queue.asyncAfter(deadline: .now() + grace) {
                        interrupt.work.cancel(.interrupt)
                    }
                } else {
                    logger.warning("\(name) received again: stopping running decks now")
                    interrupt.work.cancel(.interrupt, urgent: true)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default handlers.
    func stop() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
