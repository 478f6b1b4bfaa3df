import AltbuildSupport
import FlyingFox
import Foundation

/// Maps requests to answers: the page, its data, one decision, a picture.
/// Every request passes the guard first.
struct ReviewRouter: Sendable {
    let service: ReviewService
    let requestGuard: RequestGuard

    /// A decision is a few kilobytes at most; anything larger is not one.
    static let maxBody = 1 << 20

    func respond(_ request: HTTPRequest) async -> HTTPResponse {
        if let refusal = requestGuard.refusal(request) {
            return Responses.error(AltbuildError(.reviewRequest, refusal), status: .forbidden)
        }
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        do {
            switch (request.method, parts) {
            case (.GET, ["", ""]):
                return Responses.html(ReviewPage.html)
            case (.GET, ["", "favicon.ico"]):
                // Browsers ask for one; an empty answer keeps a 404 out of their console.
                return HTTPResponse(statusCode: .noContent)
            case (.GET, ["", "api", "slots"]):
                return try Responses.json(await service.snapshot())
            case (.POST, ["", "api", "decide"]):
                return try await decide(request)
            case (.GET, let parts) where parts.count == 4 && parts[1] == "media":
                return media(deck: parts[2], digest: parts[3])
            default:
                return Responses.error(AltbuildError(.reviewRequest, "no such page: \(request.method.rawValue) \(request.path)"), status: .notFound)
            }
        } catch let error as AltbuildError {
            return Responses.error(error, status: Self.status(error.code))
        } catch {
            return Responses.error(AltbuildError(.io, "\(error)"), status: .internalServerError)
        }
    }

    private func decide(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let length = request.headers[.contentLength].flatMap(Int.init), length <= Self.maxBody else {
            throw AltbuildError(.reviewRequest, "a decision needs a Content-Length of at most \(Self.maxBody) bytes")
        }
        let body = try await request.bodyData
        let decide: DecideRequest
        do {
            decide = try JSONDecoder().decode(DecideRequest.self, from: body)
        } catch {
            throw AltbuildError(.reviewRequest, "not a decision: expected {\"deck\": N, \"slot\": ID, \"decision\": ..., \"text\": ...}")
        }
        return try Responses.json(await service.decide(decide))
    }

    private func media(deck: String, digest: String) -> HTTPResponse {
        guard let index = Int(deck), let image = service.media(deck: index, digest: digest) else {
            return Responses.error(AltbuildError(.reviewRequest, "no such picture in this deck"), status: .notFound)
        }
        return Responses.image(image.bytes, type: image.format.mimeType)
    }

    /// A person's mistake is a 4xx naming the file; a failed write is the server's.
    static func status(_ code: ErrorCode) -> HTTPStatusCode {
        switch code {
        case .reviewSlotUnknown: return .notFound
        case .reviewNotApplicable: return .conflict
        case .reviewFileInvalid: return .unprocessableContent
        case .reviewRequest: return .badRequest
        default: return .internalServerError
        }
    }
}
