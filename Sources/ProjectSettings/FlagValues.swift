/// The settings given as flags, checked as `altbuild.toml` values are, so a
/// bad value gets the same words ("expected …") either way.
public struct FlagValues: Sendable {
    public private(set) var values: [String: SettingValue] = [:]

    public init() {}

    /// Adds the flag for setting `name` if it was given (`text` not nil).
    public mutating func add(_ name: String, _ text: String?) throws {
        guard let text, let setting = Settings.byName[name] else { return }
        guard let value = setting.kind.accept(text: text) else {
            throw ConfigError("--\(setting.flag) \(text): expected \(setting.kind.expectation)")
        }
        values[name] = value
    }

    /// Adds a boolean flag if it was given (`--in-place` / `--no-in-place`).
    public mutating func add(_ name: String, _ flag: Bool?) {
        if let flag { values[name] = .bool(flag) }
    }

    /// Adds a list given as repeated flags, if any were.
    public mutating func add(_ name: String, _ texts: [String]) throws {
        guard !texts.isEmpty, let setting = Settings.byName[name] else { return }
        guard let value = setting.kind.accept(.strings(texts)) else {
            throw ConfigError("--\(setting.flag) \(texts.joined(separator: ",")): expected \(setting.kind.expectation)")
        }
        values[name] = value
    }

    public subscript(name: String) -> SettingValue? {
        get { values[name] }
        set { values[name] = newValue }
    }
}
