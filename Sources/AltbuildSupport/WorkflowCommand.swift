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
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value: as a message, and `:` and `,` as `%3A` and `%2C`.
    public static func property(_ s: String) -> String {
        var out = ""
        for scalar in data(s).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
