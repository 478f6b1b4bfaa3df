import AltbuildSupport
internal import CLibXML2
/// Walks one slide's shape tree and produces its slots with their context.
///
/// The same walk serves inventory and rewriting: the rewriter re-scans the
/// slide it is editing and addresses slots by `ordinal`, so the two can never
/// disagree about which element a slot is.
struct SlideScanner {
    struct Result {
        var title: String?
        var slots: [(slot: Slot, cNvPr: XMLElement)]
        /// altbuild's block in the slide's notes, if any.
        var notesBlock: NotesBlock.Found?
    }

    /// A text shape, kept for titles, captions and the slide's other text.
    private struct TextShape {
        var text: String
        var frame: Frame?
        var isTitle: Bool
    }

    let package: OPCPackage
    let part: String
    let slideNumber: Int
    let document: XMLDocument

    /// Media parts already hashed on this slide: one image is often used many times.
    private final class DigestMemo {
        var digests: [String: SHA256Digest] = [:]
    }
    private let memo = DigestMemo()

    init(package: OPCPackage, part: String, slideNumber: Int, document: XMLDocument) {
        self.package = package
        self.part = part
        self.slideNumber = slideNumber
        self.document = document
    }

    /// Every slot with all the inventory knows of it.
    func scan() throws -> Result {
        guard let tree = shapeTree else { return Result(title: nil, slots: []) }
        let texts = collectText(in: tree)
        let title = texts.first(where: \.isTitle)?.text
        let notes = try notesParagraphs()
        var context = SlotContext(
            slideTitle: title,
            slideText: texts.filter { !$0.isTitle }.map(\.text),
            notes: Self.personsNotes(notes))
        context.slideText = Array(context.slideText.prefix(20))
        var captions: [xmlNodePtr: [TextShape]] = [:]
        var slots: [(slot: Slot, cNvPr: XMLElement)] = []
        for site in sites(in: tree) {
            let siblings = captions[site.container.node] ?? textShapes(directlyIn: site.container)
            captions[site.container.node] = siblings
            var slot = try slot(at: site, ordinal: slots.count, context: context, captions: siblings)
            slot.drawsInk = site.drawsInk
            slots.append((slot, site.cNvPr))
        }
        return Result(title: title, slots: slots, notesBlock: NotesBlock.found(in: notes))
    }

    /// Each slot's `cNvPr`, in ordinal order, and nothing else read: what a
    /// rewrite edits and what its check reads back. The walk is the one
    /// `scan` takes, so the ordinals are the inventory's.
    func slotElements() -> [XMLElement] {
        shapeTree.map { sites(in: $0).map(\.cNvPr) } ?? []
    }

    /// altbuild's block in the slide's notes, read alone.
    func notesBlock() throws -> NotesBlock.Found? {
        NotesBlock.found(in: try notesParagraphs())
    }

    private var shapeTree: XMLElement? {
        document.root?.path((.presentation, "cSld"), (.presentation, "spTree"))
    }

    // MARK: - Slots

    /// Where a slot is: its element, the `cNvPr` holding its name and text,
    /// the element whose text shapes may caption it, and what the walk saw
    /// on the way down.
    private struct Site {
        enum Kind { case picture, pictureFill(blip: XMLElement), graphicFrame, group }
        var element: XMLElement
        var cNvPr: XMLElement
        var kind: Kind
        var container: XMLElement
        var depth: Int
        var branch: String?
        var drawsInk = false
    }

    /// Every slot's site in document order, a group before its members.
    private func sites(in tree: XMLElement) -> [Site] {
        var sites: [Site] = []
        walk(tree, depth: 0, branch: nil, into: &sites)
        return sites
    }

    private func walk(_ container: XMLElement, depth: Int, branch: String?, into sites: inout [Site]) {
        for element in container.childElements {
            if element.is(.markupCompatibility, "AlternateContent") {
                // Ink: the choice holds the pen strokes, the fallback a picture of them.
                let ink = element.childElements.contains { choice in
                    choice.is(.markupCompatibility, "Choice") && !choice.descendants { $0.hasLocalName("contentPart") }.isEmpty
                }
                for choice in element.childElements {
                    let label = choice.is(.markupCompatibility, "Choice") ? "choice"
                        : choice.is(.markupCompatibility, "Fallback") ? "fallback" : nil
                    guard let label else { continue }
                    let first = sites.count
                    walk(choice, depth: depth, branch: branch ?? label, into: &sites)
                    if ink && label == "fallback" { for index in first..<sites.count { sites[index].drawsInk = true } }
                }
                continue
            }
            guard element.isIn(.presentation), let (kind, nonVisual) = Self.siteKind(element) else { continue }
            if let cNvPr = element.path((.presentation, nonVisual), (.presentation, "cNvPr")) {
                sites.append(Site(element: element, cNvPr: cNvPr, kind: kind, container: container, depth: depth, branch: branch))
            }
            if case .group = kind { walk(element, depth: depth + 1, branch: branch, into: &sites) }
        }
    }

    /// What kind of slot a PresentationML element is, and its non-visual
    /// properties' name; nil for a shape that is not one (text, lines).
    private static func siteKind(_ element: XMLElement) -> (Site.Kind, String)? {
        if element.hasLocalName("pic") { return (.picture, "nvPicPr") }
        if element.hasLocalName("graphicFrame") { return (.graphicFrame, "nvGraphicFramePr") }
        if element.hasLocalName("grpSp") { return (.group, "nvGrpSpPr") }
        if element.hasLocalName("sp"), let blip = element.path((.presentation, "spPr"), (.drawing, "blipFill"), (.drawing, "blip")) {
            return (.pictureFill(blip: blip), "nvSpPr")
        }
        return nil
    }

    /// The slot at `site`, with its content read and its media hashed.
    private func slot(at site: Site, ordinal: Int, context: SlotContext, captions: [TextShape]) throws -> Slot {
        let element = site.element
        let xfrm: XMLElement?
        let (kind, mediaPart, content): (SlotKind, String?, SlotContent)
        switch site.kind {
        case .picture:
            xfrm = element.path((.presentation, "spPr"), (.drawing, "xfrm"))
            (kind, mediaPart, content) = pictureKindAndMedia(element)
        case .pictureFill(let blip):
            xfrm = element.path((.presentation, "spPr"), (.drawing, "xfrm"))
            (kind, mediaPart, content) = (.pictureFill, mediaTarget(blip, "embed") ?? mediaTarget(blip, "link"), .none)
        case .graphicFrame:
            xfrm = element.child(.presentation, "xfrm")
            (kind, mediaPart, content) = try graphicKindAndMedia(element)
        case .group:
            xfrm = element.path((.presentation, "grpSpPr"), (.drawing, "xfrm"))
            (kind, mediaPart, content) = (.group, nil, .group(groupMembers(element)))
        }
        let cNvPr = site.cNvPr
        let name = cNvPr.attribute("name") ?? ""
        let descr = cNvPr.attribute("descr")
        let decorative = DecorativeFlag.isSet(on: cNvPr)
        let frame = xfrm.flatMap(readFrame)
        var slotContext = context
        slotContext.caption = frame.flatMap { caption(for: $0, among: captions) }
        var digest: SHA256Digest?
        if let mediaPart, package.contains(mediaPart) {
            if let known = memo.digests[mediaPart] {
                digest = known
            } else {
                digest = SHA256.hash(try package.bytes(of: mediaPart))
                memo.digests[mediaPart] = digest
            }
        }
        var slot = Slot(
            slide: slideNumber, part: part, ordinal: ordinal,
            shapeID: cNvPr.attribute("id") ?? "", name: name, kind: kind,
            descr: descr, title: cNvPr.attribute("title"), isDecorative: decorative,
            state: AltTextState.classify(descr: descr, shapeName: name, decorative: decorative),
            mediaPart: mediaPart, mediaDigest: digest, frame: frame,
            alternateBranch: site.branch, groupDepth: site.depth, context: slotContext, content: content)
        slot.link = cNvPr.child(.drawing, "hlinkClick").flatMap(link)
        return slot
    }

    private func pictureKindAndMedia(_ pic: XMLElement) -> (SlotKind, String?, SlotContent) {
        let image = pic.path((.presentation, "blipFill"), (.drawing, "blip")).flatMap { mediaTarget($0, "embed") ?? mediaTarget($0, "link") }
        guard let nvPr = pic.path((.presentation, "nvPicPr"), (.presentation, "nvPr")) else { return (.picture, image, .none) }
        let embeddedMedia = nvPr.child(.presentation, "extLst")?.descendants { $0.is(.powerPoint2010, "media") }.first
            .flatMap { mediaTarget($0, "embed") }
        if let video = nvPr.child(.drawing, "videoFile") ?? nvPr.child(.drawing, "quickTimeFile") {
            return (.video, embeddedMedia ?? mediaTarget(video, "link") ?? image, .none)
        }
        if let audio = nvPr.child(.drawing, "audioFile") ?? nvPr.child(.drawing, "wavAudioFile") {
            return (.audio, embeddedMedia ?? mediaTarget(audio, "link") ?? mediaTarget(audio, "embed") ?? image, .none)
        }
        if let embeddedMedia { return (.video, embeddedMedia, .none) }
        return (.picture, image, .none)
    }

    private func graphicKindAndMedia(_ frame: XMLElement) throws -> (SlotKind, String?, SlotContent) {
        guard let data = frame.path((.drawing, "graphic"), (.drawing, "graphicData")) else { return (.graphic, nil, .none) }
        let uri = data.attribute("uri") ?? ""
        let last = uri.utf8.split(separator: UInt8(ascii: "/")).last.map { String(Substring($0)) } ?? ""
        switch last {
        case "chart":
            let target = data.child(.chart, "chart").flatMap { mediaTarget($0, "id") }
            let chart = try target.flatMap { package.contains($0) ? ChartReader.read(try package.xml($0)) : nil }
            return (.chart, target, chart.map(SlotContent.chart) ?? .none)
        case "chartex":
            let target = data.child(.chartex, "chart").flatMap { mediaTarget($0, "id") }
            let chart = try target.flatMap { package.contains($0) ? ChartReader.readChartex(try package.xml($0)) : nil }
            return (.chartex, target, chart.map(SlotContent.chart) ?? .none)
        case "table":
            return (.table, nil, data.child(.drawing, "tbl").map { .table(TableReader.read($0)) } ?? .none)
        case "diagram":
            let relIds = data.child(.diagram, "relIds")
            let target = relIds.flatMap { mediaTarget($0, "dm") }
            let layout = relIds.flatMap { mediaTarget($0, "lo") }
            let diagram = try target.flatMap { package.contains($0)
                ? try DiagramReader.read(package: package, slidePart: part, dataPart: $0, layoutPart: layout) : nil }
            return (.diagram, target, .diagram(diagram ?? DiagramData()))
        case "ole":
            let object = data.descendants { $0.hasLocalName("oleObj") && $0.isIn(.presentation) }.first
            return (.oleObject, object.flatMap { mediaTarget($0, "id") }, .oleObject(progID: object?.attribute("progId")))
        case "model3d":
            let model = data.descendants { $0.hasLocalName("model3d") }.first
            return (.model3D, model.flatMap { mediaTarget($0, "embed") }, .none)
        default:
            return (.graphic, nil, .none)
        }
    }

    /// What a click on the slot does (`a:hlinkClick`). A jump to a slide is
    /// kept as the slide's part here and numbered by the deck, which knows the order.
    private func link(_ click: XMLElement) -> SlotLink? {
        let action = click.attribute("action") ?? ""
        // A broken relationship is a link that goes nowhere known: no link.
        let relationship = click.attribute(.officeRelationships, "id").flatMap { try? package.relationship(of: part, id: $0) }
        if action.hasPrefix("ppaction://hlinkshowjump") {
            let jump = action.split(separator: "=").last.map(String.init) ?? "nextslide"
            return .jump(jump)
        }
        if action.hasPrefix("ppaction://hlinksldjump") { return relationship.map { .action("slide:" + $0.target) } }
        if action.hasPrefix("ppaction://noaction") { return nil }
        if !action.isEmpty { return .action(String(action.dropFirst("ppaction://".count).prefix { $0 != "?" })) }
        guard let relationship else { return nil }
        return relationship.isExternal ? .url(relationship.target) : .action("slide:" + relationship.target)
    }

    /// Resolves an `r:`-namespaced relationship attribute to an internal part name.
    private func mediaTarget(_ element: XMLElement, _ attribute: String) -> String? {
        guard let id = element.attribute(.officeRelationships, attribute),
              // A broken relationship leaves the slot without media; the slot is still listed and described.
              let rel = try? package.relationship(of: part, id: id), !rel.isExternal else { return nil }
        return rel.target
    }

    private func groupMembers(_ group: XMLElement) -> [GroupMember] {
        var members: [GroupMember] = []
        for child in group.children {
            let element = child.is(.markupCompatibility, "AlternateContent")
                ? child.child(.markupCompatibility, "Choice")?.children.first ?? child : child
            guard element.isIn(.presentation) else { continue }
            let nonVisual: String
            let kind: SlotKind?
            switch element.localName {
            case "pic": nonVisual = "nvPicPr"; kind = pictureKindAndMedia(element).0
            // An unreadable graphic is still a slot, of the general kind.
            case "graphicFrame": nonVisual = "nvGraphicFramePr"; kind = (try? graphicKindAndMedia(element).0) ?? .graphic
            case "grpSp": nonVisual = "nvGrpSpPr"; kind = .group
            case "sp":
                nonVisual = "nvSpPr"
                kind = element.path((.presentation, "spPr"), (.drawing, "blipFill")) != nil ? .pictureFill : nil
            default: continue
            }
            let cNvPr = element.path((.presentation, nonVisual), (.presentation, "cNvPr"))
            let text = kind == nil ? shapeText(element) : cNvPr?.attribute("descr")
            members.append(GroupMember(kind: kind, name: cNvPr?.attribute("name") ?? "", text: text.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return members
    }

    // MARK: - Text

    private func collectText(in tree: XMLElement) -> [TextShape] {
        var result: [TextShape] = []
        func walk(_ container: XMLElement) {
            for element in container.children {
                if element.is(.markupCompatibility, "AlternateContent") {
                    // Both branches show the same content; read one.
                    if let branch = element.child(.markupCompatibility, "Choice") ?? element.child(.markupCompatibility, "Fallback") {
                        walk(branch)
                    }
                } else if element.is(.presentation, "grpSp") {
                    walk(element)
                } else if element.is(.presentation, "sp"), let shape = textShape(element) {
                    result.append(shape)
                }
            }
        }
        walk(tree)
        return result
    }

    private func textShapes(directlyIn container: XMLElement) -> [TextShape] {
        container.children(.presentation, "sp").compactMap(textShape)
    }

    private func textShape(_ sp: XMLElement) -> TextShape? {
        let text = shapeText(sp)
        guard !text.isEmpty else { return nil }
        let type = sp.path((.presentation, "nvSpPr"), (.presentation, "nvPr"), (.presentation, "ph"))?.attribute("type")
        return TextShape(
            text: text,
            frame: sp.path((.presentation, "spPr"), (.drawing, "xfrm")).flatMap(readFrame),
            isTitle: type == "title" || type == "ctrTitle")
    }

    /// A shape's paragraphs, each trimmed, joined by newlines.
    private func shapeText(_ sp: XMLElement) -> String {
        guard let body = sp.child(.presentation, "txBody") else { return "" }
        return paragraphsText(body)
    }

    /// The closest short text box just below (preferred) or above the frame,
    /// overlapping it horizontally: where people put captions.
    private func caption(for frame: Frame, among shapes: [TextShape]) -> String? {
        let maxGap: Int64 = 548_640  // 0.6 inch
        let slack: Int64 = 91_440  // 0.1 inch of overlap is still "next to"
        var best: (distance: Int64, text: String)?
        for shape in shapes where !shape.isTitle && shape.text.count <= 200 {
            guard let t = shape.frame, t.x < frame.maxX, t.maxX > frame.x else { continue }
            let below = t.y - frame.maxY
            let above = frame.y - t.maxY
            // Above counts as farther than the same gap below.
            let distance: Int64
            if below >= -slack && below <= maxGap { distance = max(below, 0) }
            else if above >= -slack && above <= maxGap { distance = max(above, 0) + maxGap / 2 }
            else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (distance, shape.text)
        }
        return best?.text
    }

    /// The text of each paragraph of the notes' body placeholders, in order.
    private func notesParagraphs() throws -> [String] {
        guard let rel = try package.relationships(of: part).first(where: { $0.kind == "notesSlide" && !$0.isExternal }),
              package.contains(rel.target) else { return [] }
        let notes = try package.xml(rel.target)
        guard let tree = notes.root?.path((.presentation, "cSld"), (.presentation, "spTree")) else { return [] }
        return tree.descendants(where: isNotesBody).flatMap { body in
            body.descendants { $0.is(.drawing, "p") }.map(paragraphText)
        }
    }

    /// The notes a person wrote, as context: altbuild's own block is left
    /// out, so a long description never feeds the next build's describer.
    private static func personsNotes(_ paragraphs: [String]) -> String? {
        let lines = NotesBlock.personsParagraphs(paragraphs).flatMap(collapsedLines)
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}

/// The notes' text placeholder (`p:ph type="body"`), where speaker notes are typed.
func isNotesBody(_ element: XMLElement) -> Bool {
    guard element.is(.presentation, "sp") else { return false }
    return element.path((.presentation, "nvSpPr"), (.presentation, "nvPr"), (.presentation, "ph"))?.attribute("type") == "body"
}

/// One paragraph's text, with a line break (`a:br`) as a newline.
func paragraphText(_ paragraph: XMLElement) -> String {
    paragraph.descendants { $0.is(.drawing, "t") || $0.is(.drawing, "br") }
        .map { $0.is(.drawing, "br") ? "\n" : $0.textContent }
        .joined()
}

/// A paragraph's lines, each with its whitespace collapsed, empty ones dropped.
func collapsedLines(_ text: String) -> [String] {
    // In ASCII the newlines (`Character.isNewline`) are line feed to carriage return.
    let lines = text.utf8.allSatisfy({ $0 < 0x80 })
        ? text.utf8.split(whereSeparator: { (0x0A...0x0D).contains($0) }).map { Substring($0) }
        : text.split(whereSeparator: \.isNewline)
    return lines.map { $0.collapsingWhitespace() }.filter { !$0.isEmpty }
}

/// The lines under `element`, joined by newlines: each paragraph (`a:p`) and
/// each line break inside one (`a:br`, Shift+Enter) starts a line, so
/// "7 Jours<a:br/>7 Mois" is never read as "7 Jours7 Mois". Each line has its
/// whitespace (tabs included) collapsed to single spaces; empty lines are
/// dropped. Callers that want one line join the lines with a space.
func paragraphsText(_ element: XMLElement) -> String {
    element.descendants { $0.is(.drawing, "p") }
        .flatMap { collapsedLines(paragraphText($0)) }
        .joined(separator: "\n")
}

/// Reads `a:off`/`a:ext` (or `p:xfrm`'s same children) into a frame.
func readFrame(_ xfrm: XMLElement) -> Frame? {
    guard let off = xfrm.child(.drawing, "off"), let ext = xfrm.child(.drawing, "ext"),
          let x = coordinate(off, "x"), let y = coordinate(off, "y"),
          let cx = coordinate(ext, "cx"), let cy = coordinate(ext, "cy")
    else { return nil }
    return Frame(x: x, y: y, width: cx, height: cy)
}

/// An EMU attribute within ECMA-376's `ST_Coordinate` range (about ±27 million
/// km). Anything larger is no real position, and refusing it keeps frame
/// arithmetic (`maxX`, caption distances) far from Int64 overflow, which
/// traps: the fuzzer found a deck with `y="9223372036854775807"` that did.
private func coordinate(_ element: XMLElement, _ name: String) -> Int64? {
    let limit: Int64 = 27_273_042_329_600
    guard let value = element.attribute(name).flatMap({ Int64($0) }), (-limit...limit).contains(value) else { return nil }
    return value
}
