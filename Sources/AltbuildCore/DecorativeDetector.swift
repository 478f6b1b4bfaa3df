public import DeckModel
public import AltbuildSupport

/// Finds the pictures a screen-reader user should not hear, from the deck as
/// a whole: what one slide cannot tell (a logo on every slide) and what one
/// picture cannot (81 copies of an icon). A picture with a link is never
/// decorative: hiding it hides the link.
public struct DecorativeDetector: Sendable {
    public var mode: DecorativeDetection
    public var slideSize: Frame?
    /// Pixel sizes of the deck's pictures, from the worker's scan.
    public var images: [SHA256Digest: ImageFacts]

    /// The same picture on at least this many slides, at the same place, is a repeat.
    static let repeatSlides = 3
    /// Icons: copies of one picture on one slide, each under this share of the slide.
    static let iconCopies = 3
    static let iconAreaShare = 0.02
    /// A picture of at most this many pixels a side, used as a fill or over
    /// and over, is a texture or a spacer.
    static let tinySide = 8

    public init(mode: DecorativeDetection, slideSize: Frame?, images: [SHA256Digest: ImageFacts] = [:]) {
        self.mode = mode
        self.slideSize = slideSize
        self.images = images
    }

    /// The reason each decorative slot is decorative, by index in `slots`.
    public func detect(_ slots: [Slot]) -> [Int: String] {
        guard mode != .off else { return [:] }
        let candidates = slots.indices.filter { isCandidate(slots[$0]) }
        var reasons = repeats(slots, candidates)
        guard mode == .detect else { return reasons }
        for (index, reason) in icons(slots, candidates) where reasons[index] == nil { reasons[index] = reason }
        for index in candidates where reasons[index] == nil {
            if slots[index].drawsInk {
                reasons[index] = "ink drawn on the slide with a pen (a stroke, not a placed picture)"
            } else if isLine(slots[index]) {
                reasons[index] = "a picture of a line (a rule or divider): thinner than 1% of the slide and 20 times longer than wide"
            }
        }
        // A tiny picture used as a fill, or used over and over, is a texture or a spacer.
        let uses = Dictionary(grouping: candidates) { slots[$0].mediaDigest }.mapValues(\.count)
        for index in candidates where reasons[index] == nil {
            let slot = slots[index]
            guard let digest = slot.mediaDigest, let facts = images[digest], let width = facts.width, let height = facts.height,
                  max(width, height) <= Self.tinySide, slot.kind == .pictureFill || (uses[digest] ?? 0) >= Self.repeatSlides else { continue }
            reasons[index] = "a \(width)×\(height)-pixel picture used as a texture or spacer, not content"
        }
        return reasons
    }

    /// Pictures (or picture fills) with a picture, no text of their own and no link.
    private func isCandidate(_ slot: Slot) -> Bool {
        (slot.kind == .picture || slot.kind == .pictureFill) && slot.mediaDigest != nil && slot.link == nil
            && (slot.state == .missing || slot.state == .placeholder)
    }

    /// The same picture at about the same place on `repeatSlides` slides or
    /// more: the first is described (or left for a person), the others are decorative.
    private func repeats(_ slots: [Slot], _ candidates: [Int]) -> [Int: String] {
        var reasons: [Int: String] = [:]
        let byDigest = Dictionary(grouping: candidates) { slots[$0].mediaDigest }
        for (_, indices) in byDigest {
            var clusters: [[Int]] = []
            for index in indices.sorted(by: { (slots[$0].slide, slots[$0].ordinal) < (slots[$1].slide, slots[$1].ordinal) }) {
                if let at = clusters.firstIndex(where: { samePlace(slots[$0[0]].frame, slots[index].frame) }) {
                    clusters[at].append(index)
                } else {
                    clusters.append([index])
                }
            }
            for cluster in clusters {
                let slides = Set(cluster.map { slots[$0].slide })
                guard slides.count >= Self.repeatSlides, let first = cluster.first else { continue }
                for index in cluster.dropFirst() {
                    reasons[index] = "the same picture at the same place on \(slides.count) slides (a logo or background); described on slide \(slots[first].slide)"
                }
            }
        }
        return reasons
    }

    /// Copies of one small picture on one slide (an icon array): the first is described.
    private func icons(_ slots: [Slot], _ candidates: [Int]) -> [Int: String] {
        var reasons: [Int: String] = [:]
        let groups = Dictionary(grouping: candidates.filter { isSmall(slots[$0]) }) { index in
            "\(slots[index].slide)#\(slots[index].mediaDigest?.hex ?? "")"
        }
        for (_, indices) in groups where indices.count >= Self.iconCopies {
            let sorted = indices.sorted { slots[$0].ordinal < slots[$1].ordinal }
            for index in sorted.dropFirst() {
                reasons[index] = "one of \(indices.count) copies of a small picture on slide \(slots[index].slide) (an icon array); the first is described"
            }
        }
        return reasons
    }

    /// A rule or divider placed as a picture: very thin across the slide.
    private func isLine(_ slot: Slot) -> Bool {
        guard let frame = slot.frame, let slide = slideSize, frame.width > 0, frame.height > 0 else { return false }
        let (long, thin) = (max(frame.width, frame.height), min(frame.width, frame.height))
        let across = frame.width < frame.height ? slide.width : slide.height
        return Double(thin) < 0.01 * Double(across) && long >= 20 * thin
    }

    private func isSmall(_ slot: Slot) -> Bool {
        guard let frame = slot.frame, let slide = slideSize, slide.area > 0 else { return false }
        return frame.area / slide.area < Self.iconAreaShare
    }

    /// Frames within 5% of the slide's width and height of each other, position and size.
    private func samePlace(_ a: Frame?, _ b: Frame?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let width = Double(slideSize?.width ?? max(a.width, b.width, 1)), height = Double(slideSize?.height ?? max(a.height, b.height, 1))
        func near(_ x: Int64, _ y: Int64, _ scale: Double) -> Bool { abs(Double(x - y)) <= 0.05 * scale }
        return near(a.x, b.x, width) && near(a.y, b.y, height) && near(a.width, b.width, width) && near(a.height, b.height, height)
    }
}
