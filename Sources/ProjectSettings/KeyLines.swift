/// Where keys are in a TOML file, by line, for error messages: TOMLKit
/// gives positions only for syntax errors. Reads `[section]` headers and
/// `key =` at the start of lines, which is how settings files are written;
/// a key it cannot place gets no line, and the message still names it.
struct KeyLines {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: " \t\"'")
                section = name
                if lines["[" + name + "]"] == nil { lines["[" + name + "]"] = index + 1 }
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = line[..<equals].trimmingCharacters(in: " \t\"'")
                let name = section + "." + key
                if lines[name] == nil { lines[name] = index + 1 }
            }
        }
    }

    /// The line of `key` in `section` (or of the section header, or of a top-level key).
    func line(section: String?, key: String?) -> Int? {
        switch (section, key) {
        case (let section?, let key?): return lines[section + "." + key]
        case (let section?, nil): return lines["[" + section + "]"]
        case (nil, let key?): return lines["." + key]
        case (nil, nil): return nil
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
