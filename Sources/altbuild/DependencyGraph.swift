/// The nodes and edges `altbuild graph` prints, each once, in the order
/// first added (so the output is stable from run to run), and how they are
/// printed: Graphviz dot or JSON.
struct DependencyGraph {
    struct Node {
        var id: String
        var kind: String
        var label: String
    }

    private(set) var nodes: [Node] = []
    private(set) var edges: [(from: String, to: String)] = []
    private var nodeIDs = Set<String>()
    private var edgeIDs = Set<String>()

    /// Adds a node unless one with `id` is already there (a picture shared by many slots is one node).
    mutating func node(_ id: String, _ kind: String, _ label: String) {
        if nodeIDs.insert(id).inserted { nodes.append(Node(id: id, kind: kind, label: label)) }
    }

    mutating func edge(_ from: String, _ to: String) {
        if edgeIDs.insert(from + "\u{0}" + to).inserted { edges.append((from, to)) }
    }

    var json: String {
        let nodeText = nodes.map { JSONText.object([("id", JSONText.string($0.id)), ("kind", JSONText.string($0.kind)), ("label", JSONText.string($0.label))]) }
        let edgeText = edges.map { JSONText.object([("from", JSONText.string($0.from)), ("to", JSONText.string($0.to))]) }
        return JSONText.object([("nodes", JSONText.array(nodeText)), ("edges", JSONText.array(edgeText))])
    }

    /// Graphviz, left to right, with a shape per kind of node.
    var dot: String {
        var lines = ["digraph altbuild {", "  rankdir=LR;"]
        let shapes = ["config": "note", "deck": "folder", "output": "box3d", "slide": "box", "slot": "ellipse", "media": "component", "description": "plaintext", "review": "note"]
        for n in nodes {
            lines.append("  \(JSONText.string(n.id)) [label=\(JSONText.string(n.label)), shape=\(shapes[n.kind] ?? "box")];")
        }
        for e in edges { lines.append("  \(JSONText.string(e.from)) -> \(JSONText.string(e.to));") }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
