import Foundation

/// The fake Ollama/OpenAI server (`Tests/Fixtures/fake_vlm_server.py`),
/// started by a test on 127.0.0.1 with an ephemeral port and stopped with it.
final class FakeModelServer {
    let process = Process()
    let port: Int
    let logPath: String

    init(api: String, arguments: [String] = [], script: [[String: Any]]? = nil) throws {
        let directory = Fixtures.temporaryDirectory()
        logPath = directory + "/requests.jsonl"
        var args = [Self.scriptPath, "--api", api, "--log", logPath, "--max-seconds", "120"] + arguments
        if let script {
            let scriptPath = directory + "/script.json"
            try JSONSerialization.data(withJSONObject: script).write(to: URL(fileURLWithPath: scriptPath))
            args += ["--script", scriptPath]
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + args
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let portText = text.split(separator: " ").last?.split(separator: "\n").first, let port = Int(portText) else {
            process.terminate()
            throw NSError(domain: "FakeModelServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "no port: \(text)"])
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// The requests the server received, in order.
    var requests: [[String: Any]] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    var posts: [[String: Any]] { requests.filter { $0["method"] as? String == "POST" } }

    static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fake_vlm_server.py").path
    }
}
