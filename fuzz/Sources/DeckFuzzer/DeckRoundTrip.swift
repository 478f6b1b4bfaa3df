import AltbuildSupport
import DeckParsing
import OOXML
#if canImport(Glibc)
import Glibc
#endif

/// What the fuzzer does with one input: what a build does with one deck.
/// Open it, take its inventory, give every slot new ALT text (and mark some
/// decorative), then rewrite it and read the result back through
/// `DeckInjector.inject`, which refuses output that does not read back as written.
enum DeckRoundTrip {
    /// Far below the defaults, so that a legitimate bomb refusal costs the
    /// fuzzer little memory, yet far above what a mutated input ever needs.
    static let limits: ReadLimits = {
        var limits = ReadLimits()
        limits.maxDeckBytes = 16 << 20
        limits.maxEntries = 2_000
        limits.maxEntryBytes = 8 << 20
        limits.maxTotalBytes = 32 << 20
        limits.maxXMLBytes = 8 << 20
        return limits
    }()

    /// With `ALTBUILD_FUZZ_STRICT=1`, E_INTERNAL counts as a finding too: it
    /// means a deck that opened and scanned could not be rewritten or did not
    /// read back, which is safe (nothing is written) but a bug all the same.
    static let strict: Bool = getenv("ALTBUILD_FUZZ_STRICT").map { String(cString: $0) == "1" } ?? false

    static func run(_ bytes: [UInt8]) {
        do {
            let deck = try Deck(bytes: bytes, path: "fuzz.pptx", limits: limits)
            let inventory = try deck.inventory()
            let edits = inventory.slots.enumerated().map { index, slot in
                AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: "x", markDecorative: index % 3 == 2)
            }
            _ = try DeckInjector.inject(deck, edits: edits, limits: limits)
        } catch let error as AltbuildError {
            if strict && error.code == .internalError { fatalError("E_INTERNAL on a deck that opened: \(error)") }
        } catch {
            fatalError("not an AltbuildError: \(error)")
        }
    }
}
