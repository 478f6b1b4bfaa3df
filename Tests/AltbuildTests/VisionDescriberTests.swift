import Testing
import Foundation
import AltbuildSupport
@testable import OOXML
import DeckParsing
@testable import Describers
@testable import AltbuildCore
@testable import BuildEngine

/// The Ollama and OpenAI describers against a real HTTP server on 127.0.0.1
/// that follows both APIs' documented request and response formats.
@Suite struct VisionDescriberTests {
    let slot: Slot
    let image: [UInt8]

    init() throws {
        slot = try #require(try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx").inventory().slots.first { $0.shapeID == "2" })
        // A real JPEG header: the format decides the MIME type of the data URI.
        image = [0xFF, 0xD8, 0xFF, 0xE0] + Array("not really a jpeg, but bytes with a format".utf8)
    }

    func describer(_ server: FakeModelServer, api: VisionDescriber.API, model: String? = nil, timeout: Double = 10,
                   configure: (inout VisionDescriber.Settings) -> Void = { _ in }) -> VisionDescriber {
        var settings = VisionDescriber.Settings(api: api, endpoint: server.endpoint, model: model ?? (api == .ollama ? "llava" : "gpt-test"))
        settings.requestTimeout = timeout
        settings.retry = RetryPolicy(attempts: 4, baseDelay: 0.05, maxDelay: 2)
        configure(&settings)
        return VisionDescriber(settings: settings, maxConcurrentRequests: 4)
    }

    func request() -> DescriptionRequest {
        DescriptionRequest(slot: slot, deckPath: "sink.pptx", media: .sniffed(image))
    }

    func failure(_ body: () async throws -> Description) async -> AltbuildError? {
        do {
            _ = try await body()
            return nil
        } catch let error as AltbuildError {
            return error
        } catch {
            return AltbuildError(.internalError, "\(error)")
        }
    }

    @Test func ollamaGenerateRequestCarriesTheExactImageModelAndPrompt() async throws {
        let server = try FakeModelServer(api: "ollama", arguments: ["--answer", "A picture of two people shaking hands at a desk"])
        let vision = describer(server, api: .ollama)
        let description = try await vision.describe(request())
        #expect(description.text == "Two people shaking hands at a desk")
        let post = try #require(server.posts.first)
        #expect(post["path"] as? String == "/api/generate")
        let body = try #require(post["body"] as? [String: Any])
        #expect(body["model"] as? String == "llava")
        #expect(body["stream"] as? Bool == false)
        #expect((body["images"] as? [String]) == [Data(image).base64EncodedString()])
        let prompt = try #require(body["prompt"] as? String)
        #expect(prompt == vision.prompt(slot))
        #expect(prompt.contains("Slide title: Quarterly results"))
        #expect(prompt.contains("Figure 1: the new office"))
        #expect(prompt.contains("Speaker notes: Remember to thank the facilities team"))
        let options = try #require(body["options"] as? [String: Any])
        #expect(options["temperature"] as? Double == 0.2)
        #expect(options["seed"] as? Int == 42)
        #expect(options["num_predict"] as? Int == 200)
    }

    @Test func ollamaChatEndpointWhenConfigured() async throws {
        let server = try FakeModelServer(api: "ollama")
        _ = try await describer(server, api: .ollama) { $0.useChat = true }.describe(request())
        let post = try #require(server.posts.first)
        #expect(post["path"] as? String == "/api/chat")
        let message = try #require(((post["body"] as? [String: Any])?["messages"] as? [[String: Any]])?.first)
        #expect(message["role"] as? String == "user")
        #expect(message["images"] as? [String] == [Data(image).base64EncodedString()])
    }

    @Test func openAIRequestHasADataURIOfTheRightTypeAndTheKeyFromTheEnvironment() async throws {
        let server = try FakeModelServer(api: "openai", arguments: ["--model", "gpt-test"])
        let variable = "ALTBUILD_TEST_KEY_\(UInt32.random(in: 0...UInt32.max))"
        setenv(variable, "sk-secret-value", 1)
        defer { unsetenv(variable) }
        let text = try await describer(server, api: .openai) { $0.apiKeyEnvironment = variable }.describe(request()).text
        #expect(text == "A generated description")
        let post = try #require(server.posts.first)
        #expect(post["path"] as? String == "/v1/chat/completions")
        #expect((post["headers"] as? [String: String])?["authorization"] == "Bearer sk-secret-value")
        let body = try #require(post["body"] as? [String: Any])
        #expect(body["model"] as? String == "gpt-test")
        #expect(body["max_tokens"] as? Int == 200)
        let parts = try #require(((body["messages"] as? [[String: Any]])?.first?["content"]) as? [[String: Any]])
        #expect(parts.first?["type"] as? String == "text")
        #expect((parts.last?["image_url"] as? [String: String])?["url"] == "data:image/jpeg;base64," + Data(image).base64EncodedString())
    }

    @Test func errorBodiesAreReportedAndNotRetried() async throws {
        let server = try FakeModelServer(api: "openai", arguments: ["--model", "gpt-test"],
                                         script: [["status": 400, "body": ["error": ["message": "invalid image", "type": "invalid_request_error"]]]])
        let error = await failure { try await describer(server, api: .openai).describe(request()) }
        #expect(error?.code == .describerFailed)
        #expect(error?.message.contains("HTTP 400: invalid image") == true, "\(String(describing: error))")
        #expect(server.posts.count == 1)
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let server = try FakeModelServer(api: "ollama", script: [["status": 429, "headers": ["Retry-After": "1"]]])
        let start = Date()
        let text = try await describer(server, api: .ollama).describe(request()).text
        #expect(text == "A generated description")
        #expect(Date().timeIntervalSince(start) >= 1.0)
        #expect(server.posts.count == 2)
    }

    @Test func aServerErrorIsRetriedThenSucceeds() async throws {
        let server = try FakeModelServer(api: "ollama", script: [["status": 500], ["status": 503]])
        let text = try await describer(server, api: .ollama).describe(request()).text
        #expect(text == "A generated description")
        #expect(server.posts.count == 3)
    }

    @Test func persistentServerErrorsGiveUpAfterTheLastAttempt() async throws {
        let server = try FakeModelServer(api: "ollama", script: Array(repeating: ["status": 500, "body": ["error": "GPU fell off the bus"]], count: 6))
        let error = await failure { try await describer(server, api: .ollama).describe(request()) }
        #expect(error?.message.contains("HTTP 500 after 4 attempts: GPU fell off the bus") == true, "\(String(describing: error))")
        #expect(server.posts.count == 4)
    }

    @Test func aResponseSlowerThanTheTimeoutFails() async throws {
        // The server holds every attempt for 90 s; four attempts of 1 s and their backoff take about 8 s,
        // and up to 50 s were seen with the test suite's threads and two cores shared by other builds:
        // only a client that waits for the server reaches 90.
        let server = try FakeModelServer(api: "ollama", script: [["delay": 90]])
        let start = Date()
        let error = await failure { try await describer(server, api: .ollama, timeout: 1).describe(request()) }
        #expect(Date().timeIntervalSince(start) < 75, "the client gave up before the server answered")
        #expect(error?.message.contains("no answer within 1.0s") == true, "\(String(describing: error))")
    }

    @Test func malformedJSONIsAClearError() async throws {
        let server = try FakeModelServer(api: "ollama", script: [["body": "{\"response\": \"unterminated"]])
        let error = await failure { try await describer(server, api: .ollama).describe(request()) }
        #expect(error?.message.contains("not the JSON expected") == true, "\(String(describing: error))")
    }

    @Test func connectionRefusedIsRetriedThenReported() async throws {
        var settings = VisionDescriber.Settings(api: .ollama, endpoint: "http://127.0.0.1:1")
        settings.retry = RetryPolicy(attempts: 3, baseDelay: 0.01, maxDelay: 0.05)
        let error = await failure { try await VisionDescriber(settings: settings, maxConcurrentRequests: 1).describe(request()) }
        #expect(error?.message.contains("cannot connect") == true, "\(String(describing: error))")
        #expect(error?.message.contains("after 3 attempts") == true)
    }

    @Test func anEmptyAnswerIsAskedAgainOnceThenFails() async throws {
        let once = try FakeModelServer(api: "ollama", script: [["answer": ""]])
        #expect(try await describer(once, api: .ollama).describe(request()).text == "A generated description")
        #expect(once.posts.count == 2)
        let twice = try FakeModelServer(api: "ollama", script: [["answer": ""], ["answer": "I'm sorry, I cannot help with that."]])
        let error = await failure { try await describer(twice, api: .ollama).describe(request()) }
        #expect(error?.message.contains("refused") == true, "\(String(describing: error))")
        #expect(twice.posts.count == 2)
    }

    @Test func preflightFailsAtOnceWhenTheModelIsMissing() async throws {
        let server = try FakeModelServer(api: "ollama", arguments: ["--model", "moondream"])
        let error = await failure {
            try await describer(server, api: .ollama, model: "llava").preflight()
            return Description(text: "", needsReview: false)
        }
        #expect(error?.message.contains("does not have the model 'llava' (it has: moondream:latest)") == true, "\(String(describing: error))")
        #expect(error?.message.contains("ollama pull llava") == true)
        try await describer(server, api: .ollama, model: "moondream").preflight()
        let openai = try FakeModelServer(api: "openai", arguments: ["--model", "gpt-test"])
        let missing = await failure {
            try await describer(openai, api: .openai, model: "gpt-other").preflight()
            return Description(text: "", needsReview: false)
        }
        #expect(missing?.message.contains("does not have the model 'gpt-other'") == true)
    }

    @Test func chartsStayWithTheBuiltinDescriberAndUnsendableImagesFallBack() async throws {
        let server = try FakeModelServer(api: "ollama")
        let vision = describer(server, api: .ollama)
        let slots = try Deck(bytes: Fixtures.kitchenSink().bytes(), path: "sink.pptx").inventory().slots
        let chart = try #require(slots.first { $0.kind == .chart })
        let text = try await vision.describe(DescriptionRequest(slot: chart, media: .sniffed(image))).text
        #expect(text.hasPrefix("Column chart “Revenue by quarter”"))
        let emf: [UInt8] = [0x01, 0, 0, 0] + [UInt8](repeating: 0, count: 36) + [0x20, 0x45, 0x4D, 0x46] + [0, 0, 0, 0]
        let fallback = try await vision.describe(DescriptionRequest(slot: slot, media: .sniffed(emf)))
        #expect(fallback.needsReview)
        #expect(server.posts.isEmpty)
    }

    @Test func theSameImageInManyDecksIsRequestedOnce() async throws {
        let server = try FakeModelServer(api: "ollama")
        let root = Fixtures.temporaryDirectory()
        // Five different decks showing the same picture, each under its own title and caption.
        for i in 0..<5 {
            try FileManager.default.write(IncrementalTests.deck(variant: i, caption: "Caption \(i)", title: "Deck \(i)"), to: "\(root)/decks/d\(i).pptx")
        }
        var settings = VisionDescriber.Settings(api: .ollama, endpoint: server.endpoint)
        settings.retry = RetryPolicy(attempts: 2, baseDelay: 0.01)
        var project = Project(configuration: BuildConfiguration(outputDirectory: root + "/out", stateDirectory: root + "/.altbuild",
                                                                describer: VisionDescriber(settings: settings, maxConcurrentRequests: 4)),
                              options: BuildOptions(), cacheDirectory: root + "/.altbuild/cache")
        project.isolation = .custom(InProcessDeckProcessor(limits: .default))
        let executor = project.executor(state: StateLog(path: project.statePath), buildID: "t")
        let result = await executor.run(try project.discovery.discover([root + "/decks"]), execution: ExecutionOptions(jobs: 3)) { _, _, _ in }
        #expect(result.summary.built == 5)
        #expect(server.posts.count == 1)
        // The same image in two German decks is asked about once more, in German.
        for i in 5..<7 {
            try FileManager.default.write(IncrementalTests.deck(variant: i, title: "Deck \(i)", language: "de-DE"), to: "\(root)/decks/de\(i).pptx")
        }
        let more = await executor.run(try project.discovery.discover([root + "/decks"]), execution: ExecutionOptions(jobs: 3)) { _, _, _ in }
        #expect(more.summary.built == 2)
        #expect(server.posts.count == 2)
        let body = try #require(server.posts.last?["body"] as? [String: Any])
        #expect((body["prompt"] as? String)?.contains("in German") == true, "\(body)")
    }
}

@Suite struct ModelOutputTests {
    @Test func openingsMarkupAndWhitespaceAreCleaned() {
        #expect(ModelOutput.clean("  Image of a **red** bicycle\n leaning on a wall.  ", lengthTarget: 150) == .text("A red bicycle leaning on a wall.", overLength: false))
        #expect(ModelOutput.clean("<p>A picture of the team</p>", lengthTarget: 150) == .text("The team", overLength: false))
        #expect(ModelOutput.clean("\"Sales rise\u{1} in Q4\"", lengthTarget: 150) == .text("Sales rise in Q4", overLength: false))
    }

    @Test func longAnswersAreKeptWholeWithAWarning() {
        let long = Array(repeating: "word", count: 60).joined(separator: " ")
        #expect(ModelOutput.clean(long, lengthTarget: 150) == .text(TextCase.capitalizedFirst(long), overLength: true))
    }

    @Test func refusalsAndErrorsAreRejected() {
        for answer in ["", "   ", "I'm sorry, but I can't help with that.", "Error: CUDA out of memory", "As an AI, I cannot see images."] {
            guard case .rejected = ModelOutput.clean(answer, lengthTarget: 150) else {
                Issue.record("accepted \(answer)")
                continue
            }
        }
    }
}

enum TextCase {
    static func capitalizedFirst(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

@Suite struct DeckLanguageTests {
    @Test func theDeckLanguageIsFoundAndUsedInThePrompt() throws {
        let shapes = #"<p:sp><p:nvSpPr><p:cNvPr id="5" name="T"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="fr-FR"/><a:t>Bonjour</a:t></a:r><a:r><a:rPr lang="fr-FR"/><a:t>à tous</a:t></a:r><a:r><a:rPr lang="en-US"/><a:t>OK</a:t></a:r></a:p></p:txBody></p:sp>"#
            + DeckFixture.picture(id: 2, name: "Picture 1")
        let fixture = DeckFixture(slides: [.init(shapes: shapes, relationships: [("rIdImg", "image", "../media/image1.png")])],
                                  parts: [("ppt/media/image1.png", DeckFixture.png)])
        let inventory = try Deck(bytes: fixture.bytes(), path: "fr.pptx").inventory()
        #expect(inventory.language == "fr-FR")
        let vision = VisionDescriber(settings: VisionDescriber.Settings(api: .ollama), maxConcurrentRequests: 1)
        let slot = try #require(inventory.slots.first)
        #expect(vision.prompt(slot, deckLanguage: inventory.language).contains("in French"))
        var fixed = VisionDescriber.Settings(api: .ollama)
        fixed.language = "Dutch"
        #expect(VisionDescriber(settings: fixed, maxConcurrentRequests: 1).prompt(slot, deckLanguage: "fr-FR").contains("in Dutch"))
    }
}

/// The model describers through the built binary: preflight and a real build.
@Suite(.serialized) struct VisionCommandTests {
    @Test func aBuildWithOllamaWritesTheModelsTextAndPreflightStopsABrokenSetup() throws {
        let server = try FakeModelServer(api: "ollama", arguments: ["--answer", "A picture of a sunny office with plants"])
        let project = Fixtures.temporaryDirectory()
        for i in 0..<3 { try FileManager.default.write(IncrementalTests.deck(variant: i, caption: "Caption \(i)"), to: "\(project)/decks/d\(i).pptx") }
        let build = try BinaryRunner.run(["build", "decks", "--describer", "ollama", "--endpoint", server.endpoint], in: project)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("3 decks: 3 built"), "\(build.stdout)")
        let slot = try Deck(path: "\(project)/build/decks/d1.pptx").inventory().slots.first { $0.kind == .picture }
        #expect(slot?.descr == "A sunny office with plants")
        // One picture under three captions: asked about once.
        #expect(server.posts.count == 1)

        let missing = try BinaryRunner.run(["build", "decks", "--describer", "ollama", "--endpoint", server.endpoint, "--model", "bakllava"], in: project)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("does not have the model 'bakllava'"), "\(missing.stderr)")
        #expect(!missing.stdout.contains("decks:"), "nothing was built")
        #expect(server.posts.count == 1)
    }
}
