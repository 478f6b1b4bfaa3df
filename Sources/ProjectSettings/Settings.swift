/// Every setting a project can put in `altbuild.toml`, grouped as the file
/// groups them. Each also has a flag; flags override the file, the file
/// overrides the defaults here.
///
/// One-off actions and output formats stay flags only: `--force`,
/// `--dry-run`, `--json`, `--help`. They say what to do this time, not how
/// the project is built. So do `--shard` (every job of a CI matrix shares
/// the file, and each needs its own part) and `watch`'s `--poll`,
/// `--poll-interval` and `--debounce` (how one session on one machine looks
/// for changes).
public enum Settings {
    public static let sections = ["build", "describer", "policy", "review", "limits", "remote"]

    public static let all: [Setting] = build + describer + policy + review + limits + remote

    public static let byName: [String: Setting] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// A flag's help: what the setting does, and its key in the file.
    public static func help(_ name: String) -> String {
        guard let setting = byName[name] else { return "" }
        return setting.help + " (altbuild.toml: [\(setting.section)] \(setting.key))"
    }

    /// The values a setting takes, for shell completion (none for free text).
    public static func choices(_ name: String) -> [String] {
        switch byName[name]?.kind {
        case .choice(let choices)?: return choices
        case .strings(let choices?)?: return choices
        case .bool?: return ["true", "false"]
        default: return []
        }
    }

    /// Settings that name files or folders: relative to the project root in
    /// the file, to the current folder on the command line.
    public static let paths: Set<String> = ["build.out-dir", "build.cache-dir", "describer.prompt-file", "review.dir"]

    static let build: [Setting] = [
        Setting("build", "paths", flag: "PATHS", .strings(choices: nil), .strings(["."]),
                "Decks or folders to build when none are named on the command line, relative to the project root."),
        Setting("build", "out-dir", .string, .string("build"), "Where accessible decks are written, mirroring the input folders."),
        Setting("build", "in-place", .bool, .bool(false), "Write ALT text into the decks themselves (for pre-commit hooks)."),
        Setting("build", "cache-dir", .string, .string(""),
                "The content-addressed cache; empty: $ALTBUILD_CACHE_DIR, else .altbuild/cache."),
        Setting("build", "jobs", .int(min: 0), .int(0), "Decks built at once; 0: the number of cores."),
        Setting("build", "timeout", .duration, .string("10m"), "Time one deck may take, describing included; 0 for no limit."),
        Setting("build", "grace", .duration, .string("10s"), "After Ctrl+C or SIGTERM, how long running decks may take to finish."),
        Setting("build", "keep-going", .int(min: 0), .int(0), "Stop starting decks after this many failures; 0: never stop."),
        Setting("build", "max-failure-rate", .double(0...1), .double(1),
                "Stop starting decks when more than this fraction of finished decks failed, once 10 have finished; 1: never."),
        Setting("build", "lock-timeout", .duration, .string("30s"), "How long to wait for another build of the project."),
        Setting("build", "skip-failed", .bool, .bool(false), "Leave decks that failed before, and have not changed, alone."),
        Setting("build", "progress", .choice(["auto", "tty", "plain", "json", "none"]), .string("auto"), "Progress display."),
        Setting("build", "quiet", .bool, .bool(false), "Print only failures and the summary."),
        Setting("build", "verbose", .bool, .bool(false), "Also print why each deck is built."),
    ]

    static let describer: [Setting] = [
        Setting("describer", "name", flag: "describer", .choice(["builtin", "ollama", "openai", "command"]), .string("builtin"),
                "Who writes the ALT text: builtin (offline), ollama, openai (any OpenAI-compatible server) or command."),
        Setting("describer", "endpoint", .string, .string(""),
                "Model server URL; empty: http://127.0.0.1:11434 for ollama, http://127.0.0.1:8000 for openai."),
        Setting("describer", "model", .string, .string(""), "Model name; empty: llava for ollama."),
        Setting("describer", "concurrency", .int(min: 0), .int(0),
                "Most describer requests and processes at once across all decks; 0: the cores for builtin and command, 4 for ollama and openai."),
        Setting("describer", "language", .string, .string(""), "Language of the ALT text; empty: each deck's own, else English."),
        Setting("describer", "max-image-side", .int(min: 0), .int(1024),
                "Pictures longer than this (pixels) are scaled down before they are sent to a model; 0: never."),
        Setting("describer", "length-target", .int(min: 1), .int(150), "Soft length target of a description, in characters."),
        Setting("describer", "prompt-file", .string, .string(""), "A prompt template replacing the default; empty: the default."),
        Setting("describer", "model-describes-data", .bool, .bool(false),
                "Also send charts, tables and SmartArt to the model (by default their data is described exactly)."),
        Setting("describer", "command", flag: "describer-command", .string, .string(""),
                "For describer command: a shell command that reads the image on stdin and prints the ALT text."),
        Setting("describer", "command-timeout", flag: "describer-timeout", .duration, .string("2m"),
                "For describer command: how long one description may take."),
        Setting("describer", "request-timeout", .duration, .string("2m"), "For ollama and openai: how long one request may take."),
        Setting("describer", "api-key-env", .string, .string("OPENAI_API_KEY"),
                "For openai: the environment variable that holds the API key."),
        Setting("describer", "ollama-chat", .bool, .bool(false), "For ollama: use /api/chat instead of /api/generate."),
    ]

    static let policy: [Setting] = [
        Setting("policy", "replace-automatic", .bool, .bool(false),
                "Also replace PowerPoint's unreviewed \"Description automatically generated\" text."),
        Setting("policy", "overwrite", .bool, .bool(false), "Replace all existing ALT text, even text a person wrote."),
        Setting("policy", "decorative-below", .double(0...100), .double(0),
                "Mark pictures without ALT text covering less than this percentage of the slide as decorative; 0: never."),
        Setting("policy", "decorative", .choice(["detect", "mark-only-repeats", "off"]), .string("detect"),
                "Which pictures without text are found decorative: detect (a picture repeated at one place on 3 or more slides, icon arrays, tiny textures), mark-only-repeats, or off. Never a picture with a link."),
        Setting("policy", "fallback", .choice(["none", "context"]), .string("none"),
                "Where a describer knows only context: none leaves the slot for a person; context writes the context, unreviewed."),
        Setting("policy", "long-descriptions", .choice(["off", "notes"]), .string("off"),
                "Where a chart's or diagram's full data goes when the ALT text has room only for its gist: off, or notes (a block in the slide's speaker notes that altbuild owns and updates; the person's notes are never touched)."),
    ]

    static let review: [Setting] = [
        Setting("review", "dir", flag: "review-dir", .string, .string("alt-text"),
                "Where the decks' review files live: <dir>/<deck path>.json, relative to the project root."),
        Setting("review", "allow", .strings(choices: ["generated", "needs-review", "placeholder", "missing"]), .strings([]),
                "States `check` accepts besides human, approved, edited and decorative."),
        Setting("review", "port", .int(min: 0), .int(8750), "The review page's port on 127.0.0.1; 0: any free port."),
    ]

    static let limits: [Setting] = [
        Setting("limits", "max-megapixels", .double(0.000001...1_000_000), .double(50),
                "Pictures declaring more pixels than this (millions) are never decoded; their slots are left for a person."),
        Setting("limits", "worker-memory", .size(minimum: 128 << 20), .string("4G"),
                "Address-space limit of each worker (at least 128M), or 0 for none."),
    ]

    /// Where results come from, never what they are: none of these enters
    /// the configuration key, so a build with or without the remote cache
    /// makes the same decks and finds the same local results.
    static let remote: [Setting] = [
        Setting("remote", "cache", flag: "remote-cache", .string, .string(""),
                "A cache shared over HTTP with Bazel's remote cache protocol (bazel-remote, nginx with WebDAV, an S3 gateway): asked after a local miss, sent what this build makes; empty: none."),
        Setting("remote", "upload", flag: "remote-upload", .bool, .bool(true),
                "Send what this build makes to the remote cache; false for builds that only read it (CI on forks)."),
        Setting("remote", "header-env", flag: "remote-header-env", .string, .string("ALTBUILD_REMOTE_HEADER"),
                "The environment variable holding one header sent with every remote cache request, as `Name: value` (such as `Authorization: Bearer ...`); its value is never printed or logged."),
        Setting("remote", "timeout", flag: "remote-timeout", .duration, .string("30s"),
                "How long one remote cache request may take, connecting within at most 5s of it; an outage costs this build one such wait."),
    ]
}
