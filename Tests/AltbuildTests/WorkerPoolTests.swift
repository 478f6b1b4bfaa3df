import Testing
import Foundation
import AltbuildSupport
import DeckModel
@testable import OOXML
@testable import ProcessSupport
@testable import AltbuildCore

/// The build's worker pool driven in process with real `altbuild-worker
/// serve` processes: how many start, what a crash, a hang, a memory limit
/// and a shutdown cost, and that pool and one-shot workers fail a deck alike.
@Suite struct WorkerPoolTests {
    let root = Fixtures.temporaryDirectory()
    /// This test's workers run under a name of their own (a link to
    /// `altbuild-worker`), so /proc tells them from other tests' workers.
    let name = "wk" + String(UInt32.random(in: 0...UInt32.max), radix: 16)

    init() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + name, withDestinationPath: WorkerLimitsTests.worker)
    }

    var worker: String { root + "/" + name }

    /// Live or zombie worker processes of this test.
    var workers: [ProcessTable.Entry] { ProcessTable.processes(named: name, parent: getpid()) }

    func pool(jobs: Int, fault: String? = nil, memoryLimit: Int = WorkerDeckProcessor.defaultMemoryLimit) -> WorkerPool {
        var environment = ChildProcess.currentEnvironment()
        environment["ALTBUILD_WORKER_FAULT"] = fault
        return WorkerDeckProcessor.pool(executable: worker, jobs: jobs, memoryLimit: memoryLimit, environment: environment)
    }

    func processor(_ pool: WorkerPool?, limits: ReadLimits = .default, memoryLimit: Int = WorkerDeckProcessor.defaultMemoryLimit) -> WorkerDeckProcessor {
        WorkerDeckProcessor(executable: worker, temporaryDirectory: root, extractMedia: false, memoryLimit: memoryLimit,
                            limits: limits, pool: pool)
    }

    /// Writes a deck named `name` and returns its path and digest.
    func deck(_ name: String, _ bytes: [UInt8]? = nil) throws -> (path: String, digest: SHA256Digest) {
        let bytes = bytes ?? IncrementalTests.deck(variant: name.hashValue & 0xFFFF, caption: "Caption of \(name)")
        let path = root + "/" + name + ".pptx"
        try FileManager.default.write(bytes, to: path)
        return (path, SHA256.hash(bytes))
    }

    func scan(_ processor: WorkerDeckProcessor, _ deck: (path: String, digest: SHA256Digest)) async throws -> ScannedDeck {
        try await processor.scan(deck.path, digest: deck.digest, cancel: CancelFlag())
    }

    /// Scans a deck, gives its picture ALT text, and reads the text back from the new deck.
    func describe(_ processor: WorkerDeckProcessor, _ deck: (path: String, digest: SHA256Digest)) async throws -> String? {
        let picture = try #require(try await scan(processor, deck).inventory.slots.first { $0.kind == .picture })
        let edits = DeckEdits(slots: [AltTextEdit(part: picture.part, ordinal: picture.ordinal, descr: "Seen in \(deck.path)")])
        let written = try await processor.inject(deck.path, digest: deck.digest, edits: edits, hashed: nil, cancel: CancelFlag())
        defer { unlink(written.path) }
        let output = try FileIO.read(written.path)
        #expect(SHA256.hash(output) == written.digest)
        return try Deck(bytes: output, path: deck.path).inventory().slots.first { $0.kind == .picture }?.descr
    }

    @Test func tenDecksAtOnceShareTwoWorkers() async throws {
        let pool = pool(jobs: 2)
        let processor = processor(pool)
        let decks = try (0..<10).map { try deck("d\($0)") }
        let texts = try await withThrowingTaskGroup(of: (String, String?).self) { group in
            for deck in decks { group.addTask { (deck.path, try await describe(processor, deck)) } }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(texts.count == 10 && texts.allSatisfy { $0.value == "Seen in \($0.key)" }, "\(texts)")
        #expect(pool.started == 2, "20 requests, at most 2 processes: \(pool.started) started")
        #expect(workers.count == 2, "both idle, waiting for the next deck: \(workers)")
        await pool.shutdown()
        #expect(workers.isEmpty, "every worker exited and was reaped: \(workers)")
    }

    @Test func aCrashFailsOnlyItsDeckAndAFreshWorkerTakesTheNext() async throws {
        let pool = pool(jobs: 1, fault: "crash:crashme")
        let processor = processor(pool)
        #expect(try await describe(processor, try deck("first")) != nil)
        let crash = try deck("crashme")
        let error = await #expect(throws: AltbuildError.self) { try await scan(processor, crash) }
        #expect(error?.code == .workerCrashed)
        #expect(error?.message == "the worker parsing this deck was killed by signal 11 (SIGSEGV); the deck may be malformed or hostile")
        #expect(error?.details["signal"] == "11" && error?.path == crash.path)
        #expect(try await describe(processor, try deck("after")) != nil)
        // The crash in a used worker was asked again of a fresh one before it counted: three processes.
        #expect(pool.started == 3)
        await pool.shutdown()
        #expect(workers.isEmpty, "\(workers)")
    }

    /// Without the kill at the deadline the hang never ends: the time limit fails the test.
    @Test(.timeLimit(.minutes(1))) func aHangIsKilledAtItsDeadlineAndThePoolGoesOn() async throws {
        let pool = pool(jobs: 1, fault: "hang:hangme")
        let processor = processor(pool)
        #expect(try await describe(processor, try deck("first")) != nil)
        let hung = try #require(workers.first?.pid)
        let cancel = CancelFlag()
        // A thread of its own sets the deadline: the test's cooperative threads may be busy with other suites.
        Thread.detachNewThread {
            usleep(1_000_000)
            cancel.cancel(.timeout, timeLimit: 1)
        }
        let hang = try deck("hangme")
        let error = await #expect(throws: AltbuildError.self) {
            try await processor.scan(hang.path, digest: hang.digest, cancel: cancel)
        }
        #expect(error?.code == .timedOut)
        #expect(!ProcessTable.exists(hung), "the hung worker was killed and reaped")
        #expect(try await describe(processor, try deck("after")) != nil)
        #expect(pool.started == 2, "a timeout is the deck's: it is not retried")
        await pool.shutdown()
    }

    @Test func shutdownKillsABusyWorkerAndReapsEveryOne() async throws {
        let pool = pool(jobs: 2, fault: "hang:hangme")
        let processor = processor(pool)
        let hang = try deck("hangme")
        let hanging = Task { try await scan(processor, hang) }
        #expect(try await describe(processor, try deck("other")) != nil)
        #expect(eventually(timeout: 10) { workers.count == 2 })
        let pids = workers.map(\.pid)
        await pool.shutdown()
        let result = await hanging.result
        #expect(throws: AltbuildError.self) { try result.get() }
        #expect(pids.allSatisfy { !ProcessTable.exists($0) }, "\(pids) \(workers)")
        let late = await #expect(throws: AltbuildError.self) { try await scan(processor, try deck("late")) }
        #expect(late?.code == .interrupted, "no worker starts once the pool is shut down")
    }

    /// A worker lives for the whole build, so a descriptor it inherited by
    /// accident (another thread's pipe, opened without O_CLOEXEC) would stay
    /// open that long, and whoever waits for that pipe's end would wait too.
    @Test func aWorkerInheritsNoDescriptorButItsPipes() async throws {
        let marker = root + "/marker"
        try FileManager.default.write(Array("open elsewhere".utf8), to: marker)
        let stray = open(marker, O_RDONLY)
        defer { close(stray) }
        let pool = pool(jobs: 1)
        _ = try await scan(processor(pool), try deck("first"))
        let pid = try #require(workers.first?.pid)
        let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")
        }
        #expect(!open.isEmpty && !open.contains(marker), "\(open)")
        await pool.shutdown()
    }

    @Test func aHealthyWorkerIsReplacedAfterItsQuota() async throws {
        let pool = WorkerPool(launch: WorkerLaunch(executable: worker, arguments: ["serve"]), capacity: 1,
                              recycling: WorkerRecycling(maxRequests: 3))
        let processor = processor(pool)
        for index in 0..<7 { _ = try await scan(processor, try deck("d\(index)")) }
        #expect(pool.started == 3, "3 + 3 + 1 requests")
        await pool.shutdown()
        #expect(workers.isEmpty)
    }

    @Test func aLongLivedWorkerDoesNotGrow() async throws {
        let pool = pool(jobs: 1)
        let processor = processor(pool)
        _ = try await describe(processor, try deck("warm-up"))
        let pid = try #require(workers.first?.pid)
        let before = try Self.addressSpace(pid)
        for index in 0..<40 { _ = try await describe(processor, try deck("d\(index)")) }
        #expect(pool.started == 1, "82 requests, under the quota of 100: one process")
        let growth = try Self.addressSpace(pid) - before
        #expect(growth < 16 << 20, "address space grew by \(growth >> 20) MiB over 40 decks")
        await pool.shutdown()
    }

    @Test func poolAndOneShotWorkersFailADeckAlike() async throws {
        let pool = pool(jobs: 1)
        let good = IncrementalTests.deck(variant: 7)
        var fewEntries = ReadLimits()
        fewEntries.maxEntries = 5
        let cases: [(name: String, bytes: [UInt8], limits: ReadLimits, digest: SHA256Digest?)] = [
            ("not-a-zip", Array("just text".utf8), .default, nil),
            ("truncated", Array(good.prefix(good.count / 2)), .default, nil),
            ("many-entries", good, fewEntries, nil),
            ("changed", good, .default, SHA256.hash(Array("other bytes".utf8))),
        ]
        for item in cases {
            var written = try deck(item.name, item.bytes)
            written.digest = item.digest ?? written.digest
            let oneShot = await #expect(throws: AltbuildError.self) { try await scan(processor(nil, limits: item.limits), written) }
            let pooled = await #expect(throws: AltbuildError.self) { try await scan(processor(pool, limits: item.limits), written) }
            #expect(oneShot?.code == pooled?.code && oneShot?.message == pooled?.message, "\(item.name): \(String(describing: oneShot)) / \(String(describing: pooled))")
            #expect(pooled?.path == written.path)
        }
        await pool.shutdown()
    }

    @Test func aDeckOverTheMemoryLimitFailsAloneAndTheNextIsBuilt() async throws {
        let pool = pool(jobs: 1, memoryLimit: 128 << 20)
        let processor = processor(pool, memoryLimit: 128 << 20)
        #expect(try await describe(processor, try deck("first")) != nil)
        // About 57 MB of slide XML (under the 64 MiB part limit): the part alone is half of
        // 128 MiB and its parse tree several times the rest. 15 and 27 MB were borderline
        // once decks stopped being read whole: they failed alone and fitted in a full run.
        let heavy = try heavyDeck(boxes: 300_000)
        let error = await #expect(throws: AltbuildError.self) { try await scan(processor, heavy) }
        #expect(error?.code == .resourceLimit, "\(String(describing: error))")
        #expect(try await describe(processor, try deck("after")) != nil)
        #expect(pool.started == 3, "the heavy deck failed in a used worker, then in a fresh one; the next deck got its own")
        await pool.shutdown()
    }

    @Test func aWorkerThatGrewOnABigDeckIsReplaced() async throws {
        let pool = pool(jobs: 1)
        let processor = processor(pool)
        #expect(try await scan(processor, try heavyDeck()).inventory.slides.count == 1)
        // The allocator keeps what the big parse grew (over 100 MiB), past the bound of 64 MiB.
        #expect(try await describe(processor, try deck("after")) != nil)
        #expect(pool.started == 2, "the worker that grew was replaced after its one deck")
        await pool.shutdown()
    }

    /// A deck whose one slide holds `boxes` text boxes, 400 bytes of XML
    /// each (40,000: a parse tree of over 100 MiB), made by Python from a
    /// small deck so that this test process never holds it: a process's peak
    /// RSS includes that of the process that spawned it (the kernel keeps
    /// the high-water mark across exec), and other tests measure the peak of
    /// the `altbuild` they spawn.
    func heavyDeck(boxes: Int = 40_000) throws -> (path: String, digest: SHA256Digest) {
        let small = try deck("small")
        let path = root + "/heavy.pptx"
        let script = """
            import sys, zipfile
            box = '<p:sp><p:nvSpPr><p:cNvPr id="{0}" name="Box {0}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr/>' \\
                  '<p:txBody><a:bodyPr/><a:p><a:r><a:t>Line {1} of many</a:t></a:r></a:p></p:txBody></p:sp>'
            shapes = ''.join(box.format(10 + i, i * 7919 % 100003) for i in range(int(sys.argv[3]))).encode()
            with zipfile.ZipFile(sys.argv[1]) as small, zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as heavy:
                for item in small.infolist():
                    data = small.read(item.filename)
                    if item.filename == 'ppt/slides/slide1.xml':
                        data = data.replace(b'</p:spTree>', shapes + b'</p:spTree>', 1)
                    heavy.writestr(item.filename, data)
            """
        let made = try BinaryRunner.run(["-c", script, small.path, path, String(boxes)], in: root, executable: "/usr/bin/python3")
        try #require(made.status == 0, "\(made.stderr)")
        return (path, SHA256.hash(try FileIO.read(path)))
    }

    static func addressSpace(_ pid: pid_t) throws -> Int {
        let text = try String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8)
        return (Int(text.split(separator: " ")[0]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
