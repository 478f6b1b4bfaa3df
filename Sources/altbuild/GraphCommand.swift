import ArgumentParser
import AltbuildCore
import AltbuildSupport
import BuildEngine

/// `altbuild graph`: the dependency graph of the last builds: configuration,
/// decks, slides, the media each slot depends on, and the descriptions made
/// from them. Shared images show as one node with many edges.
struct GraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the dependency graph of decks, slides, images, descriptions and configuration.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, json }

    @OptionGroup var project: ProjectOptions

    @Option(help: "dot (Graphviz) or json.")
    var format: Format = .dot

    func run() async throws {
        let project = self.project.project()
        let inputs = try self.project.inputs(project)
        let state = StateLog(path: project.statePath)
        var nodes: [(id: String, kind: String, label: String)] = []
        var seen = Set<String>()
        var edges: [(String, String)] = []
        func node(_ id: String, _ kind: String, _ label: String) {
            if seen.insert(id).inserted { nodes.append((id, kind, label)) }
        }
        let configID = "config:" + String(SHA256.hash(project.canonicalConfiguration).hex.prefix(12))
        node(configID, "config", project.canonicalConfiguration.split(separator: "\n").joined(separator: ", "))
        for input in inputs {
            let deckID = "deck:" + input.path
            node(deckID, "deck", input.path)
            let outputID = "output:" + project.outputPath(input)
            node(outputID, "output", project.outputPath(input))
            edges.append((deckID, outputID))
            edges.append((configID, outputID))
            guard let record = state.record(for: input.path), let digest = record.manifestDigest,
                  let bytes = project.store.get(digest), let manifest = DeckManifest.decode(bytes) else { continue }
            for slot in manifest.slots {
                let slideID = "slide:\(input.path)#\(slot.slide)"
                node(slideID, "slide", "\(input.path) slide \(slot.slide)")
                edges.append((deckID, slideID))
                let slotID = "slot:\(input.path)#\(slot.part)#\(slot.ordinal)"
                node(slotID, "slot", "\(slot.kind.rawValue) #\(slot.id)")
                edges.append((slideID, slotID))
                if let media = slot.mediaSha256 {
                    let mediaID = "media:" + media
                    node(mediaID, "media", "\(slot.mediaPart ?? "media") sha256 \(media.prefix(12))…")
                    edges.append((mediaID, slotID))
                }
                if let key = slot.descriptionKey {
                    let descriptionID = "description:" + key
                    node(descriptionID, "description", String((slot.text ?? "").prefix(60)))
                    if let media = slot.mediaSha256 { edges.append(("media:" + media, descriptionID)) }
                    edges.append((configID, descriptionID))
                    edges.append((descriptionID, slotID))
                }
                edges.append((slotID, outputID))
            }
        }
        var unique = Set<String>()
        edges = edges.filter { unique.insert($0.0 + "\u{0}" + $0.1).inserted }
        switch format {
        case .json:
            let nodeText = nodes.map { JSONText.object([("id", JSONText.string($0.id)), ("kind", JSONText.string($0.kind)), ("label", JSONText.string($0.label))]) }
            let edgeText = edges.map { JSONText.object([("from", JSONText.string($0.0)), ("to", JSONText.string($0.1))]) }
            Console.out(JSONText.object([("nodes", JSONText.array(nodeText)), ("edges", JSONText.array(edgeText))]))
        case .dot:
            var lines = ["digraph altbuild {", "  rankdir=LR;"]
            let shapes = ["config": "note", "deck": "folder", "output": "box3d", "slide": "box", "slot": "ellipse", "media": "component", "description": "plaintext"]
            for n in nodes {
                lines.append("  \(JSONText.string(n.id)) [label=\(JSONText.string(n.label)), shape=\(shapes[n.kind] ?? "box")];")
            }
            for e in edges { lines.append("  \(JSONText.string(e.0)) -> \(JSONText.string(e.1));") }
            lines.append("}")
            Console.out(lines.joined(separator: "\n"))
        }
    }
}
