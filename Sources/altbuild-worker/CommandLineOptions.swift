/// Options read by hand: a worker starts for every deck (or every hundred),
/// and it has no user to help.
struct CommandLineOptions {
    let arguments: [String]

    func value(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    func number(_ name: String) -> Int? {
        value(name).flatMap { Int($0) }
    }
}
