public import OOXML
public import Describers
import AltbuildSupport

/// A deck's pipeline: scan, describe, inject. Each step is a function of its
/// inputs, so later layers can cache any of them by key.
public struct DeckPipeline: Sendable {
    public var policy: AltTextPolicy
    public var limits: ReadLimits
    public var describer: any Describer

    public init(policy: AltTextPolicy, limits: ReadLimits, describer: any Describer) {
        self.policy = policy
        self.limits = limits
        self.describer = describer
    }

    /// Scan: open the deck and list its slots.
    public func scan(_ bytes: [UInt8], path: String) throws -> (Deck, DeckInventory) {
        let deck = try Deck(bytes: bytes, path: path, limits: limits)
        return (deck, try deck.inventory())
    }

    /// Describe: decide per slot what to do and ask the describer for text.
    public func describe(_ inventory: DeckInventory) async throws -> ([AltTextEdit], DeckReport) {
        var edits: [AltTextEdit] = []
        var report = DeckReport()
        for slot in inventory.slots {
            report.slots += 1
            switch policy.action(for: slot, slideSize: inventory.slideSize) {
            case .keep:
                if slot.state == .decorative { report.decorative += 1 } else { report.kept += 1 }
            case .markDecorative:
                // A file name left in descr would still be read by some tools; clear it.
                let clear: String? = slot.state == .placeholder ? "" : nil
                edits.append(AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: clear, markDecorative: true))
                report.markedDecorative += 1
            case .describe:
                let description = try await describer.describe(DescriptionRequest(slot: slot, slideSize: inventory.slideSize))
                edits.append(AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: description.text))
                report.described += 1
                if description.needsReview { report.needsReview += 1 }
            }
        }
        return (edits, report)
    }

    /// Inject: write the edits into a new deck and check that it reads back
    /// with every edit in place before anyone sees it.
    public func inject(_ deck: Deck, edits: [AltTextEdit]) throws -> [UInt8] {
        guard !edits.isEmpty else { return deck.bytes }
        let output = try DeckRewriter.rewrite(deck, edits: edits)
        let check = try Deck(bytes: output, path: deck.path, limits: limits).inventory()
        var slots: [String: [Slot]] = [:]
        for slide in check.slides { slots[slide.part] = slide.slots }
        for edit in edits {
            guard let slot = slots[edit.part].flatMap({ edit.ordinal < $0.count ? $0[edit.ordinal] : nil }),
                  edit.descr.map({ xmlSafeText($0) == slot.descr }) ?? true,
                  !edit.markDecorative || slot.isDecorative else {
                throw AltbuildError(.internalError, "the rewritten deck does not read back as written (\(edit.part), slot \(edit.ordinal)); nothing was written", path: deck.path)
            }
        }
        return output
    }

    /// All three steps: the bytes of the accessible deck and what was done.
    public func run(_ bytes: [UInt8], path: String) async throws -> ([UInt8], DeckReport) {
        let (deck, inventory) = try scan(bytes, path: path)
        let (edits, report) = try await describe(inventory)
        return (try inject(deck, edits: edits), report)
    }
}
