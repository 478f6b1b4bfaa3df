import Foundation
@testable import OOXML
@testable import Describers

/// A describer for tests: counts its calls, has a configurable model name
/// (part of its identity, like a vision model's), and can run a hook
/// mid-describe (to edit the deck while it is being built).
final class CountingDescriber: Describer, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let model: String
    let hook: (@Sendable () -> Void)?

    init(model: String, hook: (@Sendable () -> Void)? = nil) {
        self.model = model
        self.hook = hook
    }

    var calls: Int { lock.withLock { count } }

    var identity: DescriberIdentity { DescriberIdentity(name: "counting", version: "1", settings: ["model": model]) }

    func contextKey(_ request: DescriptionRequest) -> String {
        "kind=\(request.slot.kind.rawValue)\ncaption=\(request.slot.context.caption ?? "")"
    }

    func describe(_ request: DescriptionRequest) async throws -> Description {
        lock.withLock { count += 1 }
        hook?()
        return Description(text: "[\(model)] \(request.slot.kind.rawValue) \(request.slot.context.caption ?? "")", needsReview: false)
    }
}
