/// Every setting's value for this run, and where it came from: a flag wins
/// over `altbuild.toml`, which wins over the default. `altbuild config`
/// prints this; every command reads its settings from it.
public struct EffectiveSettings: Sendable {
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case defaultValue
        case file(path: String, line: Int?)
        case flag(String)

        public var description: String {
            switch self {
            case .defaultValue: return "default"
            case .file(let path, let line): return path + (line.map { ":\($0)" } ?? "")
            case .flag(let flag): return "flag " + flag
            }
        }
    }

    public private(set) var values: [String: (value: SettingValue, source: Source)] = [:]

    /// `flags` are the settings given on the command line, by setting name.
    public init(file: ConfigFile?, flags: [String: SettingValue]) {
        for setting in Settings.all {
            if let value = flags[setting.name] {
                values[setting.name] = (value, .flag(setting.flag == "PATHS" ? "PATHS" : "--" + setting.flag))
            } else if let given = file?.values[setting.name], let path = file?.path {
                values[setting.name] = (given.value, .file(path: path, line: given.line))
            } else {
                values[setting.name] = (setting.defaultValue, .defaultValue)
            }
        }
    }

    public func value(_ name: String) -> SettingValue {
        values[name]?.value ?? Settings.byName[name]?.defaultValue ?? .string("")
    }

    public func source(_ name: String) -> Source { values[name]?.source ?? .defaultValue }

    public func string(_ name: String) -> String {
        if case .string(let text) = value(name) { return text }
        return value(name).description
    }

    /// An empty string is "not set" for settings whose default is empty.
    public func optionalString(_ name: String) -> String? {
        let text = string(name)
        return text.isEmpty ? nil : text
    }

    public func int(_ name: String) -> Int {
        switch value(name) {
        case .int(let number): return number
        case .double(let number): return Int(number)
        default: return 0
        }
    }

    public func double(_ name: String) -> Double {
        switch value(name) {
        case .double(let number): return number
        case .int(let number): return Double(number)
        default: return 0
        }
    }

    public func bool(_ name: String) -> Bool {
        if case .bool(let flag) = value(name) { return flag }
        return false
    }

    public func strings(_ name: String) -> [String] {
        if case .strings(let texts) = value(name) { return texts }
        return []
    }

    /// The seconds of a duration setting (valid by construction).
    public func seconds(_ name: String) -> Double {
        DurationText.seconds(string(name)) ?? 0
    }
}
