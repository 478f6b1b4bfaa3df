import AltbuildSupport
#if canImport(Glibc)
import Glibc
#endif

/// The worker's memory allowance: `RLIMIT_AS` on its own address space, set
/// before it reads a byte of the deck. A decoder or parser that runs away
/// then fails to allocate in this process (the deck fails with
/// `E_RESOURCE_LIMIT`) instead of taking the machine's memory from the build.
public enum AddressSpaceLimit {
    public static func apply(bytes: Int) throws {
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        #if os(Linux)
        let result = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
        let result = setrlimit(RLIMIT_AS, &limit)
        #endif
        if result != 0 {
            throw AltbuildError(.internalError, "cannot limit the worker's memory to \(bytes) bytes: \(FileIO.errnoText())")
        }
    }
}
