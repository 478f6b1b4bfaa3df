/// Why a request failed before any HTTP status arrived.
public enum HTTPFailure: Error, Sendable, CustomStringConvertible {
    /// Could not connect (refused, unreachable, DNS).
    case connection(String)
    case timedOut(Double)
    case cancelled
    /// Anything else libcurl reports (TLS, protocol, a body over the bound).
    case transfer(String)

    public var description: String {
        switch self {
        case .connection(let text): return "cannot connect: \(text)"
        case .timedOut(let seconds): return "no answer within \(seconds)s"
        case .cancelled: return "cancelled"
        case .transfer(let text): return text
        }
    }
}
