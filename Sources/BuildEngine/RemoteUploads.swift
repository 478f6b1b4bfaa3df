/// The remote cache's uploads, in the background of the build: at most
/// `inFlightLimit` running at once and `queueLimit` waiting. A build that
/// makes results faster than they can be sent waits in `add` for room, so
/// memory stays bounded (a queued upload is a few digests; its bytes are
/// read from the local cache when it starts).
actor RemoteUploads {
    typealias Work = @Sendable () async -> Void

    let inFlightLimit: Int
    let queueLimit: Int
    private var queued: [Work] = []
    private var running = 0
    private var closed = false
    private var waitingForRoom: [CheckedContinuation<Void, Never>] = []
    private var waitingForIdle: [CheckedContinuation<Void, Never>] = []

    init(inFlightLimit: Int = 4, queueLimit: Int = 64) {
        self.inFlightLimit = max(1, inFlightLimit)
        self.queueLimit = max(1, queueLimit)
    }

    /// Queues `work`, waiting while the queue is full; dropped once closed.
    func add(_ work: @escaping Work) async {
        while queued.count >= queueLimit && !closed {
            await withCheckedContinuation { waitingForRoom.append($0) }
        }
        guard !closed else { return }
        queued.append(work)
        startWhatFits()
    }

    private func startWhatFits() {
        while running < inFlightLimit, !queued.isEmpty {
            let work = queued.removeFirst()
            running += 1
            if !waitingForRoom.isEmpty { waitingForRoom.removeFirst().resume() }
            Task {
                await work()
                self.finished()
            }
        }
    }

    private func finished() {
        running -= 1
        startWhatFits()
        if running == 0 && queued.isEmpty {
            waitingForIdle.forEach { $0.resume() }
            waitingForIdle = []
        }
    }

    /// Returns once nothing is queued or running.
    func idle() async {
        guard running > 0 || !queued.isEmpty else { return }
        await withCheckedContinuation { waitingForIdle.append($0) }
    }

    /// Takes nothing more and drops what has not started; returns how many
    /// were dropped and how many are still running (their requests are
    /// cancelled by the caller).
    func close() -> (dropped: Int, running: Int) {
        closed = true
        let dropped = queued.count
        queued = []
        waitingForRoom.forEach { $0.resume() }
        waitingForRoom = []
        if running == 0 {
            waitingForIdle.forEach { $0.resume() }
            waitingForIdle = []
        }
        return (dropped, running)
    }
}
