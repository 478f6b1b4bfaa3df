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
        let project = try self.project.project()
        let inputs = try self.project.inputs(project)
        let graph = Self.graph(of: project, inputs: inputs, state: project.readState())
        switch format {
        case .json: Console.out(graph.json)
        case .dot: Console.out(graph.dot)
        }
    }

    /// The configuration, each deck and its output, and what the deck's last
    /// manifest says it was made of (a deck never built has only its output).
    static func graph(of project: Project, inputs: [DiscoveredInput], state: StateLog) -> DependencyGraph {
        var graph = DependencyGraph()
        let configID = "config:" + String(SHA256.hash(project.canonicalConfiguration).hex.prefix(12))
        let settings = ConfigurationText.settings(project.canonicalConfiguration) ?? [:]
        graph.node(configID, "config", settings.keys.sorted().map { "\($0)=\(settings[$0] ?? "")" }.joined(separator: ", "))
        for input in inputs {
            let deckID = "deck:" + input.path
            graph.node(deckID, "deck", input.path)
            let outputID = "output:" + project.outputPath(input)
            graph.node(outputID, "output", project.outputPath(input))
            graph.edge(deckID, outputID)
            graph.edge(configID, outputID)
            for declared in input.declaredInputs {
                graph.node("review:" + declared, "review", declared)
                graph.edge("review:" + declared, outputID)
            }
            guard let record = state.record(for: input.path), let digest = record.manifestDigest,
                  let bytes = project.store.get(digest), let manifest = DeckManifest.decode(bytes) else { continue }
            for slot in manifest.slots {
                add(slot, deck: input.path, output: outputID, config: configID, to: &graph)
            }
        }
        return graph
    }

    /// A slot, its slide, the media it shows and the description made from them.
    private static func add(_ slot: DeckManifest.SlotEntry, deck path: String, output outputID: String, config configID: String,
                            to graph: inout DependencyGraph) {
        let slideID = "slide:\(path)#\(slot.slide)"
        graph.node(slideID, "slide", "\(path) slide \(slot.slide)")
        graph.edge("deck:" + path, slideID)
        let slotID = "slot:\(path)#\(slot.part)#\(slot.ordinal)"
        graph.node(slotID, "slot", "\(slot.kind.rawValue) #\(slot.id)")
        graph.edge(slideID, slotID)
        if let media = slot.mediaSha256 {
            graph.node("media:" + media, "media", "\(slot.mediaPart ?? "media") sha256 \(media.prefix(12))…")
            graph.edge("media:" + media, slotID)
        }
        if let key = slot.descriptionKey {
            let descriptionID = "description:" + key
            graph.node(descriptionID, "description", String((slot.text ?? "").prefix(60)))
            if let media = slot.mediaSha256 { graph.edge("media:" + media, descriptionID) }
            graph.edge(configID, descriptionID)
            graph.edge(descriptionID, slotID)
        }
        graph.edge(slotID, outputID)
    }
}
