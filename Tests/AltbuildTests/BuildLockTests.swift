import Testing
import Foundation
import Synchronization
@testable import ProcessSupport
import AltbuildSupport

/// The build lock removes its file on release; builds that were waiting on
/// the removed file must still never hold the lock two at a time.
@Suite struct BuildLockTests {
    @Test func oneHolderAtATimeWhileTheFileComesAndGoes() throws {
        let path = Fixtures.temporaryDirectory() + "/.altbuild/lock"
        let holders = Atomic<Int>(0), most = Atomic<Int>(0), taken = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<40 {
                guard let lock = try? BuildLock(path: path, timeout: 60, waiting: { _ in }) else { continue }
                let now = holders.add(1, ordering: .sequentiallyConsistent).newValue
                _ = most.max(now, ordering: .sequentiallyConsistent)
                usleep(500)
                holders.subtract(1, ordering: .sequentiallyConsistent)
                taken.add(1, ordering: .sequentiallyConsistent)
                withExtendedLifetime(lock) {}
            }
        }
        #expect(taken.load(ordering: .sequentiallyConsistent) == 160)
        #expect(most.load(ordering: .sequentiallyConsistent) == 1)
        #expect(!FileManager.default.fileExists(atPath: path), "the last holder removed the file")
    }

    @Test func abandoningTheWaitIsAnInterruption() throws {
        let path = Fixtures.temporaryDirectory() + "/lock"
        let held = try BuildLock(path: path, timeout: 1, waiting: { _ in })
        var error: (any Error)?
        do {
            _ = try BuildLock(path: path, timeout: 30, abandon: { true }, waiting: { _ in })
        } catch let caught {
            error = caught
        }
        #expect((error as? AltbuildError)?.code == .interrupted)
        withExtendedLifetime(held) {}
    }
}
