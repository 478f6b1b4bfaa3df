import CFuzzerHooks
#if canImport(Glibc)
import Glibc
#endif

/// The program's entry point. SwiftPM links every executable with its
/// `main` renamed after the module, which leaves no room for libFuzzer's own
/// `main`; this one runs libFuzzer's driver with the command line as given.
@main
enum DeckFuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTestOneInput))
    }
}

/// libFuzzer calls this once per input. Every outcome the reader is allowed to
/// have returns normally; anything else traps inside `DeckRoundTrip.run`, and
/// libFuzzer records the input under `fuzz/crashes/`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    DeckRoundTrip.run(bytes)
    return 0
}

/// libFuzzer's hook for a custom mutator. Decks are zip archives whose parts
/// are compressed and CRC-checked, so byte flips in an entry almost never
/// reach the XML parser; `EntryMutator` mutates the parts themselves half the
/// time and leaves the other half to libFuzzer's own mutators.
@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzCustomMutator(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    guard let data else { return 0 }
    return EntryMutator.mutate(data, size: size, maxSize: maxSize, seed: UInt32(seed))
}
