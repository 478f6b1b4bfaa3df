import AltbuildSupport
import TOMLKit

/// `altbuild.toml`: the project's settings, checked against `Settings.all`
/// when read, so an unknown key or a bad value is an error naming the file,
/// line and key before anything runs.
public struct ConfigFile: Sendable {
    public static let name = "altbuild.toml"

    /// Where it was read from, as given.
    public let path: String
    /// The valid values by setting name, with the line each was on.
    public let values: [String: (value: SettingValue, line: Int?)]

    public init(path: String, values: [String: (value: SettingValue, line: Int?)]) {
        self.path = path
        self.values = values
    }

    /// Reads and checks the file at `path`.
    public static func read(_ path: String) throws -> ConfigFile {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path, limit: 1 << 20)
        } catch let error as AltbuildError {
            throw ConfigError("\(path): \(error.message)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError.at(path, error.source.begin.line, "not valid TOML: \(error.description)")
        }
        let lines = KeyLines(text)
        var values: [String: (value: SettingValue, line: Int?)] = [:]
        for section in table.keys.sorted() {
            guard let sectionTable = table[section]?.table else {
                throw ConfigError.at(path, lines.line(section: nil, key: section),
                                     "\(section): settings go in sections; valid sections: " + Settings.sections.map { "[\($0)]" }.joined(separator: ", "))
            }
            guard Settings.sections.contains(section) else {
                throw ConfigError.at(path, lines.line(section: section, key: nil),
                                     "[\(section)]: unknown section; valid sections: " + Settings.sections.map { "[\($0)]" }.joined(separator: ", "))
            }
            for key in sectionTable.keys.sorted() {
                let line = lines.line(section: section, key: key)
                guard let setting = Settings.byName[section + "." + key] else {
                    let valid = Settings.all.filter { $0.section == section }.map(\.key).joined(separator: ", ")
                    throw ConfigError.at(path, line, "[\(section)] \(key): unknown key; valid keys in [\(section)]: \(valid)")
                }
                let raw = sectionTable[key].flatMap(Self.value)
                guard let raw, let value = setting.kind.accept(raw) else {
                    let shown = raw?.description ?? sectionTable[key].map { String(describing: $0.tomlValue) } ?? "?"
                    throw ConfigError.at(path, line, "[\(section)] \(key) = \(shown): expected \(setting.kind.expectation)")
                }
                values[setting.name] = (value, line)
            }
        }
        return ConfigFile(path: path, values: values)
    }

    /// A TOML value as a setting value (tables, dates and mixed arrays are none).
    private static func value(_ node: any TOMLValueConvertible) -> SettingValue? {
        if let text = node.string { return .string(text) }
        if let flag = node.bool { return .bool(flag) }
        if let number = node.int { return .int(number) }
        if let number = node.double { return .double(number) }
        if let array = node.array {
            var texts: [String] = []
            for element in array {
                guard let text = element.string else { return nil }
                texts.append(text)
            }
            return .strings(texts)
        }
        return nil
    }

    /// The folder holding `altbuild.toml`, looking in `start` and then each
    /// folder above it, as git looks for `.git`; nil if there is none.
    public static func find(from start: String) -> String? {
        FolderSearch.upward(from: start, containing: name)
    }
}
