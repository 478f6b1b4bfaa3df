extension String {
    /// The string with each Unicode scalar `replacement` has text for
    /// replaced by it (an empty text drops the scalar), and the rest kept:
    /// the one loop under the escapers of formats altbuild writes by hand.
    public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { out += text } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
