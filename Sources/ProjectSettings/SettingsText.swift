/// `altbuild.toml` as text: the commented file `altbuild init` writes, and
/// the effective settings `altbuild config` prints, both from `Settings.all`
/// so neither can miss a key.
public enum SettingsText {
    /// Every key at its default, each under a comment saying what it does.
    public static func initialFile() -> String {
        var lines = [
            "# altbuild's settings for this project. This folder is the project root:",
            "# altbuild finds this file from any folder below it, and paths here are",
            "# relative to it. Every key is shown at its default; flags override keys.",
            "# `altbuild config` prints the settings in effect and where each comes from.",
        ]
        for section in Settings.sections {
            lines += ["", "[\(section)]"]
            for setting in Settings.all where setting.section == section {
                lines.append("# " + setting.help + " Flag: " + (setting.flag == "PATHS" ? "the paths on the command line." : "--\(setting.flag)."))
                lines.append("\(setting.key) = \(setting.defaultValue)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The effective settings, grouped as the file is, each with its source.
    public static func effective(_ settings: EffectiveSettings) -> String {
        var lines: [String] = []
        for section in Settings.sections {
            if !lines.isEmpty { lines.append("") }
            lines.append("[\(section)]")
            let assignments = Settings.all.filter { $0.section == section }.map { "\($0.key) = \(settings.value($0.name))" }
            let width = assignments.map(\.count).max() ?? 0
            for (setting, assignment) in zip(Settings.all.filter { $0.section == section }, assignments) {
                lines.append(assignment + String(repeating: " ", count: width - assignment.count) + "  # " + settings.source(setting.name).description)
            }
        }
        return lines.joined(separator: "\n")
    }
}
