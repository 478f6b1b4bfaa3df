/// A GitHub Actions workflow command (`::error file=a.pptx,title=E_IO::message`),
/// which the runner turns into an annotation on the file. The runner reads
/// one command per line and splits properties at `,` and `:`, so a message
/// or a file name holding those would be cut short or could start a second
/// command; they are escaped as the runner's own toolkit escapes them.
public enum WorkflowCommand {
    /// The command as one line: `::name key=value,key=value::message`.
    public static func line(_ name: String, properties: [(key: String, value: String)], message: String) -> String {
        let fields = properties.map { $0.key + "=" + property($0.value) }.joined(separator: ",")
        return "::" + name + (fields.isEmpty ? "" : " " + fields) + "::" + data(message)
    }

    /// A message: `%`, carriage return and line feed as `%25`, `%0D`, `%0A`.
    public static func data(_ s: String) -> String {
        s.replacingScalars(dataEscape)
    }

    /// A property value: as a message, and `:` and `,` as `%3A` and `%2C`.
    public static func property(_ s: String) -> String {
        s.replacingScalars { scalar in
            switch scalar {
            case ":": return "%3A"
            case ",": return "%2C"
            default: return dataEscape(scalar)
            }
        }
    }

    private static func dataEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "%": return "%25"
        case "\r": return "%0D"
        case "\n": return "%0A"
        default: return nil
        }
    }
}
