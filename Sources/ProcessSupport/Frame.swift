/// The framing a pool worker speaks on its stdin and stdout, as Bazel's
/// persistent workers do: each message is a 4-byte big-endian length, then
/// that many bytes. A length says where a message ends without looking into
/// it, so a reply is read whole or known to be over its bound before any of
/// it is kept. An empty request is the pool's handshake: a worker answers
/// it with an empty reply as soon as it is up.
public enum Frame {
    public static let headerLength = 4

    /// `payload` with its header in front. Payloads are bounded far below
    /// 4 GiB by both sides (a reply by the pool's bound, a request by the
    /// worker's), so the length always fits.
    public static func encode(_ payload: [UInt8]) -> [UInt8] {
        let length = UInt32(clamping: payload.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + payload
    }

    /// The payload length a header announces; `header` holds at least `headerLength` bytes.
    public static func length<Bytes: Collection<UInt8>>(header: Bytes) -> Int {
        header.prefix(headerLength).reduce(0) { $0 << 8 | Int($1) }
    }
}

/// One reply frame arriving in pieces from a pipe: its header, then its
/// payload, never more than `limit` bytes of it kept. The reader asks for
/// no more than `remaining`, so nothing of a later frame is ever consumed.
struct FrameReader {
    enum State: Equatable {
        case incomplete
        case complete
        /// The header announced more than `limit`: the rest is not read.
        case oversized
    }

    let limit: Int
    private var header: [UInt8] = []
    private var expected: Int?
    private(set) var payload: [UInt8] = []
    private(set) var state = State.incomplete

    init(limit: Int) { self.limit = limit }

    /// How many more bytes this frame needs: the rest of the header, then the rest of the payload.
    var remaining: Int {
        guard state == .incomplete else { return 0 }
        return expected.map { $0 - payload.count } ?? Frame.headerLength - header.count
    }

    /// Takes bytes read from the pipe, at most `remaining` of them.
    mutating func take(_ bytes: ArraySlice<UInt8>) {
        guard let expected else {
            header += bytes
            guard header.count == Frame.headerLength else { return }
            let length = Frame.length(header: header)
            self.expected = length
            if length > limit { state = .oversized } else if length == 0 { state = .complete }
            payload.reserveCapacity(min(length, limit))
            return
        }
        payload += bytes
        if payload.count == expected { state = .complete }
    }

    /// Bytes read so far, for the log when the worker ends mid-reply.
    var received: [UInt8] { header + payload }
}
