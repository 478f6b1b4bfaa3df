import AltbuildSupport

/// What a remote cache keeps track of during one build, behind its mutex:
/// the counts, whether it is still asked and sent to, and which objects it
/// is known to hold intact or damaged.
struct RemoteBooks {
    var counts = RemoteCacheCounts()
    /// Why the remote stopped being asked, once it did (then nothing more is
    /// requested this build, and the reason was told once).
    var outage: String?
    /// Why uploads stopped (the server refused one), once they did.
    var uploadsRefused: String?
    /// Objects the remote holds intact, as far as this build saw: downloaded
    /// and verified, or sent. Never sent again.
    var known = Set<SHA256Digest>()
    /// Objects whose remote copy failed verification: sent without asking
    /// first whether the remote has them, so that an upload mends them.
    var damaged = Set<SHA256Digest>()
    /// Rejected downloads already warned about: one warning a build for
    /// objects and one for entries; the summary counts the rest.
    var warnedObject = false
    var warnedEntry = false

    var asking: Bool { outage == nil }
    var sending: Bool { outage == nil && uploadsRefused == nil }
}
