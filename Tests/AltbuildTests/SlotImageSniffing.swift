import DeckModel
import ImageTools

extension SlotImage {
    /// A picture as the worker would hand it over, for describer tests.
    static func sniffed(_ bytes: [UInt8]) -> SlotImage {
        SlotImage(bytes: bytes, format: ImageFormat(sniffing: bytes))
    }
}
