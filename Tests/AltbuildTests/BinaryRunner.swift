import Foundation

/// Runs the built `altbuild` executable as a user would, in a given folder.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `altbuild` binary next to the test bundle, or `ALTBUILD_BIN`.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["ALTBUILD_BIN"] { return path }
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("altbuild").path
    }

    /// Runs `executable` (by default `altbuild`; the shell tests run bash) with `arguments` in `directory`.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    executable: String = binary) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // stderr goes to a file so that neither stream can fill up and block the child.
        let errPath = NSTemporaryDirectory() + "altbuild-stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension FileManager {
    func write(_ bytes: [UInt8], to path: String) throws {
        try createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func modificationDate(_ path: String) throws -> Date {
        try attributesOfItem(atPath: path)[.modificationDate] as? Date ?? .distantPast
    }
}
