import AltbuildCore
import AltbuildSupport

/// The body of `POST /api/decide`: `{"deck": 0, "slot": "slide1:2",
/// "decision": "approve"|"set"|"decorative"|"reset", "text": "..."}`.
struct DecideRequest: Codable, Sendable {
    var deck: Int
    var slot: String
    var decision: String
    var text: String?

    /// The decision it asks for; `set` needs its text.
    func reviewDecision() throws -> ReviewDecision {
        switch decision {
        case "approve": return .approve
        case "decorative": return .decorative
        case "reset": return .reset
        case "set":
            guard let text else { throw AltbuildError(.reviewRequest, "a \"set\" decision needs a \"text\"") }
            return .set(text)
        default:
            throw AltbuildError(.reviewRequest, "unknown decision \"\(decision)\" (approve, set, decorative or reset)")
        }
    }
}

extension ErrorCode {
    /// A request to the review page's server that is malformed or not allowed.
    static let reviewRequest = ErrorCode("E_REVIEW_REQUEST")
}
