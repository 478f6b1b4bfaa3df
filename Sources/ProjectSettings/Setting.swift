/// One project setting: its key in `altbuild.toml` (`[section] key`), the
/// flag that overrides it, what values it takes, its default, and what it
/// does. `Settings.all` lists every one; the file, the flags, `altbuild
/// config` and `altbuild init` all read that one table.
public struct Setting: Sendable {
    public let section: String
    public let key: String
    /// The flag, without `--`.
    public let flag: String
    public let kind: SettingKind
    public let defaultValue: SettingValue
    public let help: String

    public init(_ section: String, _ key: String, flag: String? = nil, _ kind: SettingKind, _ defaultValue: SettingValue, _ help: String) {
        self.section = section
        self.key = key
        self.flag = flag ?? key
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// `section.key`, the name `config` prints and code asks for.
    public var name: String { section + "." + key }
}
