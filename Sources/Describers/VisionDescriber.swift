import AltbuildSupport
import DeckModel
import HTTPClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Describes pictures with a vision-language model served by Ollama
/// (`/api/generate` or `/api/chat`) or by any OpenAI-compatible server
/// (`/v1/chat/completions`: vLLM, llama.cpp's server, LM Studio, hosted
/// APIs). Charts, tables and SmartArt go to the builtin describer unless
/// `describeStructuredSlots` is set: their data is more exact than pixels.
public struct VisionDescriber: Describer {
    public enum API: String, Sendable { case ollama, openai }

    public struct Settings: Sendable {
        public var api: API
        public var endpoint: String
        public var model: String
        /// Ollama only: `/api/chat` instead of `/api/generate`.
        public var useChat = false
        public var requestTimeout: Double = 120
        public var maxTokens = 200
        public var temperature = 0.2
        public var seed = 42
        public var lengthTarget = 150
        /// The language to write in; nil follows each deck's own language tag (English if it has none).
        public var language: String?
        public var template = PromptTemplate()
        /// The environment variable holding the API key (OpenAI-compatible servers); never logged.
        public var apiKeyEnvironment = "OPENAI_API_KEY"
        public var describeStructuredSlots = false
        /// Pictures larger than this (longest side, pixels) are scaled down before sending; 0 never scales.
        public var longestSide = 1024
        public var retry = RetryPolicy()

        public init(api: API, endpoint: String? = nil, model: String? = nil) {
            self.api = api
            self.endpoint = Self.trimmedEndpoint(endpoint ?? (api == .ollama ? "http://127.0.0.1:11434" : "http://127.0.0.1:8000"))
            self.model = model ?? (api == .ollama ? "llava" : "gpt-4o-mini")
        }

        static func trimmedEndpoint(_ url: String) -> String {
            var url = url
            while url.hasSuffix("/") { url.removeLast() }
            if url.hasSuffix("/v1") { url.removeLast(3) }
            return url
        }
    }

    public let settings: Settings
    /// Shared with the rest of the build: `--concurrency` requests at once, in all.
    public let requests: DescriberLimiter
    private let builtin = BuiltinDescriber(recognizer: nil)

    public init(settings: Settings, limiter: DescriberLimiter) {
        self.settings = settings
        requests = limiter
    }

    public init(settings: Settings, maxConcurrentRequests: Int) {
        self.init(settings: settings, limiter: DescriberLimiter(limit: maxConcurrentRequests))
    }

    public var limiter: DescriberLimiter? { requests }

    /// The worker scales pictures to this before they are sent.
    public var imageSide: Int { settings.longestSide }

    public var language: String? { settings.language }

    public var identity: DescriberIdentity {
        // Version 2: pictures are keyed by image, kind and language, not by their slide's context.
        DescriberIdentity(name: settings.api.rawValue, version: "2", settings: [
            "endpoint": settings.endpoint, "model": settings.model, "chat": String(settings.useChat),
            "temperature": String(settings.temperature), "seed": String(settings.seed),
            "maxTokens": String(settings.maxTokens), "lengthTarget": String(settings.lengthTarget),
            "language": settings.language ?? "deck", "prompt": SHA256.hash(settings.template.text).hex,
            "structured": String(settings.describeStructuredSlots), "longestSide": String(settings.longestSide),
        ])
    }

    public var needsMedia: Bool { true }

    /// For a picture sent to the model: what it is (`kindName`: a photo, a
    /// video's poster frame) and the language, never the slide it sits on.
    /// One logo on 43 slides is then one request, not 43: the first
    /// occurrence asked (in deck order within a deck; whichever deck gets
    /// there first across a build) lends its slide's context to the prompt,
    /// and every other occurrence, here or in later builds, reuses the
    /// answer from the cache. What the picture is still decides: the same
    /// image as a photo and as a video's poster frame, or in a German and an
    /// English deck, is asked about separately; a chart's picture never
    /// reaches the model (its data does, through the builtin describer).
    public func contextKey(_ request: DescriptionRequest) -> String {
        if usesBuiltin(request.slot) { return "builtin\n" + builtin.contextKey(request) }
        return "image\n" + PromptTemplate.kindName(request.slot.kind) + "\n" + language(deckLanguage: request.deckLanguage)
    }

    func usesBuiltin(_ slot: Slot) -> Bool {
        if settings.describeStructuredSlots { return false }
        switch slot.content {
        case .chart, .table, .group, .oleObject: return true
        case .diagram(let diagram): return !diagram.items.isEmpty
        case .none: return !(slot.kind == .picture || slot.kind == .pictureFill || slot.kind == .video || slot.kind == .graphic)
        }
    }

    func prompt(_ slot: Slot, deckLanguage: String? = nil) -> String {
        settings.template.render(slot: slot, language: language(deckLanguage: deckLanguage), lengthTarget: settings.lengthTarget)
    }

    /// The language the model is asked to write in: `--language`, else the deck's, else English.
    func language(deckLanguage: String?) -> String {
        settings.language ?? deckLanguage.map(LanguageName.name) ?? "English"
    }

    public func describe(_ request: DescriptionRequest) async throws -> Description {
        let slot = request.slot
        if usesBuiltin(slot) { return builtin.describeNow(request) }
        guard let image = request.media, image.format.isSendable else {
            // EMF, WMF or SVG without a PNG fallback, or no picture at all: say what the slide says, flagged for review.
            var fallback = builtin.describeNow(request)
            if !fallback.needsReview {
                fallback.needsReview = true
                fallback.reason = "the model was not sent the picture"
            }
            if let format = request.media?.format, !format.isSendable {
                fallback.reason = "its \(format.rawValue.uppercased()) picture cannot be sent to the model"
            }
            return fallback
        }
        let text = prompt(slot, deckLanguage: request.deckLanguage)
        var lastRejection = ""
        for _ in 1...2 {
            let answer = try await ask(prompt: text, image: image, request: request)
            switch ModelOutput.clean(answer, lengthTarget: settings.lengthTarget) {
            case .text(let cleaned, let overLength):
                var description = Description(text: cleaned, needsReview: false)
                if overLength {
                    description.warning = "slide \(slot.slide) (\(slot.name)): the description is \(cleaned.count) characters, over the target of \(settings.lengthTarget)"
                }
                return description
            case .rejected(let reason):
                lastRejection = reason
            }
        }
        throw AltbuildError(.describerFailed, "\(settings.api.rawValue) describer, slide \(slot.slide) (\(slot.name)): \(lastRejection) (asked twice)", path: request.deckPath)
    }

    /// One answer from the server, with retries on connection errors, 5xx and 429.
    func ask(prompt: String, image: SlotImage, request: DescriptionRequest) async throws -> String {
        let (path, body) = try requestBody(prompt: prompt, image: image)
        let url = settings.endpoint + path
        let headers = authorization().merging(["Content-Type": "application/json", "Accept": "application/json"]) { $1 }
        let where_ = "\(settings.api.rawValue) describer at \(url), slide \(request.slot.slide) (\(request.slot.name))"
        var attempt = 0
        while true {
            attempt += 1
            let response: HTTPResponse
            do {
                let timeout = settings.requestTimeout
                let cancel = request.cancel
                response = try await requests.withPermit {
                    try await HTTPClient.send(method: "POST", url: url, headers: headers, body: body, timeout: timeout, cancel: cancel)
                }
            } catch let failure as HTTPFailure {
                switch failure {
                case .cancelled:
                    throw request.cancel.error(path: request.deckPath)
                case .connection where attempt < settings.retry.attempts:
                    try await pause(settings.retry.delay(afterAttempt: attempt, retryAfter: nil), request)
                    continue
                default:
                    throw AltbuildError(.describerFailed, "\(where_): \(failure)\(attempt > 1 ? " (after \(attempt) attempts)" : "")", path: request.deckPath)
                }
            }
            if (200...299).contains(response.status) {
                do {
                    return try parseAnswer(response.body)
                } catch {
                    throw AltbuildError(.describerFailed, "\(where_): the server's answer is not the JSON expected (\(String(response.text.prefix(120))))", path: request.deckPath)
                }
            }
            if RetryPolicy.isRetryable(status: response.status) && attempt < settings.retry.attempts {
                try await pause(settings.retry.delay(afterAttempt: attempt, retryAfter: response.headers["retry-after"]), request)
                continue
            }
            throw AltbuildError(.describerFailed, "\(where_): HTTP \(response.status)\(attempt > 1 ? " after \(attempt) attempts" : ""): \(Self.errorMessage(response.body))", path: request.deckPath)
        }
    }

    /// The bearer token from the environment variable the settings name
    /// (OpenAI-compatible servers only). Never stored, never logged.
    func authorization() -> [String: String] {
        guard settings.api == .openai, let key = getenv(settings.apiKeyEnvironment).map({ String(cString: $0) }), !key.isEmpty else { return [:] }
        return ["Authorization": "Bearer " + key]
    }

    private func pause(_ seconds: Double, _ request: DescriptionRequest) async throws {
        let deadline = monotonicSeconds() + seconds
        while monotonicSeconds() < deadline {
            if request.cancel.isCancelled { throw request.cancel.error(path: request.deckPath) }
            // A cancelled pause only ends early: the loop checks the cancel flag itself.
            try? await Task.sleep(nanoseconds: UInt64(min(0.05, max(0, deadline - monotonicSeconds())) * 1e9))
        }
    }

    // MARK: - Wire formats

    struct OllamaOptions: Codable { var temperature: Double; var seed: Int; var num_predict: Int }
    struct OllamaGenerate: Codable { var model: String; var prompt: String; var images: [String]; var stream: Bool; var options: OllamaOptions }
    struct OllamaMessage: Codable { var role: String; var content: String; var images: [String]? }
    struct OllamaChat: Codable { var model: String; var messages: [OllamaMessage]; var stream: Bool; var options: OllamaOptions }
    struct OpenAIImageURL: Codable { var url: String }
    struct OpenAIPart: Codable { var type: String; var text: String?; var image_url: OpenAIImageURL? }
    struct OpenAIMessage: Codable { var role: String; var content: [OpenAIPart] }
    struct OpenAIRequest: Codable { var model: String; var messages: [OpenAIMessage]; var max_tokens: Int; var temperature: Double }

    func requestBody(prompt: String, image: SlotImage) throws -> (String, [UInt8]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let base64 = Data(image.bytes).base64EncodedString()
        let options = OllamaOptions(temperature: settings.temperature, seed: settings.seed, num_predict: settings.maxTokens)
        switch settings.api {
        case .ollama where settings.useChat:
            let body = OllamaChat(model: settings.model, messages: [OllamaMessage(role: "user", content: prompt, images: [base64])], stream: false, options: options)
            return ("/api/chat", Array(try encoder.encode(body)))
        case .ollama:
            let body = OllamaGenerate(model: settings.model, prompt: prompt, images: [base64], stream: false, options: options)
            return ("/api/generate", Array(try encoder.encode(body)))
        case .openai:
            let dataURI = "data:\(image.format.mimeType);base64,\(base64)"
            let body = OpenAIRequest(model: settings.model, messages: [OpenAIMessage(role: "user", content: [
                OpenAIPart(type: "text", text: prompt, image_url: nil),
                OpenAIPart(type: "image_url", text: nil, image_url: OpenAIImageURL(url: dataURI)),
            ])], max_tokens: settings.maxTokens, temperature: settings.temperature)
            return ("/v1/chat/completions", Array(try encoder.encode(body)))
        }
    }

    struct GenerateAnswer: Decodable { var response: String?; var message: OllamaMessage? }
    struct OpenAIChoice: Decodable { var message: OpenAIAnswerMessage }
    struct OpenAIAnswerMessage: Decodable { var content: String? }
    struct OpenAIAnswer: Decodable { var choices: [OpenAIChoice] }

    func parseAnswer(_ body: [UInt8]) throws -> String {
        let data = Data(body)
        switch settings.api {
        case .ollama:
            let answer = try JSONDecoder().decode(GenerateAnswer.self, from: data)
            guard let text = answer.response ?? answer.message?.content else { throw AltbuildError(.describerFailed, "no answer field") }
            return text
        case .openai:
            let answer = try JSONDecoder().decode(OpenAIAnswer.self, from: data)
            guard let text = answer.choices.first?.message.content else { throw AltbuildError(.describerFailed, "no choices") }
            return text
        }
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { var message: String? }
        var text: String?
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            // Servers give the error as a string or as an object; a body with neither is quoted as text instead.
            if let plain = try? container.decode(String.self, forKey: .error) { text = plain }
            else if let detail = try? container.decode(Detail.self, forKey: .error) { text = detail.message }
        }
        enum Keys: String, CodingKey { case error }
    }

    /// The server's own error message if it sent one in either API's format, else the start of the body.
    static func errorMessage(_ body: [UInt8]) -> String {
        // A body that is not JSON is quoted as text below.
        if let parsed = try? JSONDecoder().decode(ErrorBody.self, from: Data(body)), let text = parsed.text { return text }
        let text = String(decoding: body.prefix(200), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.isEmpty ? "no error message" : text
    }
}

extension VisionDescriber {
    struct OllamaTags: Decodable {
        struct Model: Decodable { var name: String }
        var models: [Model]
    }

    struct OpenAIModels: Decodable {
        struct Model: Decodable { var id: String }
        var data: [Model]
    }

    /// Is the server reachable, and does it have the model? One clear error
    /// at build start instead of one per deck.
    public func preflight() async throws {
        let path = settings.api == .ollama ? "/api/tags" : "/v1/models"
        let url = settings.endpoint + path
        let headers = authorization().merging(["Accept": "application/json"]) { $1 }
        let server = settings.api == .ollama ? "the Ollama server" : "the OpenAI-compatible server"
        let response: HTTPResponse
        do {
            response = try await HTTPClient.send(method: "GET", url: url, headers: headers, timeout: min(settings.requestTimeout, 15))
        } catch {
            let hint = settings.api == .ollama ? " Is `ollama serve` running? Set --endpoint if it listens elsewhere." : " Check --endpoint."
            throw AltbuildError(.describerFailed, "cannot reach \(server) at \(settings.endpoint): \(error).\(hint)")
        }
        if response.status == 404 && settings.api == .openai {
            return  // Some compatible servers do not list models; the first request will tell.
        }
        guard (200...299).contains(response.status) else {
            throw AltbuildError(.describerFailed, "\(server) at \(settings.endpoint) answered HTTP \(response.status) to \(path): \(Self.errorMessage(response.body))")
        }
        let names: [String]
        switch settings.api {
        // An unreadable model list shows as "none" in the message below, which names the model wanted.
        case .ollama: names = (try? JSONDecoder().decode(OllamaTags.self, from: Data(response.body)))?.models.map(\.name) ?? []
        case .openai: names = (try? JSONDecoder().decode(OpenAIModels.self, from: Data(response.body)))?.data.map(\.id) ?? []
        }
        let wanted = settings.model
        let found = names.contains { name in
            name == wanted || (settings.api == .ollama && !wanted.contains(":") && name == wanted + ":latest")
        }
        guard found else {
            let available = names.isEmpty ? "none" : names.prefix(10).joined(separator: ", ")
            let hint = settings.api == .ollama ? " Run `ollama pull \(wanted)`, or choose one with --model." : " Choose one with --model."
            throw AltbuildError(.describerFailed, "\(server) at \(settings.endpoint) does not have the model '\(wanted)' (it has: \(available)).\(hint)")
        }
    }
}
