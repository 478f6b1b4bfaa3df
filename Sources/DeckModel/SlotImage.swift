/// A slot's picture as a describer gets it: prepared by the worker (scaled
/// when the describer asked for a longest side), with the format the worker
/// sniffed. Describers never sniff or decode bytes themselves.
public struct SlotImage: Sendable, Equatable {
    public var bytes: [UInt8]
    public var format: ImageFormat

    public init(bytes: [UInt8], format: ImageFormat) {
        self.bytes = bytes
        self.format = format
    }
}
