import AltbuildSupport
import FlyingFox
import Foundation

/// The server's responses, each with headers that keep the browser from
/// guessing types or framing the page.
enum Responses {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ value: some Encodable, status: HTTPStatusCode = .ok) throws -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers("application/json; charset=utf-8"), body: try encoder.encode(value))
    }

    static func html(_ text: String) -> HTTPResponse {
        var headers = headers("text/html; charset=utf-8")
        // Everything is inline: scripts and styles from the page itself, pictures and data from this server.
        headers[HTTPHeader("Content-Security-Policy")] =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        return HTTPResponse(statusCode: .ok, headers: headers, body: Data(text.utf8))
    }

    /// A picture from a deck: possibly hostile (an SVG with script), so it
    /// is sandboxed should anyone open it on its own.
    static func image(_ bytes: [UInt8], type: String) -> HTTPResponse {
        var headers = headers(type)
        headers[HTTPHeader("Content-Security-Policy")] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        return HTTPResponse(statusCode: .ok, headers: headers, body: Data(bytes))
    }

    /// `{"error": code, "message": ..., "file": ...}`; the message names the file too.
    static func error(_ error: AltbuildError, status: HTTPStatusCode) -> HTTPResponse {
        var fields = ["error": error.code.rawValue, "message": error.description]
        if let path = error.path { fields["file"] = path }
        let body = (try? encoder.encode(fields)) ?? Data("{\"error\":\"\(error.code.rawValue)\"}".utf8)
        return HTTPResponse(statusCode: status, headers: headers("application/json; charset=utf-8"), body: body)
    }

    private static func headers(_ type: String) -> HTTPHeaders {
        [
            .contentType: type,
            HTTPHeader("X-Content-Type-Options"): "nosniff",
            HTTPHeader("X-Frame-Options"): "DENY",
            HTTPHeader("Referrer-Policy"): "no-referrer",
            .cacheControl: "no-store",
        ]
    }
}
