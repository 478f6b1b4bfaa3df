public import OOXML
public import Describers
import AltbuildSupport

/// A deck's pipeline: scan, describe, inject. Each step is a function of its
/// inputs; descriptions are cached by their own key, so the same image in
/// fifty decks is described once.
public struct DeckPipeline: Sendable {
    public var policy: AltTextPolicy
    public var limits: ReadLimits
    public var describer: any Describer
    public var cache: DescriptionCache?

    public init(policy: AltTextPolicy, limits: ReadLimits, describer: any Describer, cache: DescriptionCache? = nil) {
        self.policy = policy
        self.limits = limits
        self.describer = describer
        self.cache = cache
    }

    /// The result of the describe step.
    public struct Plan: Sendable {
        public var edits: [AltTextEdit] = []
        public var report = DeckReport()
        public var manifest: [DeckManifest.SlotEntry] = []
        public var describerCalls = 0
        public var cacheHits = 0
    }

    /// Scan: open the deck and list its slots.
    public func scan(_ bytes: [UInt8], path: String) throws -> (Deck, DeckInventory) {
        let deck = try Deck(bytes: bytes, path: path, limits: limits)
        return (deck, try deck.inventory())
    }

    /// Describe: decide per slot what to do and get text for those that need it.
    /// `generated` maps slot addresses (`part#ordinal`) to text altbuild wrote
    /// there before: such text may be regenerated, while text a person edited is kept.
    public func describe(_ inventory: DeckInventory, generated: [String: String] = [:]) async throws -> Plan {
        var plan = Plan()
        for slot in inventory.slots {
            plan.report.slots += 1
            let address = "\(slot.part)#\(slot.ordinal)"
            let ours = slot.descr != nil && generated[address] == slot.descr
            var entry = DeckManifest.SlotEntry(
                slide: slot.slide, part: slot.part, ordinal: slot.ordinal, id: slot.shapeID, kind: slot.kind,
                mediaPart: slot.mediaPart, mediaSha256: slot.mediaDigest?.hex, state: slot.state, text: slot.descr,
                generated: false, decorative: slot.isDecorative, needsReview: false, descriptionKey: nil)
            switch ours ? .describe : policy.action(for: slot, slideSize: inventory.slideSize) {
            case .keep:
                if slot.state == .decorative { plan.report.decorative += 1 } else { plan.report.kept += 1 }
            case .markDecorative:
                // A file name left in descr would still be read by some tools; clear it.
                let clear: String? = slot.state == .placeholder ? "" : nil
                plan.edits.append(AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: clear, markDecorative: true))
                plan.report.markedDecorative += 1
                entry.decorative = true
                if clear != nil { entry.text = "" }
            case .describe:
                let request = DescriptionRequest(slot: slot, slideSize: inventory.slideSize)
                let key = DescriptionCache.key(request, describer: describer)
                let description: Description
                if let cached = cache?.lookup(key) {
                    description = cached
                    plan.cacheHits += 1
                } else {
                    description = try await describer.describe(request)
                    plan.describerCalls += 1
                    try cache?.store(description, for: key)
                }
                let text = xmlSafeText(description.text)
                plan.edits.append(AltTextEdit(part: slot.part, ordinal: slot.ordinal, descr: text))
                plan.report.described += 1
                if description.needsReview { plan.report.needsReview += 1 }
                entry.text = text
                entry.generated = true
                entry.needsReview = description.needsReview
                entry.descriptionKey = key.hex
            }
            plan.manifest.append(entry)
        }
        return plan
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
                  edit.descr.map({ xmlSafeText($0) == (slot.descr ?? "") }) ?? true,
                  !edit.markDecorative || slot.isDecorative else {
                throw AltbuildError(.internalError, "the rewritten deck does not read back as written (\(edit.part), slot \(edit.ordinal)); nothing was written", path: deck.path)
            }
        }
        return output
    }

    /// All three steps: the accessible deck's bytes and what was done.
    public func run(_ bytes: [UInt8], path: String, generated: [String: String] = [:]) async throws -> ([UInt8], Plan, Int) {
        let (deck, inventory) = try scan(bytes, path: path)
        let plan = try await describe(inventory, generated: generated)
        return (try inject(deck, edits: plan.edits), plan, inventory.slides.count)
    }
}
