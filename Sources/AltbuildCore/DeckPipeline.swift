import DeckModel
public import Describers
public import AltbuildSupport

/// A deck's pipeline: scan, describe, inject. Each step is a function of its
/// inputs; descriptions are cached by their own key, so the same image in
/// fifty decks is described once.
public struct DeckPipeline: Sendable {
    public var policy: AltTextPolicy
    public var describer: any Describer
    public var cache: DescriptionCache?
    /// Where scanning and injecting happen (a worker process, or here).
    public var processor: any DeckProcessor
    /// Shared by all decks of a build, so parallel decks never ask twice.
    public var flights: DescriptionFlights
    /// How many of a deck's slots are being described at once. The
    /// describer's build-wide limiter decides how many requests or processes
    /// really run; this only keeps a deck of 5,000 pictures from holding
    /// 5,000 waiting tasks and their pictures in memory.
    public var slotWidth: Int {
        describer.limiter?.limit ?? DescriberLimiter.defaultLocalLimit
    }

    public init(policy: AltTextPolicy, describer: any Describer, cache: DescriptionCache? = nil, processor: any DeckProcessor,
                flights: DescriptionFlights = DescriptionFlights()) {
        self.policy = policy
        self.describer = describer
        self.cache = cache
        self.processor = processor
        self.flights = flights
    }

    /// Describe: decide per slot what to do and get text for those that need
    /// it. `review` is the deck's review file: a person's decisions in it are
    /// applied, and the texts it says altbuild wrote may be regenerated.
    public func describe(_ scanned: ScannedDeck, path: String, review: ReviewFile? = nil,
                         cancel: CancelFlag = CancelFlag()) async throws -> Plan {
        let inventory = scanned.inventory
        let slots = inventory.slots
        let identities = SlotIdentity.identities(slots)
        let match = ReviewMatch(slots: slots, identities: identities, review: review)
        let detected = DecorativeDetector(mode: policy.decorativeDetection, slideSize: inventory.slideSize,
                                          images: scanned.images).detect(slots)
        let decisions = slots.indices.map { index in
            SlotDecision.decide(slots[index], entry: match.entries[index], policy: policy, slideSize: inventory.slideSize,
                                detected: detected[index])
        }
        // A picture over the pixel budget goes to no describer: it is left for a person.
        let refusals = slots.map { slot in slot.mediaDigest.flatMap { scanned.images[$0]?.refusal } }
        let twins = Self.fallbackTwins(slots).filter { decisions[$0.key] == .describe && decisions[$0.value] == .describe }
        let wanted = slots.indices.filter { decisions[$0] == .describe && refusals[$0] == nil && twins[$0] == nil }
        let long = policy.longDescriptions == .notes
            ? LongDescription(language: describer.language, deckLanguage: inventory.language) : nil
        let details = slots.map { slot in long?.lines(for: slot) ?? [] }
        // A text that will end with the pointer to the notes aims that much shorter.
        let reserve = long?.pointer.map { $0.count + 1 } ?? 0
        var answers = try await boundedConcurrentMap(wanted, width: slotWidth) { index in
            try await self.answer(for: slots[index], slideSize: inventory.slideSize, language: inventory.language,
                                  path: path, scanned: scanned, reserve: details[index].isEmpty ? 0 : reserve, cancel: cancel)
        }
        // Counted once: the twin's copy is not another call.
        for (fallback, choice) in twins {
            answers[fallback] = answers[choice].map { answer in
                var copy = answer
                copy.source = .cache
                return copy
            }
        }
        var plan = Plan(fallbackContext: policy.fallbackContext, language: describer.language ?? inventory.language,
                        pointer: long?.pointer)
        for (index, slot) in slots.enumerated() {
            plan.add(slot, identity: identities[index], entry: match.entries[index], decision: decisions[index],
                     refusal: refusals[index], answer: answers[index], hasDetails: !details[index].isEmpty)
        }
        plan.placeNotes(inventory.slides, details: details, long: long)
        plan.keepStale(match.stale)
        return plan
    }

    /// The fallback picture of a chart, diagram or table in
    /// `mc:AlternateContent` (what older readers show instead) is the same
    /// thing as its choice: it gets the description made from the data,
    /// never OCR of the picture's axis labels. Fallback index → choice index,
    /// matched by slide and shape id.
    static func fallbackTwins(_ slots: [Slot]) -> [Int: Int] {
        var choices: [String: Int] = [:]
        for (index, slot) in slots.enumerated() where slot.alternateBranch == "choice" && slot.content != .none {
            choices["\(slot.part)#\(slot.shapeID)"] = index
        }
        var twins: [Int: Int] = [:]
        for (index, slot) in slots.enumerated() where slot.alternateBranch == "fallback" && slot.content == .none {
            if let choice = choices["\(slot.part)#\(slot.shapeID)"] { twins[index] = choice }
        }
        return twins
    }

    struct Answer: Sendable {
        enum Source: Sendable { case cache, describer }
        var description: Description
        var key: SHA256Digest
        var source: Source
    }

    /// One slot's description: from the cache, from a request already in
    /// flight for the same key, or from the describer.
    private func answer(for slot: Slot, slideSize: Frame?, language: String?, path: String, scanned: ScannedDeck,
                        reserve: Int, cancel: CancelFlag) async throws -> Answer {
        var request = DescriptionRequest(slot: slot, slideSize: slideSize, deckPath: path, deckLanguage: language, cancel: cancel)
        request.reserve = reserve
        let key = DescriptionCache.key(request, describer: describer)
        if let cached = await cache?.lookup(key) { return Answer(description: cached, key: key, source: .cache) }
        if cancel.isCancelled || Task.isCancelled {
            throw cancel.error(path: path)
        }
        if describer.needsMedia { request.media = slot.mediaDigest.flatMap(scanned.media) }
        let describer = self.describer
        let cache = self.cache
        let asked = request
        let (made, byUs) = try await flights.description(for: key) {
            let description = try await describer.describe(asked)
            try await cache?.store(description, for: key)
            return description
        }
        return Answer(description: made, key: key, source: byUs ? .describer : .cache)
    }

    /// All three steps on the deck at `path`, whose bytes the build hashed to
    /// `digest`: the accessible deck (nil when nothing needed writing: the
    /// input is the output) and what was done.
    public func run(_ path: String, digest: SHA256Digest, review: ReviewFile? = nil,
                    cancel: CancelFlag = CancelFlag()) async throws -> (WrittenDeck?, Plan, Int) {
        let scanned = try await processor.scan(path, digest: digest, cancel: cancel)
        let plan = try await describe(scanned, path: path, review: review, cancel: cancel)
        let edits = plan.deckEdits
        let output = edits.isEmpty ? nil : try await processor.inject(path, digest: digest, edits: edits,
                                                                       hashed: scanned.fileStatus, cancel: cancel)
        return (output, plan, scanned.inventory.slides.count)
    }
}
